-- CreateIndex
CREATE INDEX "Activity_href_idx" ON "Activity"("href");
