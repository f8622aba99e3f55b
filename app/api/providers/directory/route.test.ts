import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { createTestDatabase } from "@/test/support/database";
import type { ChainBid } from "@/lib/chain/rest-schemas";
import { directoryAnswerSchema } from "@/lib/market/directory";
import { startDevnetFixture, type DevnetFixture } from "@/test/support/devnet";
import { TENANT1 } from "../../../../devnet/accounts";

// the route's getDb() is pointed at a fresh database (see app/api/providers/route.test.ts for why it is mocked)
const database = createTestDatabase();
vi.mock("@/lib/db/client", async (original) => ({ ...(await original<typeof import("@/lib/db/client")>()), getDb: () => database.db }));

let api: typeof import("./route");
let fx: DevnetFixture;

beforeAll(async () => {
  fx = await startDevnetFixture();
  await fx.fleet!.registered;
  process.env.NEXT_PUBLIC_NETWORK = "devnet";
  process.env.NEXT_PUBLIC_REST_URL = fx.devnet.endpoints.rest;
  api = await import("./route");
});
afterAll(async () => {
  await fx?.stop();
  await database.dispose();
});

let ip = 0;
const get = () =>
  api.GET(new NextRequest("http://localhost:3000/api/providers/directory", { headers: { host: "localhost:3000", "x-forwarded-for": `198.51.100.${++ip % 250}` } }), {
    params: Promise.resolve({}),
  });

