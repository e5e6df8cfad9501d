-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "familyId" TEXT;

-- CreateTable
CREATE TABLE "SourceBand" (
    "band" INTEGER NOT NULL,
    "key" INTEGER NOT NULL,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "SourceBand_pkey" PRIMARY KEY ("band","key","sourceId")
);

-- CreateTable
CREATE TABLE "SourceCopy" (
    "id" TEXT NOT NULL,
    "sourceAId" TEXT NOT NULL,
    "sourceBId" TEXT NOT NULL,
    "overlapA" DOUBLE PRECISION NOT NULL,
    "overlapB" DOUBLE PRECISION NOT NULL,
    "splitAt" TIMESTAMP(3),
    "splitById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SourceCopy_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SourceBand_sourceId_idx" ON "SourceBand"("sourceId");

-- CreateIndex
CREATE INDEX "SourceCopy_sourceBId_idx" ON "SourceCopy"("sourceBId");

-- CreateIndex
CREATE UNIQUE INDEX "SourceCopy_sourceAId_sourceBId_key" ON "SourceCopy"("sourceAId", "sourceBId");

-- CreateIndex
CREATE INDEX "Source_familyId_idx" ON "Source"("familyId");

-- AddForeignKey
ALTER TABLE "SourceBand" ADD CONSTRAINT "SourceBand_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceCopy" ADD CONSTRAINT "SourceCopy_sourceAId_fkey" FOREIGN KEY ("sourceAId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceCopy" ADD CONSTRAINT "SourceCopy_sourceBId_fkey" FOREIGN KEY ("sourceBId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceCopy" ADD CONSTRAINT "SourceCopy_splitById_fkey" FOREIGN KEY ("splitById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

