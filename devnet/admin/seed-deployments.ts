/**
 * `POST /deployments/seed`: many deployments for one owner in one block, some with a lease, for the deployment
 * list's scale tests and benchmark. Everything goes through the chain's own handlers as transactions (MsgSend from
 * the faucet for the deposits, MsgCreateDeployment, MsgCreateBid by a provider, MsgCreateLease by the owner), so
 * the result is what a tenant's own deployments look like, only made faster: hundreds of messages per transaction.
 *
 * The seeded group asks for `region: devnet-seeded`, which no simulated provider offers, so the fleet does not bid
 * on thousands of orders; a leased one gets its bid from a registered provider directly (the chain does not match
 * attributes on MsgCreateBid: the provider's own bid engine does).
 */
import { generateManifest, generateManifestVersion, yaml } from "@akashnetwork/chain-sdk";
import { Source } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { GroupSpec, MsgCreateDeployment } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { MsgCreateBid, MsgCreateLease } from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { MsgSend } from "@akashnetwork/chain-sdk/private-types/cosmos.v1beta1";
import type { EncodeObject } from "@cosmjs/proto-signing";
import type { SubmitResult } from "../contract";
import type { App } from "../chain/app";
import { marketParams } from "../chain/params";
import { deploymentKey } from "../chain/state";

export interface SeedRequest {
  owner: string;
  count: number;
  /** how many of them (the first ones) get a lease */
  leased: number;
  denom: "uact" | "uakt";
  /** deposit of each deployment, in micro units */
  deposit: bigint;
  /** lease price per block, a decimal in micro units ("100", "0.5"), at most the group's max price */
  price: string;
}

export interface SeededLease {
  dseq: string;
  gseq: number;
  oseq: number;
  provider: string;
  bseq: number;
}

export interface SeedResult {
  owner: string;
  height: number;
  dseqs: string[];
  leases: SeededLease[];
}

/** Messages per transaction: a block of 5,000 deployments is about 25 transactions. */
const BATCH = 200;
/** The group's max price per block, in micro units of the chosen denom. */
export const SEED_MAX_PRICE = 10_000;

const seedSdl = (denom: string) => `
version: "2.0"
services:
  web:
    image: nginx:1.27-alpine
    expose:
      - port: 80
        as: 80
        to:
          - global: true
profiles:
  compute:
    web:
      resources:
        cpu: { units: 0.5 }
        memory: { size: 512Mi }
        storage: { size: 1Gi }
  placement:
    seeded:
      attributes:
        region: devnet-seeded
      pricing:
        web: { denom: ${denom}, amount: ${SEED_MAX_PRICE} }
deployment:
  web:
    seeded: { profile: web, count: 1 }
`;

async function seededGroups(denom: string): Promise<{ groups: GroupSpec[]; hash: Uint8Array }> {
  const r = generateManifest(yaml.template(seedSdl(denom)));
  if (!r.ok) throw new Error(`the seed SDL is invalid: ${JSON.stringify(r.value).slice(0, 300)}`);
  return { groups: r.value.groupSpecs.map((g) => GroupSpec.fromPartial(g)), hash: await generateManifestVersion(r.value.groups) };
}

const chunks = <T>(xs: T[], n: number): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/**
 * Seeds, then resolves once every transaction is committed (they all enter the mempool at once, so they land in
 * the same block unless that block is already being made). Throws with the first failing transaction's raw log.
 */
export async function seedDeployments(app: App, faucet: string, providers: string[], req: SeedRequest): Promise<SeedResult> {
  if (req.leased > 0 && providers.length === 0) throw new SeedError(409, "no registered provider to lease from (start the devnet with providers)");
  const { groups, hash } = await seededGroups(req.denom);

  // dseqs far above the chain's height (height x 10,000 onwards), so a tenant's next deployment (dseq = height) never collides
  const dseqs: bigint[] = [];
  for (let next = BigInt(app.height()) * 10_000n; dseqs.length < req.count; next++) {
    if (!app.state.deployments.has(deploymentKey(req.owner, next))) dseqs.push(next);
  }
  const leases: SeededLease[] = dseqs.slice(0, req.leased).map((dseq, i) => ({ dseq: dseq.toString(), gseq: 1, oseq: 1, provider: providers[i % providers.length]!, bseq: 0 }));

  const pending: Promise<SubmitResult>[] = [];
  const funds = { denom: req.denom, amount: (req.deposit * BigInt(req.count)).toString() };
  pending.push(app.submitAs(faucet, [{ typeUrl: `/${MsgSend.$type}`, value: { fromAddress: faucet, toAddress: req.owner, amount: [funds] } }], "devnet seed: deposits"));
  for (const batch of chunks(dseqs, BATCH)) {
    const msgs: EncodeObject[] = batch.map((dseq) => ({
      typeUrl: `/${MsgCreateDeployment.$type}`,
      value: {
        id: { owner: req.owner, dseq: dseq.toString() },
        groups,
        hash,
        deposit: { amount: { denom: req.denom, amount: req.deposit.toString() }, sources: [Source.balance] },
      },
    }));
    pending.push(app.submitAs(req.owner, msgs, "devnet seed: deployments"));
  }
  const resources = groups[0]!.resources.map((ru) => ({ resources: ru.resource, count: ru.count }));
  for (const provider of providers) {
    const mine = leases.filter((l) => l.provider === provider);
    for (const batch of chunks(mine, BATCH)) {
      const msgs: EncodeObject[] = batch.map((l) => ({
        typeUrl: `/${MsgCreateBid.$type}`,
        value: MsgCreateBid.fromPartial({
          id: { owner: req.owner, dseq: l.dseq, gseq: 1, oseq: 1, provider, bseq: 0 },
          price: { denom: req.denom, amount: req.price },
          deposit: { amount: marketParams.bidMinDeposit, sources: [Source.balance] },
          resourcesOffer: resources,
        }),
      }));
      pending.push(app.submitAs(provider, msgs, "devnet seed: bids"));
    }
  }
  for (const batch of chunks(leases, BATCH)) {
    const msgs: EncodeObject[] = batch.map((l) => ({ typeUrl: `/${MsgCreateLease.$type}`, value: MsgCreateLease.fromPartial({ bidId: { owner: req.owner, ...l } }) }));
    pending.push(app.submitAs(req.owner, msgs, "devnet seed: leases"));
  }

  const results = await Promise.all(pending);
  const failed = results.find((r) => r.code !== 0);
  if (failed) throw new SeedError(500, `a seed transaction failed (code ${failed.code}, ${failed.codespace}): ${failed.rawLog}`);
  return { owner: req.owner, height: Math.max(...results.map((r) => r.height)), dseqs: dseqs.map(String), leases };
}

export class SeedError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