describe("GET /api/providers/directory", () => {
  it("lists every provider on chain with region, GPUs, storage classes, IP leases, audits, and online from a first probe", async () => {
    const res = await get();
    expect(res.status).toBe(200);
    const body = directoryAnswerSchema.parse(await res.json());
    const profiles = fx.fleet!.profiles;
    expect(body.providers.map((p) => p.owner).sort()).toEqual(profiles.map((p) => p.account.address).sort());
    const west = body.providers.find((p) => p.owner === profiles[0]!.account.address)!;
    expect(west).toMatchObject({ name: "devnet-west-labs", region: "us-west", tier: "community", ipLeases: true, online: true, uptime24h: 100, uptime7d: 100, lastError: null });
    expect(body.providers.every((p) => p.activeLeases === 0 && p.openBids === 0)).toBe(true);
    // free capacity from the gateway's /status: the devnet's west provider has a node of eight H100s, nothing leased
    expect(west.inventory!.nodes.find((n) => n.name === "node1")).toMatchObject({ gpu: 8, gpus: { "nvidia/h100": 8 }, cpu: 64_000 });
    expect(west.inventory!.storage.map((s) => s.class).sort()).toEqual(["beta2", "beta3"]);
    // the devnet's statuses agree with their attributes
    expect(body.providers.filter((p) => p.disagreements.length > 0)).toEqual([]);
    expect(west.gpus).toEqual([{ vendor: "nvidia", model: "h100" }]);
    expect(west.storageClasses).toEqual(expect.arrayContaining([{ name: "beta2", persistent: true }, { name: "beta3", persistent: true }]));
    expect(west.auditedBy.map((a) => a.name)).toContain("Overclock Labs");
    const eu = body.providers.find((p) => p.owner === profiles[1]!.account.address)!;
    expect(eu).toMatchObject({ region: "eu-central", ipLeases: false });
  });

  it("gives uptime over 24 h and 7 days from the stored probes, and names why the last probe failed", async () => {
    const owner = fx.fleet!.profiles[3]!.account.address;
    const day = 24 * 60 * 60_000;
    // three days ago: four failed probes; the first test's probe (ok) is today's only one
    for (let i = 0; i < 4; i++) await database.db.providerProbe.create({ data: { network: "devnet", owner, at: new Date(Date.now() - 3 * day - i * 600_000), ok: false, error: "HTTP 500" } });
    const body = directoryAnswerSchema.parse(await (await get()).json());
    expect(body.providers.find((p) => p.owner === owner)).toMatchObject({ uptime24h: 100, uptime7d: 20, online: true });

    const { directoryCaches, loadDirectory } = await import("@/lib/market/directory.server");
    const { providersRepository } = await import("@/lib/db/providers");
    const { createRestClient } = await import("@/lib/chain/rest");
        await fx.fleet!.setFault(owner, "http500");
    try {
      // ten minutes on, every provider is due again; the real probe meets the 500
      const later = new Date(Date.now() + 10 * 60_000);
      const again = await loadDirectory({ network: { id: "devnet" }, rest: createRestClient(fx.devnet.endpoints.rest), repo: providersRepository(database.db), cache: directoryCaches(), now: () => later, waitMs: 5_000 });
      expect(again.providers.find((p) => p.owner === owner)).toMatchObject({ online: false, lastError: "HTTP 500", uptime24h: 50 });
    } finally {
      await fx.fleet!.setFault(owner, null);
    }
  });

  it("counts each provider's open bids and active leases on chain, and carries its newest bids with what they were for", async () => {
    const { directoryCaches, loadDirectory } = await import("@/lib/market/directory.server");
    const { providersRepository } = await import("@/lib/db/providers");
    const { createRestClient } = await import("@/lib/chain/rest");
        const { createLeaseMsg } = await import("@/lib/chain/messages");
    const rest = createRestClient(fx.devnet.endpoints.rest);
    const { dseq } = await fx.deploy("gitea.yaml");
    await fx.waitBlocks(12);
    const bids = await rest.bids({ owner: TENANT1.address, dseq });
    expect(bids.length).toBeGreaterThan(1);
    const leased = bids[0]!;
    const load = () => loadDirectory({ network: { id: "devnet" }, rest, repo: providersRepository(database.db), cache: directoryCaches(), probesPerRequest: 0 });
    const open = await load();
    // gitea: 0.5 CPU, 1 GiB of memory and 1 GiB of storage, at each bidder's own price
    for (const bid of bids) {
      const recent = open.providers.find((p) => p.owner === bid.id.provider)!.recentBids!.find((r) => r.dseq === dseq);
      expect(recent).toEqual({ dseq, gseq: 1, oseq: 1, state: "open", createdAt: bid.createdAt, price: bid.price, footprint: { cpu: 500, memory: 1024 ** 3, storage: 1024 ** 3, ips: 0, gpus: {} } });
    }
    const res = await fx.client.signAndBroadcast(leased.id.owner, [createLeaseMsg(leased.id)], "auto");
    expect(res.code).toBe(0);
    const body = await load();
    const of = (owner: string) => body.providers.find((p) => p.owner === owner)!;
    expect(of(leased.id.provider)).toMatchObject({ activeLeases: 1, openBids: 0 });
    // the bid the lease was made of stays as what that provider settled at; the lost ones are no longer recent
    expect(of(leased.id.provider).recentBids!.filter((r) => r.dseq === dseq).map((r) => r.state)).toEqual(["active"]);
    for (const lost of bids.slice(1)) expect(of(lost.id.provider).recentBids!.some((r) => r.dseq === dseq)).toBe(false);
    // the lease closed the other bids as lost: none of this deployment's bids is open any more
    expect(body.providers.reduce((n, p) => n + (p.openBids ?? 0), 0)).toBe(0);
  });

  it("a slow bid list does not hold the directory up, and a failing one keeps the last list rather than none", async () => {
    const { directoryCaches, loadDirectory } = await import("@/lib/market/directory.server");
    const { providersRepository } = await import("@/lib/db/providers");
    const { createRestClient } = await import("@/lib/chain/rest");
    const { SingleFlightCache } = await import("@/lib/market/single-flight-cache");
    const rest = createRestClient(fx.devnet.endpoints.rest);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let failing = false;
    const node: typeof rest = {
      ...rest,
      bidsInState: async (...args) => {
        await gate;
        if (failing) throw new Error("the node is down");
        return rest.bidsInState(...args);
      },
    };
    // lists that go stale at once: every request reads them again
    const caches = { ...directoryCaches(), openBids: new SingleFlightCache<ChainBid[]>(0), activeBids: new SingleFlightCache<ChainBid[]>(0) };
    const load = (bidsWaitMs: number) => loadDirectory({ network: { id: "devnet" }, rest: node, repo: providersRepository(database.db), cache: caches, probesPerRequest: 0, bidsWaitMs });
    const first = await load(50);
    expect(first.providers).toHaveLength(6);
    expect(first.providers.every((p) => p.recentBids === null && p.openBids === null)).toBe(true);
    release();
    const read = await load(10_000);
    expect(read.providers.every((p) => Array.isArray(p.recentBids))).toBe(true);
    const known = read.providers.map((p) => p.recentBids!.length);
    failing = true;
    const afterFailure = await load(10_000);
    expect(afterFailure.providers.map((p) => p.recentBids?.length)).toEqual(known);
  });

  it("probes a bounded number of providers per request, the stalest first", async () => {
    const { directoryCaches, loadDirectory } = await import("@/lib/market/directory.server");
    const { providersRepository } = await import("@/lib/db/providers");
    const { createRestClient } = await import("@/lib/chain/rest");
        const probed: string[] = [];
    const later = new Date(Date.now() + 60 * 60_000);
    await loadDirectory({
      network: { id: "devnet" },
      rest: createRestClient(fx.devnet.endpoints.rest),
      repo: providersRepository(database.db),
      cache: directoryCaches(),
      now: () => later,
      probesPerRequest: 2,
      probe: async (hostUri) => (probed.push(hostUri), { ok: true, latencyMs: 1, error: null, tlsFingerprint256: null }),
    });
    expect(probed).toHaveLength(2);
  });

  it("says which node could not be read when the chain is down, instead of an empty directory", async () => {
    process.env.NEXT_PUBLIC_REST_URL = "http://127.0.0.1:1";
    try {
      const res = await get();
      expect(res.status).toBe(502);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/could not be reached/);
    } finally {
      process.env.NEXT_PUBLIC_REST_URL = fx.devnet.endpoints.rest;
    }
  });
});
