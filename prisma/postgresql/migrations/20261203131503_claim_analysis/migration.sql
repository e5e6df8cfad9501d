-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "analysis" TEXT;
