import { z } from "zod";
import { akashAddressSchema } from "@/lib/chain/address";
import { dseqSchema } from "@/lib/chain/dseq";
import { SETTABLE_DEPLOYMENT_RECORD_STATES } from "@/lib/deploy/record-states";
import { SDL_MAX_BYTES } from "@/lib/sdl/limits";

const dseq = dseqSchema;
const address = akashAddressSchema();
const baseAmount = z.string().regex(/^\d{1,30}$/, "an amount in base units");
const decAmount = z.string().regex(/^\d{1,30}(\.\d{1,18})?$/, "a decimal amount");
const txHash = z.string().regex(/^[0-9A-Fa-f]{64}$/, "a transaction hash");

export const dseqParam = dseq;

/** What the browser records after MsgCreateDeployment was included. */
export const saveDeploymentBody = z.object({
  dseq,
  name: z.string().trim().min(1).max(120),
  draftId: z.string().max(64).nullable(),
  sdl: z.string().refine((s) => new TextEncoder().encode(s).length <= SDL_MAX_BYTES, "an SDL may be at most 1 MiB"),
  manifestVersion: z.string().regex(/^[0-9a-f]{64}$/, "a lowercase hex sha256"),
  deposit: z.object({ denom: z.enum(["uakt", "uact"]), amount: baseAmount }),
  /** null for a deployment created elsewhere and adopted here by its SDL */
  createTxHash: txHash.nullable(),
});

export const recordLeasesBody = z.object({
  /** null when the lease is recovered from the chain (the tab closed before it was recorded) */
  txHash: txHash.nullable(),
  leases: z
    .array(
      z.object({
        gseq: z.number().int().min(1),
        oseq: z.number().int().min(1),
        bseq: z.number().int().min(0),
        provider: address,
        price: z.object({ denom: z.string().min(1).max(128), amount: decAmount }),
      }),
    )
    .min(1)
    .max(64),
});

export const updateDeploymentBody = z.union([
  z.object({ state: z.enum(SETTABLE_DEPLOYMENT_RECORD_STATES) }),
  /** after MsgUpdateDeployment: the SDL whose manifest version is now on chain */
  z.object({
    sdl: z.string().refine((s) => new TextEncoder().encode(s).length <= SDL_MAX_BYTES, "an SDL may be at most 1 MiB"),
    manifestVersion: z.string().regex(/^[0-9a-f]{64}$/, "a lowercase hex sha256"),
  }),
]);

export const leaseSeqParam = z.coerce.number().int().min(1).max(0xffffffff);

/** What the browser learned sending a lease's manifest to its provider. */
export const recordManifestBody = z.discriminatedUnion("sent", [
  z.object({ sent: z.literal(true) }),
  z.object({ sent: z.literal(false), error: z.string().trim().min(1).max(1_000) }),
]);
