-- Sources that change (decision 0025): a source's earlier texts, and where each stance stood in them.

-- CreateEnum
CREATE TYPE "TextOrigin" AS ENUM ('ADDED', 'FETCHED', 'UPLOADED', 'IMPORTED');

-- CreateEnum
CREATE TYPE "AnchorOutcome" AS ENUM ('EXACT', 'CHANGED', 'REATTACHED');

-- DropIndex
DROP INDEX "Stance_claimId_sourceId_start_end_key";

-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "textAt" TIMESTAMP(3),
ADD COLUMN     "textOrigin" "TextOrigin" NOT NULL DEFAULT 'ADDED',
ADD COLUMN     "textVersion" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Stance" ADD COLUMN     "anchoredVersion" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "orphanedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SourceVersion" (
    "sourceId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "origin" "TextOrigin" NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,
    "replacedAt" TIMESTAMP(3) NOT NULL,
    "reason" TEXT,

    CONSTRAINT "SourceVersion_pkey" PRIMARY KEY ("sourceId","number")
);

-- CreateTable
CREATE TABLE "StanceAnchor" (
    "id" TEXT NOT NULL,
    "stanceId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "outcome" "AnchorOutcome" NOT NULL,
    "nextVersion" INTEGER NOT NULL,
    "nextQuote" TEXT NOT NULL,
    "movedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StanceAnchor_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StanceAnchor_stanceId_version_idx" ON "StanceAnchor"("stanceId", "version");

-- CreateIndex
CREATE INDEX "Stance_orphanedAt_idx" ON "Stance"("orphanedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Stance_claimId_sourceId_anchoredVersion_start_end_key" ON "Stance"("claimId", "sourceId", "anchoredVersion", "start", "end");

-- AddForeignKey
ALTER TABLE "SourceVersion" ADD CONSTRAINT "SourceVersion_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StanceAnchor" ADD CONSTRAINT "StanceAnchor_stanceId_fkey" FOREIGN KEY ("stanceId") REFERENCES "Stance"("id") ON DELETE CASCADE ON UPDATE CASCADE;

