-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('OPEN', 'ACCEPTED', 'DECLINED');

-- CreateEnum
CREATE TYPE "ActivityKind" AS ENUM ('CLAIM', 'STANCE', 'VERDICT', 'COMMENT', 'MENTION', 'SOURCE', 'REQUEST');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "RevisionEntity" ADD VALUE 'ASSESSMENT';
ALTER TYPE "RevisionEntity" ADD VALUE 'REQUEST';

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "assessmentCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "disagreement" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "requestedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Verdict" ADD COLUMN     "agreeing" INTEGER,
ADD COLUMN     "assessed" INTEGER;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "activitySeenAt" TIMESTAMP(3),
ADD COLUMN     "handle" TEXT;

-- CreateTable
CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "rating" "VerdictRating" NOT NULL,
    "confidence" "Confidence" NOT NULL,
    "rationale" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentReveal" (
    "claimId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssessmentReveal_pkey" PRIMARY KEY ("claimId","userId")
);

-- CreateTable
CREATE TABLE "CheckRequest" (
    "id" TEXT NOT NULL,
    "matchKey" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "claimId" TEXT,
    "status" "RequestStatus" NOT NULL DEFAULT 'OPEN',
    "reason" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "askerCount" INTEGER NOT NULL DEFAULT 0,
    "lastAskedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CheckRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckAsk" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "askerKey" TEXT NOT NULL,
    "userId" TEXT,
    "address" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "url" TEXT,
    "why" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CheckAsk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Watch" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "claimId" TEXT,
    "sourceId" TEXT,
    "topicId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Watch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Activity" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "ActivityKind" NOT NULL,
    "summary" TEXT NOT NULL,
    "claimId" TEXT,
    "sourceId" TEXT,
    "href" TEXT,
    "byId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Activity_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Assessment_userId_idx" ON "Assessment"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_claimId_userId_key" ON "Assessment"("claimId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "CheckRequest_matchKey_key" ON "CheckRequest"("matchKey");

-- CreateIndex
CREATE INDEX "CheckRequest_status_askerCount_lastAskedAt_idx" ON "CheckRequest"("status", "askerCount", "lastAskedAt");

-- CreateIndex
CREATE INDEX "CheckRequest_claimId_idx" ON "CheckRequest"("claimId");

-- CreateIndex
CREATE INDEX "CheckAsk_userId_createdAt_idx" ON "CheckAsk"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "CheckAsk_address_createdAt_idx" ON "CheckAsk"("address", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CheckAsk_requestId_askerKey_key" ON "CheckAsk"("requestId", "askerKey");

-- CreateIndex
CREATE INDEX "Watch_claimId_idx" ON "Watch"("claimId");

-- CreateIndex
CREATE INDEX "Watch_sourceId_idx" ON "Watch"("sourceId");

-- CreateIndex
CREATE INDEX "Watch_topicId_idx" ON "Watch"("topicId");

-- CreateIndex
CREATE UNIQUE INDEX "Watch_userId_target_key" ON "Watch"("userId", "target");

-- CreateIndex
CREATE INDEX "Activity_userId_createdAt_id_idx" ON "Activity"("userId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Claim_retractedAt_disagreement_idx" ON "Claim"("retractedAt", "disagreement");

-- CreateIndex
CREATE INDEX "Claim_requestedAt_idx" ON "Claim"("requestedAt");

-- CreateIndex
CREATE UNIQUE INDEX "User_handle_key" ON "User"("handle");

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentReveal" ADD CONSTRAINT "AssessmentReveal_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentReveal" ADD CONSTRAINT "AssessmentReveal_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckRequest" ADD CONSTRAINT "CheckRequest_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckRequest" ADD CONSTRAINT "CheckRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckAsk" ADD CONSTRAINT "CheckAsk_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "CheckRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckAsk" ADD CONSTRAINT "CheckAsk_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Watch" ADD CONSTRAINT "Watch_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Watch" ADD CONSTRAINT "Watch_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Watch" ADD CONSTRAINT "Watch_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Watch" ADD CONSTRAINT "Watch_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_byId_fkey" FOREIGN KEY ("byId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

