/*
  Warnings:

  - You are about to drop the column `verdictAt` on the `Claim` table. All the data in the column will be lost.

*/
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
INSERT INTO "new_Claim" ("assigneeId", "conflictScore", "conflictWeight", "createdAt", "disputeWeight", "disputesCount", "firstSeenAt", "id", "lastEvidenceAt", "mergedIntoId", "originCount", "qualifiesCount", "quantityKind", "rankKey", "retractedAt", "retractedReason", "searchText", "slug", "sourceCount", "stanceCount", "status", "supportWeight", "supportsCount", "text", "topicId", "updatedAt", "verdict", "version") SELECT "assigneeId", "conflictScore", "conflictWeight", "createdAt", "disputeWeight", "disputesCount", "firstSeenAt", "id", "lastEvidenceAt", "mergedIntoId", "originCount", "qualifiesCount", "quantityKind", "rankKey", "retractedAt", "retractedReason", "searchText", "slug", "sourceCount", "stanceCount", "status", "supportWeight", "supportsCount", "text", "topicId", "updatedAt", "verdict", "version" FROM "Claim";
DROP TABLE "Claim";
ALTER TABLE "new_Claim" RENAME TO "Claim";
CREATE UNIQUE INDEX "Claim_slug_key" ON "Claim"("slug");
CREATE UNIQUE INDEX "Claim_rankKey_key" ON "Claim"("rankKey");
CREATE INDEX "Claim_retractedAt_rankKey_idx" ON "Claim"("retractedAt", "rankKey");
CREATE INDEX "Claim_status_retractedAt_rankKey_idx" ON "Claim"("status", "retractedAt", "rankKey");
CREATE INDEX "Claim_topicId_retractedAt_rankKey_idx" ON "Claim"("topicId", "retractedAt", "rankKey");
CREATE INDEX "Claim_status_retractedAt_conflictWeight_idx" ON "Claim"("status", "retractedAt", "conflictWeight");
CREATE INDEX "Claim_assigneeId_idx" ON "Claim"("assigneeId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
