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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Claim_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Claim" ("conflictScore", "createdAt", "disputesCount", "firstSeenAt", "id", "qualifiesCount", "rankKey", "retractedAt", "retractedReason", "searchText", "slug", "sourceCount", "status", "supportsCount", "text", "topicId", "updatedAt", "version") SELECT "conflictScore", "createdAt", "disputesCount", "firstSeenAt", "id", "qualifiesCount", "rankKey", "retractedAt", "retractedReason", "searchText", "slug", "sourceCount", "status", "supportsCount", "text", "topicId", "updatedAt", "version" FROM "Claim";
DROP TABLE "Claim";
ALTER TABLE "new_Claim" RENAME TO "Claim";
CREATE UNIQUE INDEX "Claim_slug_key" ON "Claim"("slug");
CREATE UNIQUE INDEX "Claim_rankKey_key" ON "Claim"("rankKey");
CREATE INDEX "Claim_retractedAt_rankKey_idx" ON "Claim"("retractedAt", "rankKey");
CREATE INDEX "Claim_status_retractedAt_rankKey_idx" ON "Claim"("status", "retractedAt", "rankKey");
CREATE INDEX "Claim_topicId_retractedAt_rankKey_idx" ON "Claim"("topicId", "retractedAt", "rankKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Backfill: each claim's live stances (rows written before this column existed).
UPDATE "Claim" SET "stanceCount" = (SELECT COUNT(*) FROM "Stance" WHERE "Stance"."claimId" = "Claim"."id" AND "Stance"."retractedAt" IS NULL);
