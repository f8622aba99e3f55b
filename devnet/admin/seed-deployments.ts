/**
 * Seeding for scale tests and benchmarks: N deployments of one owner in a few blocks, with leases on the first
 * `leased` of them (one provider each, round robin), through the chain's own handlers (submitAs): MsgCreateDeployment
 * from the owner, MsgCreateBid from the provider, MsgCreateLease from the owner, in batches of one tx per 250 messages.
 * The fleet does not bid on seeded orders, and the leased providers run the manifest at once (as if it was sent).
 */
import { Source } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { MsgCreateBid } from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import type { EncodeObject } from "@cosmjs/proto-signing";
import { z } from "zod";
import type { DevnetChain, ProviderFleet } from "../contract";
import { createDeploymentMsg, createLeaseMsg, sdlDeployment, type SdlDeployment } from "../tenant-messages";
import { HttpError, type Routes } from "./route";

/** One small web service priced in uakt, without placement requirements, so every provider may bid on it. */
const SEED_SDL = `
version: "2.0"
services:
  web:
    image: nginx:1.27.3
    expose:
      - port: 80
        as: 80
        to: [{ global: true }]
profiles:
  compute:
    web: { resources: { cpu: { units: 0.25 }, memory: { size: 128Mi }, storage: { size: 512Mi } } }
  placement:
    dc:
      pricing:
        web: { denom: uakt, amount: 1000 }
deployment:
  web: { dc: { profile: web, count: 1 } }
`;

const BATCH = 250;

export const seedBody = z
  .object({
    owner: z.string().regex(/^akash1[0-9a-z]{38}$/, "must be an akash1... address"),
    count: z.number().int().min(1).max(10_000),
    leased: z.number().int().nonnegative().default(0),
    /** escrow deposit of each deployment, uakt */
    deposit: z.string().regex(/^\d+$/).default("5000000"),
    /** lease price, uakt per block (a decimal, at most the SDL's 1000) */
    price: z.string().regex(/^\d+(\.\d+)?$/).default("100"),
    /** the leased providers run the manifest right away (lease status answers); false leaves "manifest not sent" */
    manifest: z.boolean().default(true),
  })
  .refine((b) => b.leased <= b.count, { message: "leased must not exceed count", path: ["leased"] });
export type SeedRequest = z.infer<typeof seedBody>;

export interface SeedResult {
  owner: string;
  dseqs: string[];
  leases: { dseq: string; provider: string }[];
  height: number;
}

let seedDeployment: Promise<SdlDeployment> | undefined;

export async function seedDeployments(chain: DevnetChain, fleet: ProviderFleet | undefined, req: SeedRequest): Promise<SeedResult> {
  const providers = fleet ? Object.keys(fleet.endpoints()) : [];
  if (req.leased > 0 && providers.length === 0) throw new HttpError(409, "leases need the provider fleet, which is not running");
  const d = await (seedDeployment ??= sdlDeployment(SEED_SDL));
  const dseqs = freeDseqs(chain, req.owner, req.count);
  fleet?.ignoreOrders(req.owner, dseqs);

  const deposit = { denom: "uakt", amount: req.deposit };
  await submitBatches(chain, req.owner, dseqs.map((dseq) => createDeploymentMsg(req.owner, dseq, d, deposit)), "deployments");

  const leased = dseqs.slice(0, req.leased).map((dseq, i) => ({ dseq, provider: providers[i % providers.length]! }));
  const bidDeposit = chain.bidMinDeposit?.() ?? { denom: "uakt", amount: "500000" };
  await Promise.all(
    providers.map((provider) => {
      const mine = leased.filter((l) => l.provider === provider);
      return submitBatches(chain, provider, mine.map((l) => bidMsg(req.owner, l.dseq, provider, req.price, bidDeposit, d)), "bids");
    }),
  );
  const bidId = (l: { dseq: bigint; provider: string }) => ({ owner: req.owner, dseq: l.dseq.toString(), gseq: 1, oseq: 1, provider: l.provider, bseq: 0 });
  await submitBatches(chain, req.owner, leased.map((l) => createLeaseMsg(bidId(l))), "leases");
  if (req.manifest && fleet) {
    const manifest = JSON.parse(d.manifestJson) as unknown;
    for (const l of leased) fleet.installManifest(l.provider, req.owner, l.dseq, manifest);
  }
  return { owner: req.owner, dseqs: dseqs.map(String), leases: leased.map((l) => ({ dseq: l.dseq.toString(), provider: l.provider })), height: chain.height() };
}

export function seedRoutes(chain: DevnetChain, fleet: () => ProviderFleet | undefined): Routes {
  return { "POST /deployments/seed": (b) => seedDeployments(chain, fleet(), seedBody.parse(b)) };
}

/** `count` unused dseqs of the owner from height × 10^6 up, so seeds never collide with each other or real ones. */
function freeDseqs(chain: DevnetChain, owner: string, count: number): bigint[] {
  const out: bigint[] = [];
  for (let dseq = BigInt(chain.height()) * 1_000_000n; out.length < count; dseq++) {
    if (!chain.getDeployment(owner, dseq)) out.push(dseq);
  }
  return out;
}

/** The messages in txs of BATCH messages, all submitted at once (they land in the next block); any failure is a 500. */
async function submitBatches(chain: DevnetChain, signer: string, msgs: EncodeObject[], what: string): Promise<void> {
  const txs: Promise<{ code: number; rawLog: string }>[] = [];
  for (let i = 0; i < msgs.length; i += BATCH) txs.push(chain.submitAs(signer, msgs.slice(i, i + BATCH), `devnet seed: ${what}`));
  const failed = (await Promise.all(txs)).find((r) => r.code !== 0);
  if (failed) throw new HttpError(500, `seeding ${what} failed: ${failed.rawLog}`);
}

function bidMsg(owner: string, dseq: bigint, provider: string, price: string, deposit: { denom: string; amount: string }, d: SdlDeployment): EncodeObject {
  const value = MsgCreateBid.fromPartial({
    id: { owner, dseq: dseq.toString(), gseq: 1, oseq: 1, provider, bseq: 0 },
    price: { denom: "uakt", amount: price },
    deposit: { amount: deposit, sources: [Source.balance] },
    resourcesOffer: d.groups[0]!.resources.map((ru) => ({ resources: ru.resource, count: ru.count })),
  });
  return { typeUrl: `/${MsgCreateBid.$type}`, value };
}
