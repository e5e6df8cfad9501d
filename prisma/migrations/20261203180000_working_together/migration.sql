-- AlterTable
ALTER TABLE "Verdict" ADD COLUMN "agreeing" INTEGER;
ALTER TABLE "Verdict" ADD COLUMN "assessed" INTEGER;

-- AlterTable
ALTER TABLE "User" ADD COLUMN "activitySeenAt" DATETIME;
ALTER TABLE "User" ADD COLUMN "handle" TEXT;

-- CreateTable
CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "claimId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "rating" TEXT NOT NULL,
    "confidence" TEXT NOT NULL,
    "rationale" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Assessment_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Assessment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AssessmentReveal" (
    "claimId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("claimId", "userId"),
    CONSTRAINT "AssessmentReveal_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AssessmentReveal_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CheckRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "matchKey" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "claimId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "reason" TEXT,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "askerCount" INTEGER NOT NULL DEFAULT 0,
    "lastAskedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CheckRequest_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "CheckRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CheckAsk" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "askerKey" TEXT NOT NULL,
    "userId" TEXT,
    "address" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "url" TEXT,
    "why" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CheckAsk_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "CheckRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CheckAsk_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Watch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "claimId" TEXT,
    "sourceId" TEXT,
    "topicId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Watch_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Watch_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Watch_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Watch_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Activity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "claimId" TEXT,
    "sourceId" TEXT,
    "href" TEXT,
    "byId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Activity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Activity_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Activity_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Activity_byId_fkey" FOREIGN KEY ("byId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- AlterTable (columns added in place: redefining "Claim" would drop its search triggers)
ALTER TABLE "Claim" ADD COLUMN "assessmentCount" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Claim" ADD COLUMN "disagreement" REAL NOT NULL DEFAULT 0;
ALTER TABLE "Claim" ADD COLUMN "requestedAt" DATETIME;

-- CreateIndex
CREATE INDEX "Claim_retractedAt_disagreement_idx" ON "Claim"("retractedAt", "disagreement");
CREATE INDEX "Claim_requestedAt_idx" ON "Claim"("requestedAt");

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
CREATE UNIQUE INDEX "User_handle_key" ON "User"("handle");

