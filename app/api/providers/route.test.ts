import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { createTestDatabase } from "@/test/support/database";
import { providersAnswerSchema } from "@/lib/market/provider-info";
import { startDevnetFixture, type DevnetFixture } from "@/test/support/devnet";
import { TENANT1, TENANT2 } from "../../../devnet/accounts";

// createTestDatabase imports lib/db/client, which parses DATABASE_URL at that import, before this file could set
// it: so the route's getDb() is pointed at the fresh database directly (else it would use ./data/console.db).
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
/** each call from its own address unless told: the per-address limit is tested on its own */
const get = (query: string, from = `192.0.2.${++ip % 250}`) =>
  api.GET(new NextRequest(`http://localhost:3000/api/providers${query}`, { headers: { host: "localhost:3000", "x-forwarded-for": from } }), { params: Promise.resolve({}) });

/** A pass-through in front of the devnet's REST that counts the provider records read through it. */
async function countingRest(target: string): Promise<{ url: string; providerReads: () => number; close: () => Promise<void> }> {
  let reads = 0;
  const server = http.createServer((req, res) => {
    if (/\/akash\/provider\/v1beta4\/providers\//.test(req.url ?? "")) reads += 1;
    fetch(`${target}${req.url}`).then(
      async (r) => {
        res.writeHead(r.status, { "content-type": r.headers.get("content-type") ?? "application/json" });
        res.end(Buffer.from(await r.arrayBuffer()));
      },
      () => res.writeHead(502).end(),
    );
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, providerReads: () => reads, close: () => new Promise((r) => server.close(() => r())) };
}

describe("GET /api/providers", () => {
  it("describes each provider: name, region, GPUs, auditors, and uptime from a first probe", async () => {
    const profiles = fx.fleet!.profiles;
    const res = await get(`?owners=${profiles.map((p) => p.account.address).join(",")}`);
    expect(res.status).toBe(200);
    const body = providersAnswerSchema.parse(await res.json());
    expect(body.network).toBe("devnet");
    expect(body.unknown).toEqual([]);
    expect(body.providers).toHaveLength(6);

    const west = body.providers.find((p) => p.owner === profiles[0]!.account.address)!;
    expect(west).toMatchObject({ name: "devnet-west-labs", organization: "devnet-west-labs", region: "us-west", source: "chain" });
    expect(west.hostUri).toBe(fx.devnet.endpoints.providers[west.owner]);
    expect(west.gpus).toEqual([{ vendor: "nvidia", model: "h100" }]);
    // audited by the devnet auditor and, mirrored, by the mainnet auditor the console knows by name
    expect(west.auditedBy.map((a) => a.name)).toContain("Overclock Labs");
    // the devnet gateways answer within the 2 s the route waits for probes
    expect(west.uptime24h).toBe(100);
    expect(west.probes24h).toBe(1);
    expect(west.tlsFingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);

    const apac = body.providers.find((p) => p.owner === profiles[2]!.account.address)!;
    expect(apac).toMatchObject({ region: "ap-southeast", auditedBy: [], gpus: [{ vendor: "nvidia", model: "rtx4090" }] });
  });

  it("probes a provider at most once per five minutes", async () => {
    const owner = fx.fleet!.profiles[3]!.account.address;
    await fx.fleet!.setFault(owner, "http500");
    const body = providersAnswerSchema.parse(await (await get(`?owners=${owner}`)).json());
    await fx.fleet!.setFault(owner, null);
    // the first test probed it (ok); the 500 now is not probed again, so uptime stays 100 on one probe
    expect(body.providers[0]).toMatchObject({ uptime24h: 100, probes24h: 1, tlsFingerprint256: null });
  });

  it("lists owners with no provider record as unknown", async () => {
    const body = providersAnswerSchema.parse(await (await get(`?owners=${TENANT1.address}`)).json());
    expect(body).toMatchObject({ providers: [], unknown: [TENANT1.address] });
  });

  it("refuses a missing or malformed owners list", async () => {
    const missing = await get("");
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toMatch(/owners is required/);
    const bad = await get("?owners=cosmos1abc");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/akash1… account address/);
  });

  it("answers from its last snapshot when the chain cannot be read", async () => {
    const owner = fx.fleet!.profiles[0]!.account.address;
    process.env.NEXT_PUBLIC_REST_URL = "http://127.0.0.1:1";
    try {
      const body = providersAnswerSchema.parse(await (await get(`?owners=${owner}`)).json());
      expect(body.providers[0]).toMatchObject({ owner, region: "us-west", source: "snapshot" });
      const none = await get(`?owners=${TENANT2.address}`);
      expect(none.status).toBe(502);
      expect(((await none.json()) as { error: { message: string } }).error.message).toMatch(/provider query could not be reached/);
    } finally {
      process.env.NEXT_PUBLIC_REST_URL = fx.devnet.endpoints.rest;
    }
  });

  it("reads a provider's chain record once for many concurrent requests, and serves repeats from its cache", async () => {
    const proxy = await countingRest(fx.devnet.endpoints.rest);
    process.env.NEXT_PUBLIC_REST_URL = proxy.url;
    try {
      const owner = fx.fleet!.profiles[4]!.account.address;
      const answers = await Promise.all(Array.from({ length: 10 }, () => get(`?owners=${owner}`)));
      expect(answers.map((r) => r.status)).toEqual(Array(10).fill(200));
      await get(`?owners=${owner}`);
      expect(proxy.providerReads()).toBe(1);
    } finally {
      process.env.NEXT_PUBLIC_REST_URL = fx.devnet.endpoints.rest;
      await proxy.close();
    }
  });

  it("writes a provider's snapshot only when it changed", async () => {
    const owner = fx.fleet!.profiles[5]!.account.address;
    const { loadProviderInfos } = await import("@/lib/market/provider-directory.server");
    const { SingleFlightCache } = await import("@/lib/market/single-flight-cache");
    const { providersRepository } = await import("@/lib/db/providers");
    const { createRestClient } = await import("@/lib/chain/rest");
    const real = providersRepository(database.db);
    let writes = 0;
    const repo = { ...real, saveSnapshot: (...args: Parameters<typeof real.saveSnapshot>) => ((writes += 1), real.saveSnapshot(...args)) };
    const load = () => loadProviderInfos([owner], { network: { id: "devnet" }, rest: createRestClient(fx.devnet.endpoints.rest), repo, cache: new SingleFlightCache(60_000), probe: async () => ({ ok: true, latencyMs: 1, error: null, tlsFingerprint256: null }) });
    await load();
    await load();
    await load();
    // the first test of this file stored it already: the chain has not changed since, so nothing is written
    expect(writes).toBe(0);
    await database.db.providerSnapshot.update({ where: { id: `devnet:${owner}` }, data: { hostUri: "https://moved.example:8443" } });
    await load();
    expect(writes).toBe(1);
  });

  it("limits provider look-ups per client address", async () => {
    let last: Response | undefined;
    for (let i = 0; i < 130 && last?.status !== 429; i++) last = await get("?owners=cosmos1bad", "203.0.113.200");
    expect(last?.status).toBe(429);
    expect(last?.headers.get("retry-after")).toMatch(/^\d+$/);
  });
});
