-- CreateEnum
CREATE TYPE "Reliability" AS ENUM ('A', 'B', 'C', 'D', 'E', 'F');

-- CreateEnum
CREATE TYPE "VerdictRating" AS ENUM ('UNREVIEWED', 'TRUE', 'MOSTLY_TRUE', 'MIXED', 'MISLEADING', 'MOSTLY_FALSE', 'FALSE', 'CONFLICTING_EVIDENCE', 'NOT_ENOUGH_EVIDENCE');

-- CreateEnum
CREATE TYPE "Confidence" AS ENUM ('LOW', 'MEDIUM', 'HIGH');

-- CreateEnum
CREATE TYPE "QuantityKind" AS ENUM ('NUMBER', 'DATE');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "RelationKind" ADD VALUE 'NARROWER_THAN';
ALTER TYPE "RelationKind" ADD VALUE 'SAME_AS';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "RevisionAction" ADD VALUE 'MERGE';
ALTER TYPE "RevisionAction" ADD VALUE 'UNMERGE';

-- AlterEnum
ALTER TYPE "RevisionEntity" ADD VALUE 'OUTLET';

-- AlterTable
ALTER TABLE "Actor" ADD COLUMN     "unnamed" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "assigneeId" TEXT,
ADD COLUMN     "conflictWeight" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "disputeWeight" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "lastEvidenceAt" TIMESTAMP(3),
ADD COLUMN     "mergedIntoId" TEXT,
ADD COLUMN     "originCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "quantityKind" "QuantityKind",
ADD COLUMN     "supportWeight" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "verdict" "VerdictRating" NOT NULL DEFAULT 'UNREVIEWED',
ADD COLUMN     "verdictAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Outlet" ADD COLUMN     "reliability" "Reliability",
ADD COLUMN     "reliabilityReason" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "reliability" "Reliability",
ADD COLUMN     "reliabilityReason" TEXT;

-- AlterTable
ALTER TABLE "Stance" ADD COLUMN     "credibility" INTEGER,
ADD COLUMN     "intervalHigh" DOUBLE PRECISION,
ADD COLUMN     "intervalLow" DOUBLE PRECISION,
ADD COLUMN     "intervalManual" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Verdict" (
    "id" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "rating" "VerdictRating" NOT NULL,
    "rationale" TEXT NOT NULL,
    "confidence" "Confidence" NOT NULL,
    "userId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Verdict_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimMerge" (
    "id" TEXT NOT NULL,
    "fromClaimId" TEXT NOT NULL,
    "intoClaimId" TEXT NOT NULL,
    "movedStanceIds" TEXT NOT NULL,
    "retractedStanceIds" TEXT NOT NULL,
    "reason" TEXT,
    "userId" TEXT,
    "undoneAt" TIMESTAMP(3),
    "undoneById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimMerge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Verdict_claimId_createdAt_idx" ON "Verdict"("claimId", "createdAt");

-- CreateIndex
CREATE INDEX "ClaimMerge_fromClaimId_createdAt_idx" ON "ClaimMerge"("fromClaimId", "createdAt");

-- CreateIndex
CREATE INDEX "ClaimMerge_intoClaimId_createdAt_idx" ON "ClaimMerge"("intoClaimId", "createdAt");

-- CreateIndex
CREATE INDEX "Claim_status_retractedAt_conflictWeight_idx" ON "Claim"("status", "retractedAt", "conflictWeight");

-- CreateIndex
CREATE INDEX "Claim_assigneeId_idx" ON "Claim"("assigneeId");

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Claim"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Verdict" ADD CONSTRAINT "Verdict_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Verdict" ADD CONSTRAINT "Verdict_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
