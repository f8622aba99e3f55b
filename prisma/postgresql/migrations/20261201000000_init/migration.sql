-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Draft" (
    "id" TEXT NOT NULL,
    "owner" TEXT NOT NULL DEFAULT 'local',
    "name" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "size" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Draft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DraftVersion" (
    "id" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "size" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DraftVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsedNonce" (
    "id" TEXT NOT NULL,
    "usedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UsedNonce_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "tokenHash" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "RateBucket" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "resetAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateBucket_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Deployment" (
    "id" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "network" TEXT NOT NULL,
    "dseq" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "draftId" TEXT,
    "sdl" TEXT NOT NULL,
    "sdlErasedAt" TIMESTAMP(3),
    "manifestVersion" TEXT NOT NULL,
    "depositDenom" TEXT NOT NULL,
    "depositAmount" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "createTxHash" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "Deployment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Lease" (
    "id" TEXT NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "gseq" INTEGER NOT NULL,
    "oseq" INTEGER NOT NULL,
    "provider" TEXT NOT NULL,
    "bseq" INTEGER NOT NULL,
    "priceDenom" TEXT NOT NULL,
    "priceAmount" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "manifestError" TEXT,
    "createTxHash" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Lease_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProviderSnapshot" (
    "id" TEXT NOT NULL,
    "network" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "hostUri" TEXT NOT NULL,
    "attributes" TEXT NOT NULL,
    "auditedBy" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProviderSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProviderProbe" (
    "id" TEXT NOT NULL,
    "network" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ok" BOOLEAN NOT NULL,
    "latencyMs" INTEGER,
    "error" TEXT,

    CONSTRAINT "ProviderProbe_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Draft_owner_updatedAt_idx" ON "Draft"("owner", "updatedAt");

-- CreateIndex
CREATE INDEX "DraftVersion_draftId_createdAt_idx" ON "DraftVersion"("draftId", "createdAt");

-- CreateIndex
CREATE INDEX "DraftVersion_createdAt_idx" ON "DraftVersion"("createdAt");

-- CreateIndex
CREATE INDEX "UsedNonce_expiresAt_idx" ON "UsedNonce"("expiresAt");

-- CreateIndex
CREATE INDEX "Session_address_createdAt_idx" ON "Session"("address", "createdAt");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE INDEX "RateBucket_resetAt_idx" ON "RateBucket"("resetAt");

-- CreateIndex
CREATE INDEX "Deployment_owner_network_updatedAt_idx" ON "Deployment"("owner", "network", "updatedAt");

-- CreateIndex
CREATE INDEX "Deployment_state_closedAt_idx" ON "Deployment"("state", "closedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Deployment_network_owner_dseq_key" ON "Deployment"("network", "owner", "dseq");

-- CreateIndex
CREATE UNIQUE INDEX "Lease_deploymentId_gseq_oseq_key" ON "Lease"("deploymentId", "gseq", "oseq");

-- CreateIndex
CREATE INDEX "ProviderSnapshot_network_idx" ON "ProviderSnapshot"("network");

-- CreateIndex
CREATE INDEX "ProviderProbe_network_owner_at_idx" ON "ProviderProbe"("network", "owner", "at");

-- CreateIndex
CREATE INDEX "ProviderProbe_at_idx" ON "ProviderProbe"("at");

-- AddForeignKey
ALTER TABLE "DraftVersion" ADD CONSTRAINT "DraftVersion_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lease" ADD CONSTRAINT "Lease_deploymentId_fkey" FOREIGN KEY ("deploymentId") REFERENCES "Deployment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

