-- CreateTable
CREATE TABLE "ClaimPair" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "claimAId" TEXT NOT NULL,
    "claimBId" TEXT NOT NULL,
    "score" REAL NOT NULL,
    "method" TEXT NOT NULL,
    "distinctAt" DATETIME,
    "distinctById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ClaimPair_claimAId_fkey" FOREIGN KEY ("claimAId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ClaimPair_claimBId_fkey" FOREIGN KEY ("claimBId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ClaimPair_distinctById_fkey" FOREIGN KEY ("distinctById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ClaimPair_claimBId_idx" ON "ClaimPair"("claimBId");

-- CreateIndex
CREATE INDEX "ClaimPair_distinctAt_score_idx" ON "ClaimPair"("distinctAt", "score");

-- CreateIndex
CREATE UNIQUE INDEX "ClaimPair_claimAId_claimBId_key" ON "ClaimPair"("claimAId", "claimBId");

