-- AlterTable
ALTER TABLE "Claim" ADD COLUMN "agreement" TEXT;

-- AlterTable
ALTER TABLE "Outlet" ADD COLUMN "campPlace" REAL;

-- CreateTable
CREATE TABLE "CampAxis" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "explained" REAL NOT NULL,
    "outlets" INTEGER NOT NULL,
    "votes" INTEGER NOT NULL,
    "fittedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "Claim_agreement_retractedAt_rankKey_idx" ON "Claim"("agreement", "retractedAt", "rankKey");

