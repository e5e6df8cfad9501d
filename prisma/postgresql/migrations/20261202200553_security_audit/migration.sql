-- CreateEnum
CREATE TYPE "AuditKind" AS ENUM ('SIGN_IN', 'SIGN_IN_FAILED', 'SIGN_IN_THROTTLED', 'SIGN_UP', 'SIGN_UP_THROTTLED', 'ROLE_CHANGED', 'TOKEN_CREATED', 'TOKEN_REVOKED', 'TOKEN_NEW_ADDRESS', 'TOKEN_RATE_LIMITED');

-- AlterTable
ALTER TABLE "SignInFailure" ADD COLUMN     "client" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "ClientAttempt" (
    "id" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "client" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClientAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "kind" "AuditKind" NOT NULL,
    "userId" TEXT,
    "email" TEXT,
    "address" TEXT,
    "client" TEXT,
    "detail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiTokenAddress" (
    "tokenId" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiTokenAddress_pkey" PRIMARY KEY ("tokenId","address")
);

-- CreateIndex
CREATE INDEX "ClientAttempt_action_client_createdAt_idx" ON "ClientAttempt"("action", "client", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_id_idx" ON "AuditEvent"("createdAt", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_kind_email_client_idx" ON "AuditEvent"("kind", "email", "client");

-- CreateIndex
CREATE INDEX "SignInFailure_email_client_createdAt_idx" ON "SignInFailure"("email", "client", "createdAt");

-- AddForeignKey
ALTER TABLE "ApiTokenAddress" ADD CONSTRAINT "ApiTokenAddress_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "ApiToken"("id") ON DELETE CASCADE ON UPDATE CASCADE;
