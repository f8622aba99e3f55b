-- The security review (issue 11): stateless nonces (UsedNonce replaces AuthNonce), idle sessions, database rate
-- limits, stored sizes (backfilled in bytes), no stored manifest JSON (derived from the SDL), SDL retention.
-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "AuthNonce";
PRAGMA foreign_keys=on;

-- CreateTable
CREATE TABLE "UsedNonce" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "usedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RateBucket" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "count" INTEGER NOT NULL,
    "resetAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Draft" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "owner" TEXT NOT NULL DEFAULT 'local',
    "name" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "size" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Draft" ("content", "size", "createdAt", "id", "name", "owner", "updatedAt") SELECT "content", length(CAST("content" AS BLOB)), "createdAt", "id", "name", "owner", "updatedAt" FROM "Draft";
DROP TABLE "Draft";
ALTER TABLE "new_Draft" RENAME TO "Draft";
CREATE INDEX "Draft_owner_updatedAt_idx" ON "Draft"("owner", "updatedAt");
CREATE TABLE "new_DraftVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "draftId" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "size" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DraftVersion_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_DraftVersion" ("content", "size", "createdAt", "draftId", "id") SELECT "content", length(CAST("content" AS BLOB)), "createdAt", "draftId", "id" FROM "DraftVersion";
DROP TABLE "DraftVersion";
ALTER TABLE "new_DraftVersion" RENAME TO "DraftVersion";
CREATE INDEX "DraftVersion_draftId_createdAt_idx" ON "DraftVersion"("draftId", "createdAt");
CREATE INDEX "DraftVersion_createdAt_idx" ON "DraftVersion"("createdAt");
CREATE TABLE "new_Session" (
    "tokenHash" TEXT NOT NULL PRIMARY KEY,
    "address" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Session" ("address", "createdAt", "expiresAt", "tokenHash") SELECT "address", "createdAt", "expiresAt", "tokenHash" FROM "Session";
DROP TABLE "Session";
ALTER TABLE "new_Session" RENAME TO "Session";
CREATE INDEX "Session_address_createdAt_idx" ON "Session"("address", "createdAt");
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");
CREATE TABLE "new_Deployment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "owner" TEXT NOT NULL,
    "network" TEXT NOT NULL,
    "dseq" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "draftId" TEXT,
    "sdl" TEXT NOT NULL,
    "sdlErasedAt" DATETIME,
    "manifestVersion" TEXT NOT NULL,
    "depositDenom" TEXT NOT NULL,
    "depositAmount" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "createTxHash" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "closedAt" DATETIME
);
INSERT INTO "new_Deployment" ("closedAt", "createTxHash", "createdAt", "depositAmount", "depositDenom", "draftId", "dseq", "id", "manifestVersion", "name", "network", "owner", "sdl", "state", "updatedAt") SELECT "closedAt", "createTxHash", "createdAt", "depositAmount", "depositDenom", "draftId", "dseq", "id", "manifestVersion", "name", "network", "owner", "sdl", "state", "updatedAt" FROM "Deployment";
DROP TABLE "Deployment";
ALTER TABLE "new_Deployment" RENAME TO "Deployment";
CREATE INDEX "Deployment_owner_network_updatedAt_idx" ON "Deployment"("owner", "network", "updatedAt");
CREATE INDEX "Deployment_state_closedAt_idx" ON "Deployment"("state", "closedAt");
CREATE UNIQUE INDEX "Deployment_network_owner_dseq_key" ON "Deployment"("network", "owner", "dseq");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "UsedNonce_expiresAt_idx" ON "UsedNonce"("expiresAt");

-- CreateIndex
CREATE INDEX "RateBucket_resetAt_idx" ON "RateBucket"("resetAt");

-- CreateIndex
CREATE INDEX "ProviderProbe_at_idx" ON "ProviderProbe"("at");

