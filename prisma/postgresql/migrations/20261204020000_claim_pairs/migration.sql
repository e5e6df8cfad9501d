
-- CreateTable
CREATE TABLE "ClaimPair" (
    "id" TEXT NOT NULL,
    "claimAId" TEXT NOT NULL,
    "claimBId" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "method" TEXT NOT NULL,
    "distinctAt" TIMESTAMP(3),
    "distinctById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClaimPair_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ClaimPair_claimBId_idx" ON "ClaimPair"("claimBId");

-- CreateIndex
CREATE INDEX "ClaimPair_distinctAt_score_idx" ON "ClaimPair"("distinctAt", "score");

-- CreateIndex
CREATE UNIQUE INDEX "ClaimPair_claimAId_claimBId_key" ON "ClaimPair"("claimAId", "claimBId");

-- AddForeignKey
ALTER TABLE "ClaimPair" ADD CONSTRAINT "ClaimPair_claimAId_fkey" FOREIGN KEY ("claimAId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimPair" ADD CONSTRAINT "ClaimPair_claimBId_fkey" FOREIGN KEY ("claimBId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimPair" ADD CONSTRAINT "ClaimPair_distinctById_fkey" FOREIGN KEY ("distinctById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

