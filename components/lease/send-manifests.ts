import { deploymentsApi, type DeploymentRecordDto } from "@/lib/deploy/api-client";
import { deliverManifest, type DeliveryLease, type LeaseDelivery } from "@/lib/deploy/manifest-delivery";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { providerApi } from "@/lib/provider-gateway/api-client";
import type { ProviderTokens } from "@/lib/provider-gateway/jwt";

/** The manifest the deployment was created with, derived again from its SDL and checked against the recorded version. */
async function manifestOf(record: DeploymentRecordDto): Promise<string> {
  if (!record.sdl) throw new AppError("not_found", "This deployment's SDL is no longer kept (it closed long ago), so its manifest cannot be sent.");
  // chain-sdk's manifest builder loads when a manifest is sent, not with the page
  const { buildDeploymentPayload } = await import("@/lib/deploy/payload");
  const payload = await buildDeploymentPayload(record.sdl);
  if (payload.manifestVersion !== record.manifestVersion) {
    throw new AppError("provider.manifest_rejected", "The SDL kept with this deployment does not produce the version on chain, so a provider would refuse its manifest. Update the deployment with the SDL you want to run.");
  }
  return payload.manifestJson;
}

/**
 * The browser's delivery of a deployment's manifest (lib/deploy/manifest-delivery.ts) over the console's provider
 * proxy, with the tenant's own provider tokens, recording each outcome with the console. Never rejects: every lease
 * ends `sent` or `failed` through `onUpdate`.
 */
export async function sendLeaseManifests(opts: {
  dseq: string;
  record: DeploymentRecordDto;
  tokens: ProviderTokens;
  leases: readonly DeliveryLease[];
  onUpdate(lease: DeliveryLease, delivery: LeaseDelivery): void;
  signal?: AbortSignal;
}): Promise<void> {
  const { dseq, record, tokens, leases, onUpdate, signal } = opts;
  let manifestJson: string;
  try {
    manifestJson = await manifestOf(record);
  } catch (e) {
    const error = isAppError(e) ? e : new AppError("internal", "The manifest could not be built from the SDL.", { cause: e });
    leases.forEach((l) => onUpdate(l, { state: "failed", error }));
    return;
  }
  await deliverManifest(leases, {
    put: async (provider) => void (await providerApi.sendManifest(provider, dseq, manifestJson, await tokens.get(provider))),
    record: (l, outcome) => deploymentsApi.recordManifest(dseq, l, outcome),
    onUpdate,
    signal,
  });
}
