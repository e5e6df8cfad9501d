-- AlterTable
ALTER TABLE "Source" ADD COLUMN "reliability" TEXT;
ALTER TABLE "Source" ADD COLUMN "reliabilityReason" TEXT;

-- CreateTable
CREATE TABLE "Verdict" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "claimId" TEXT NOT NULL,
    "rating" TEXT NOT NULL,
    "rationale" TEXT NOT NULL,
    "confidence" TEXT NOT NULL,
    "userId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Verdict_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Verdict_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ClaimMerge" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "fromClaimId" TEXT NOT NULL,
    "intoClaimId" TEXT NOT NULL,
    "movedStanceIds" TEXT NOT NULL,
    "retractedStanceIds" TEXT NOT NULL,
    "reason" TEXT,
    "userId" TEXT,
    "undoneAt" DATETIME,
    "undoneById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Actor" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "description" TEXT,
    "unnamed" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Actor" ("createdAt", "description", "id", "kind", "name", "slug", "updatedAt", "version") SELECT "createdAt", "description", "id", "kind", "name", "slug", "updatedAt", "version" FROM "Actor";
DROP TABLE "Actor";
ALTER TABLE "new_Actor" RENAME TO "Actor";
CREATE UNIQUE INDEX "Actor_slug_key" ON "Actor"("slug");
CREATE TABLE "new_Claim" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "searchText" TEXT NOT NULL,
    "topicId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'UNSUPPORTED',
    "supportsCount" INTEGER NOT NULL DEFAULT 0,
    "disputesCount" INTEGER NOT NULL DEFAULT 0,
    "qualifiesCount" INTEGER NOT NULL DEFAULT 0,
    "sourceCount" INTEGER NOT NULL DEFAULT 0,
    "stanceCount" INTEGER NOT NULL DEFAULT 0,
    "conflictScore" INTEGER NOT NULL DEFAULT 0,
    "firstSeenAt" DATETIME,
    "rankKey" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "retractedAt" DATETIME,
    "retractedReason" TEXT,
    "verdict" TEXT NOT NULL DEFAULT 'UNREVIEWED',
    "verdictAt" DATETIME,
    "assigneeId" TEXT,
    "quantityKind" TEXT,
    "mergedIntoId" TEXT,
    "supportWeight" REAL NOT NULL DEFAULT 0,
    "disputeWeight" REAL NOT NULL DEFAULT 0,
    "conflictWeight" REAL NOT NULL DEFAULT 0,
    "originCount" INTEGER NOT NULL DEFAULT 0,
    "lastEvidenceAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Claim_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Claim_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Claim_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Claim" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Claim" ("conflictScore", "createdAt", "disputesCount", "firstSeenAt", "id", "qualifiesCount", "rankKey", "retractedAt", "retractedReason", "searchText", "slug", "sourceCount", "stanceCount", "status", "supportsCount", "text", "topicId", "updatedAt", "version") SELECT "conflictScore", "createdAt", "disputesCount", "firstSeenAt", "id", "qualifiesCount", "rankKey", "retractedAt", "retractedReason", "searchText", "slug", "sourceCount", "stanceCount", "status", "supportsCount", "text", "topicId", "updatedAt", "version" FROM "Claim";
DROP TABLE "Claim";
ALTER TABLE "new_Claim" RENAME TO "Claim";
CREATE UNIQUE INDEX "Claim_slug_key" ON "Claim"("slug");
CREATE UNIQUE INDEX "Claim_rankKey_key" ON "Claim"("rankKey");
CREATE INDEX "Claim_retractedAt_rankKey_idx" ON "Claim"("retractedAt", "rankKey");
CREATE INDEX "Claim_status_retractedAt_rankKey_idx" ON "Claim"("status", "retractedAt", "rankKey");
CREATE INDEX "Claim_topicId_retractedAt_rankKey_idx" ON "Claim"("topicId", "retractedAt", "rankKey");
CREATE INDEX "Claim_status_retractedAt_conflictWeight_idx" ON "Claim"("status", "retractedAt", "conflictWeight");
CREATE INDEX "Claim_assigneeId_idx" ON "Claim"("assigneeId");
CREATE TABLE "new_Outlet" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "country" TEXT,
    "reliability" TEXT,
    "reliabilityReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Outlet" ("country", "createdAt", "id", "kind", "name", "slug", "updatedAt") SELECT "country", "createdAt", "id", "kind", "name", "slug", "updatedAt" FROM "Outlet";
DROP TABLE "Outlet";
ALTER TABLE "new_Outlet" RENAME TO "Outlet";
CREATE UNIQUE INDEX "Outlet_slug_key" ON "Outlet"("slug");
CREATE UNIQUE INDEX "Outlet_name_key" ON "Outlet"("name");
CREATE TABLE "new_Stance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "claimId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "speakerId" TEXT,
    "position" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "quote" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "prefix" TEXT NOT NULL,
    "suffix" TEXT NOT NULL,
    "note" TEXT,
    "credibility" INTEGER,
    "intervalLow" REAL,
    "intervalHigh" REAL,
    "intervalManual" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "retractedAt" DATETIME,
    "retractedReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Stance_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Stance_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Stance_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Actor" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Stance" ("claimId", "createdAt", "end", "id", "mode", "note", "position", "prefix", "quote", "retractedAt", "retractedReason", "sourceId", "speakerId", "start", "suffix", "updatedAt", "version") SELECT "claimId", "createdAt", "end", "id", "mode", "note", "position", "prefix", "quote", "retractedAt", "retractedReason", "sourceId", "speakerId", "start", "suffix", "updatedAt", "version" FROM "Stance";
DROP TABLE "Stance";
ALTER TABLE "new_Stance" RENAME TO "Stance";
CREATE INDEX "Stance_sourceId_start_idx" ON "Stance"("sourceId", "start");
CREATE INDEX "Stance_speakerId_idx" ON "Stance"("speakerId");
CREATE UNIQUE INDEX "Stance_claimId_sourceId_start_end_key" ON "Stance"("claimId", "sourceId", "start", "end");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Verdict_claimId_createdAt_idx" ON "Verdict"("claimId", "createdAt");

-- CreateIndex
CREATE INDEX "ClaimMerge_fromClaimId_createdAt_idx" ON "ClaimMerge"("fromClaimId", "createdAt");

-- CreateIndex
CREATE INDEX "ClaimMerge_intoClaimId_createdAt_idx" ON "ClaimMerge"("intoClaimId", "createdAt");
