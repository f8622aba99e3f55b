-- CreateTable
CREATE TABLE "AuthNonce" (
    "nonce" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME
);

-- CreateTable
CREATE TABLE "Session" (
    "tokenHash" TEXT NOT NULL PRIMARY KEY,
    "address" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Deployment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "owner" TEXT NOT NULL,
    "network" TEXT NOT NULL,
    "dseq" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "draftId" TEXT,
    "sdl" TEXT NOT NULL,
    "manifestJson" TEXT NOT NULL,
    "manifestVersion" TEXT NOT NULL,
    "depositDenom" TEXT NOT NULL,
    "depositAmount" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "createTxHash" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "closedAt" DATETIME
);

-- CreateTable
CREATE TABLE "Lease" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Lease_deploymentId_fkey" FOREIGN KEY ("deploymentId") REFERENCES "Deployment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProviderSnapshot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "network" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "hostUri" TEXT NOT NULL,
    "attributes" TEXT NOT NULL,
    "auditedBy" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ProviderProbe" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "network" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ok" BOOLEAN NOT NULL,
    "latencyMs" INTEGER,
    "error" TEXT
);

-- CreateIndex
CREATE INDEX "Session_address_idx" ON "Session"("address");

-- CreateIndex
CREATE INDEX "Deployment_owner_network_updatedAt_idx" ON "Deployment"("owner", "network", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Deployment_network_owner_dseq_key" ON "Deployment"("network", "owner", "dseq");

-- CreateIndex
CREATE UNIQUE INDEX "Lease_deploymentId_gseq_oseq_key" ON "Lease"("deploymentId", "gseq", "oseq");

-- CreateIndex
CREATE INDEX "ProviderSnapshot_network_idx" ON "ProviderSnapshot"("network");

-- CreateIndex
CREATE INDEX "ProviderProbe_network_owner_at_idx" ON "ProviderProbe"("network", "owner", "at");

