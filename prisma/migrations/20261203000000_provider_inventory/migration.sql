-- The provider directory (issue 12): the free capacity a probe read from the provider's /status.
ALTER TABLE "ProviderProbe" ADD COLUMN "inventory" TEXT;
