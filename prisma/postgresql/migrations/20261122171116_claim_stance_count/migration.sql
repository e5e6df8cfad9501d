-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "stanceCount" INTEGER NOT NULL DEFAULT 0;

-- Backfill: each claim's live stances (rows written before this column existed).
UPDATE "Claim" SET "stanceCount" = (SELECT COUNT(*) FROM "Stance" WHERE "Stance"."claimId" = "Claim"."id" AND "Stance"."retractedAt" IS NULL);
