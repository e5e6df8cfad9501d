-- Sources that change (decision 0025): a source's earlier texts, and where each stance stood in them.
-- Columns are added in place: redefining Source and Stance would drop the search index's triggers.
ALTER TABLE "Source" ADD COLUMN "textVersion" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Source" ADD COLUMN "textOrigin" TEXT NOT NULL DEFAULT 'ADDED';
ALTER TABLE "Source" ADD COLUMN "textAt" DATETIME;
ALTER TABLE "Stance" ADD COLUMN "anchoredVersion" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Stance" ADD COLUMN "orphanedAt" DATETIME;

-- DropIndex
DROP INDEX "Stance_claimId_sourceId_start_end_key";

-- CreateIndex
CREATE UNIQUE INDEX "Stance_claimId_sourceId_anchoredVersion_start_end_key" ON "Stance"("claimId", "sourceId", "anchoredVersion", "start", "end");

-- CreateIndex
CREATE INDEX "Stance_orphanedAt_idx" ON "Stance"("orphanedAt");

-- CreateTable
CREATE TABLE "SourceVersion" (
    "sourceId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "fetchedAt" DATETIME NOT NULL,
    "replacedAt" DATETIME NOT NULL,
    "reason" TEXT,

    PRIMARY KEY ("sourceId", "number"),
    CONSTRAINT "SourceVersion_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StanceAnchor" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "stanceId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "nextVersion" INTEGER NOT NULL,
    "nextQuote" TEXT NOT NULL,
    "movedAt" DATETIME NOT NULL,
    CONSTRAINT "StanceAnchor_stanceId_fkey" FOREIGN KEY ("stanceId") REFERENCES "Stance" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);


-- CreateIndex
CREATE INDEX "StanceAnchor_stanceId_version_idx" ON "StanceAnchor"("stanceId", "version");

