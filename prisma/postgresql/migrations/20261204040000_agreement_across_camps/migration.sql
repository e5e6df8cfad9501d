-- CreateEnum
CREATE TYPE "CampAgreement" AS ENUM ('ACROSS', 'ONE_SIDE');

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "agreement" "CampAgreement";

-- AlterTable
ALTER TABLE "Outlet" ADD COLUMN     "campPlace" DOUBLE PRECISION;

-- CreateTable
CREATE TABLE "CampAxis" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "explained" DOUBLE PRECISION NOT NULL,
    "outlets" INTEGER NOT NULL,
    "votes" INTEGER NOT NULL,
    "fittedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CampAxis_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Claim_agreement_retractedAt_rankKey_idx" ON "Claim"("agreement", "retractedAt", "rankKey");

