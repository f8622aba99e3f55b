import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";

/**
 * A deployment sequence (dseq) is chosen by the tenant, unique per owner. Like the official console
 * (deploy-web NewDeploymentData: `dseq || getCurrentHeight(apiEndpoint)`), we use the latest block height:
 * it grows, so two deployments created a block apart never collide, and it tells when the deployment was made.
 */
const MAX_UINT64 = 2n ** 64n - 1n;

/** Validates a dseq from any source (URL segment, REST JSON, DB) and returns its canonical decimal string. */
export function parseDseq(value: string | number | bigint): string {
  const text = typeof value === "string" ? value.trim() : value.toString();
  if (!/^\d+$/.test(text)) {
    throw new AppError("request.invalid", `"${String(value)}" is not a deployment sequence (dseq): it must be a positive whole number.`);
  }
  const n = BigInt(text);
  if (n === 0n || n > MAX_UINT64) {
    throw new AppError("request.invalid", `dseq ${text} is out of range: it must be between 1 and 2^64-1.`);
  }
  return n.toString();
}

/** True when `value` is a dseq (a whole number from 1 to 2^64-1, decimal, no sign or leading zero). */
export function isDseq(value: string): boolean {
  return /^[1-9]\d*$/.test(value) && BigInt(value) <= MAX_UINT64;
}

/** For request bodies and route params: the canonical decimal string. */
export const dseqSchema = z.string().refine(isDseq, { message: "a dseq is a whole number from 1 to 2^64-1" });

/** The dseq for a deployment created now, given the latest block height. */
export function dseqFromHeight(latestHeight: number | bigint | string): string {
  return parseDseq(latestHeight);
}

/** Fetches the latest height with the injected reader (REST `/cosmos/base/tendermint/v1beta1/blocks/latest` or RPC status). */
export async function nextDseq(getLatestHeight: () => Promise<number | bigint | string>): Promise<string> {
  return dseqFromHeight(await getLatestHeight());
}
