-- DropIndex
DROP INDEX "Stance_speakerId_idx";

-- CreateIndex
CREATE INDEX "Stance_speakerId_claimId_idx" ON "Stance"("speakerId", "claimId");
