-- DropIndex
DROP INDEX "Claim_status_rankKey_idx";

-- DropIndex
DROP INDEX "Claim_topicId_rankKey_idx";

-- CreateIndex
CREATE INDEX "Claim_retractedAt_rankKey_idx" ON "Claim"("retractedAt", "rankKey");

-- CreateIndex
CREATE INDEX "Claim_status_retractedAt_rankKey_idx" ON "Claim"("status", "retractedAt", "rankKey");

-- CreateIndex
CREATE INDEX "Claim_topicId_retractedAt_rankKey_idx" ON "Claim"("topicId", "retractedAt", "rankKey");
