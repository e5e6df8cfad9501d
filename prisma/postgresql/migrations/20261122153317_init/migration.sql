-- CreateEnum
CREATE TYPE "OutletKind" AS ENUM ('PUBLIC_BROADCASTER', 'STATE_NEWS_AGENCY', 'NEWSPAPER', 'NEWS_WEBSITE', 'MAGAZINE', 'THINK_TANK', 'BLOG');

-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('NEWS_REPORT', 'ANALYSIS', 'OPINION', 'PRESS_RELEASE', 'BLOG_POST');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'MONTH', 'YEAR');

-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('PERSON', 'ORGANISATION', 'GOVERNMENT', 'GROUP');

-- CreateEnum
CREATE TYPE "Position" AS ENUM ('SUPPORTS', 'DISPUTES', 'QUALIFIES');

-- CreateEnum
CREATE TYPE "StanceMode" AS ENUM ('AS_FACT', 'REPORTED_ALLEGATION', 'SPECULATION', 'QUOTED_DENIAL', 'ASSESSMENT');

-- CreateEnum
CREATE TYPE "ClaimStatus" AS ENUM ('CONTESTED', 'CORROBORATED', 'SINGLE_SOURCE', 'DISPUTED', 'UNSUPPORTED');

-- CreateEnum
CREATE TYPE "RelationKind" AS ENUM ('CONTRADICTS', 'VARIANT_OF');

-- CreateTable
CREATE TABLE "Outlet" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "OutletKind" NOT NULL,
    "country" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Outlet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "outletId" TEXT NOT NULL,
    "url" TEXT,
    "publishedAt" TIMESTAMP(3),
    "datePrecision" "DatePrecision",
    "kind" "SourceKind" NOT NULL,
    "language" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "metadataNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SourceAuthor" (
    "id" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SourceAuthor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Actor" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ActorKind" NOT NULL,
    "description" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Actor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Topic" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Topic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tag" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Tag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimTag" (
    "claimId" TEXT NOT NULL,
    "tagId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimTag_pkey" PRIMARY KEY ("claimId","tagId")
);

-- CreateTable
CREATE TABLE "Claim" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "searchText" TEXT NOT NULL,
    "topicId" TEXT NOT NULL,
    "status" "ClaimStatus" NOT NULL DEFAULT 'UNSUPPORTED',
    "supportsCount" INTEGER NOT NULL DEFAULT 0,
    "disputesCount" INTEGER NOT NULL DEFAULT 0,
    "qualifiesCount" INTEGER NOT NULL DEFAULT 0,
    "sourceCount" INTEGER NOT NULL DEFAULT 0,
    "conflictScore" INTEGER NOT NULL DEFAULT 0,
    "firstSeenAt" TIMESTAMP(3),
    "rankKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Claim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Stance" (
    "id" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "speakerId" TEXT,
    "position" "Position" NOT NULL,
    "mode" "StanceMode" NOT NULL,
    "quote" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "prefix" TEXT NOT NULL,
    "suffix" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Stance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimRelation" (
    "id" TEXT NOT NULL,
    "fromClaimId" TEXT NOT NULL,
    "toClaimId" TEXT NOT NULL,
    "kind" "RelationKind" NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClaimRelation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CorpusCounts" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "claims" INTEGER NOT NULL DEFAULT 0,
    "contested" INTEGER NOT NULL DEFAULT 0,
    "sources" INTEGER NOT NULL DEFAULT 0,
    "stances" INTEGER NOT NULL DEFAULT 0,
    "actors" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CorpusCounts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Outlet_slug_key" ON "Outlet"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Outlet_name_key" ON "Outlet"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Source_url_key" ON "Source"("url");

-- CreateIndex
CREATE UNIQUE INDEX "Source_contentHash_key" ON "Source"("contentHash");

-- CreateIndex
CREATE INDEX "Source_outletId_idx" ON "Source"("outletId");

-- CreateIndex
CREATE INDEX "Source_publishedAt_id_idx" ON "Source"("publishedAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "SourceAuthor_sourceId_position_key" ON "SourceAuthor"("sourceId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Actor_slug_key" ON "Actor"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Topic_slug_key" ON "Topic"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Tag_slug_key" ON "Tag"("slug");

-- CreateIndex
CREATE INDEX "ClaimTag_tagId_idx" ON "ClaimTag"("tagId");

-- CreateIndex
CREATE UNIQUE INDEX "Claim_slug_key" ON "Claim"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Claim_rankKey_key" ON "Claim"("rankKey");

-- CreateIndex
CREATE INDEX "Claim_status_rankKey_idx" ON "Claim"("status", "rankKey");

-- CreateIndex
CREATE INDEX "Claim_topicId_rankKey_idx" ON "Claim"("topicId", "rankKey");

-- CreateIndex
CREATE INDEX "Stance_sourceId_start_idx" ON "Stance"("sourceId", "start");

-- CreateIndex
CREATE INDEX "Stance_speakerId_idx" ON "Stance"("speakerId");

-- CreateIndex
CREATE UNIQUE INDEX "Stance_claimId_sourceId_start_end_key" ON "Stance"("claimId", "sourceId", "start", "end");

-- CreateIndex
CREATE INDEX "ClaimRelation_toClaimId_idx" ON "ClaimRelation"("toClaimId");

-- CreateIndex
CREATE UNIQUE INDEX "ClaimRelation_fromClaimId_toClaimId_kind_key" ON "ClaimRelation"("fromClaimId", "toClaimId", "kind");

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_outletId_fkey" FOREIGN KEY ("outletId") REFERENCES "Outlet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceAuthor" ADD CONSTRAINT "SourceAuthor_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimTag" ADD CONSTRAINT "ClaimTag_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimTag" ADD CONSTRAINT "ClaimTag_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Stance" ADD CONSTRAINT "Stance_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Stance" ADD CONSTRAINT "Stance_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Stance" ADD CONSTRAINT "Stance_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Actor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimRelation" ADD CONSTRAINT "ClaimRelation_fromClaimId_fkey" FOREIGN KEY ("fromClaimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimRelation" ADD CONSTRAINT "ClaimRelation_toClaimId_fkey" FOREIGN KEY ("toClaimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;
