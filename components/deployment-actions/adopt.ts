import { fromBase64, toHex } from "@cosmjs/encoding";
import { deploymentsApi } from "@/lib/deploy/api-client";
import { AppError } from "@/lib/errors/app-error";
import type { NetworkId } from "@/lib/networks";

export interface AdoptProps {
  networkId: NetworkId;
  dseq: string;
  /** the deployment's version on chain, as the REST API gives it (base64) */
  chainHash: string;
  deposit: { denom: string; amount: string } | null;
}

/** The SDL is checked against the chain before anything is recorded: only the SDL the deployment runs is adopted. */
export async function adopt(p: AdoptProps & { name: string; sdl: string }) {
  const { buildDeploymentPayload } = await import("@/lib/deploy/payload");
  const payload = await buildDeploymentPayload(p.sdl);
  const onChain = toHex(fromBase64(p.chainHash));
  if (payload.manifestVersion !== onChain) {
    throw new AppError("sdl.invalid", `This SDL's manifest version is ${payload.manifestVersion.slice(0, 16)}…, but deployment ${p.dseq} runs ${onChain.slice(0, 16)}… on chain: it is not the SDL the deployment was created (or last updated) with. Nothing was recorded.`);
  }
  const denom = p.deposit?.denom === "uakt" ? "uakt" : "uact";
  return deploymentsApi.save({ dseq: p.dseq, name: p.name, draftId: null, sdl: p.sdl, manifestVersion: payload.manifestVersion, deposit: { denom, amount: p.deposit?.amount ?? "0" }, createTxHash: null });
}

