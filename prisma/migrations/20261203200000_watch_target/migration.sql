-- CreateIndex
CREATE INDEX "Watch_target_idx" ON "Watch"("target");
