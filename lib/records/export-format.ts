import { z } from "zod";
import { akashAddressSchema } from "@/lib/chain/address";
import { dseqSchema } from "@/lib/chain/dseq";
import { DEPLOYMENT_RECORD_STATES, LEASE_RECORD_STATES } from "@/lib/deploy/record-states";
import { SDL_MAX_BYTES } from "@/lib/sdl/limits";

/**
 * One tenant's records as a file: drafts with their history, and the deployments created here with their SDLs and
 * leases. Read back with this schema only: a file that is not ours, or damaged, is refused whole.
 */
export const EXPORT_FORMAT = "akash-tenant-console/records";
export const EXPORT_VERSION = 1;

const sdl = z.string().refine((s) => new TextEncoder().encode(s).length <= SDL_MAX_BYTES, "an SDL may be at most 1 MiB");
const isoDate = z.string().datetime({ offset: true });

export const exportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT, { error: "this is not a records file of this console" }),
  version: z.literal(EXPORT_VERSION, { error: `this console reads version ${EXPORT_VERSION} of the records file` }),
  exportedAt: isoDate,
  owner: akashAddressSchema(),
  drafts: z
    .array(
      z.object({
        id: z.string().min(1).max(64),
        name: z.string().max(200),
        content: sdl,
        createdAt: isoDate,
        updatedAt: isoDate,
        versions: z.array(z.object({ content: sdl, createdAt: isoDate })).max(50),
      }),
    )
    .max(1_000),
  deployments: z
    .array(
      z.object({
        network: z.string().min(1).max(32),
        dseq: dseqSchema,
        name: z.string().max(120),
        draftId: z.string().max(64).nullable(),
        sdl: z.union([sdl, z.literal("")]),
        manifestVersion: z.string().regex(/^[0-9a-f]{64}$/),
        depositDenom: z.string().max(128),
        depositAmount: z.string().regex(/^\d{1,30}$/),
        state: z.enum(DEPLOYMENT_RECORD_STATES),
        createTxHash: z.string().max(128).nullable(),
        createdAt: isoDate,
        closedAt: isoDate.nullable(),
        leases: z.array(
          z.object({
            gseq: z.number().int().min(1),
            oseq: z.number().int().min(1),
            bseq: z.number().int().min(0),
            provider: akashAddressSchema(),
            priceDenom: z.string().max(128),
            priceAmount: z.string().regex(/^\d{1,30}(\.\d{1,18})?$/),
            state: z.enum(LEASE_RECORD_STATES),
            createTxHash: z.string().max(128).nullable(),
          }),
        ),
      }),
    )
    .max(10_000),
});
export type ExportFile = z.infer<typeof exportFileSchema>;
