import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createRestClient } from "@/lib/chain/rest";
import { providersRepository } from "@/lib/db/providers";
import { probeRound, startProbeJob } from "@/lib/market/probe-job.server";
import { createTestDatabase } from "@/test/support/database";
import { startDevnetFixture, type DevnetFixture } from "@/test/support/devnet";

/** The background probe job against the devnet's six real gateways, results stored in a real database. */
let fx: DevnetFixture;
let owners: string[];
const databases: ReturnType<typeof createTestDatabase>[] = [];
const freshRepo = () => {
  const d = createTestDatabase();
  databases.push(d);
  return { db: d.db, repo: providersRepository(d.db) };
};

beforeAll(async () => {
  fx = await startDevnetFixture();
  await fx.fleet!.registered;
  owners = fx.fleet!.profiles.map((p) => p.account.address);
});
afterAll(async () => {
  await fx?.stop();
  for (const d of databases) await d.dispose();
});

describe("the provider probe job", () => {
  it("probes at most perTick providers a round, never-probed first, and none again before they are due", async () => {
    const { db, repo } = freshRepo();
    const deps = { network: { id: "devnet" as const }, rest: createRestClient(fx.devnet.endpoints.rest), repo, perTick: 2, tickMs: 10_000 };
    const probed = async () => (await repo.latestProbes("devnet", owners)).size;
    await probeRound(deps);
    expect(await probed()).toBe(2);
    await probeRound(deps);
    expect(await probed()).toBe(4);
    await probeRound({ ...deps, perTick: 10 });
    const latest = await repo.latestProbes("devnet", owners);
    expect(latest.size).toBe(6);
    // the devnet's gateways answer /status with their free capacity: stored with each sample
    expect([...latest.values()].every((p) => p.ok && p.inventory !== null)).toBe(true);
    // every provider was probed within PROBE_INTERVAL_MS: a round now probes none
    const rows = await db.providerProbe.count();
    await probeRound({ ...deps, perTick: 10 });
    expect(await db.providerProbe.count()).toBe(rows);
  });

  it("runs a round at start and then every tick, never two at once, and stops", async () => {
    const { repo } = freshRepo();
    const chain = createRestClient(fx.devnet.endpoints.rest);
    let reads = 0;
    const job = startProbeJob({ network: { id: "devnet" }, rest: { providers: (...a) => (reads++, chain.providers(...a)) }, repo, perTick: 6, tickMs: 50, log: () => {} });
    try {
      await vi.waitFor(async () => expect((await repo.latestProbes("devnet", owners)).size).toBe(6), { timeout: 15_000 });
      await vi.waitFor(() => expect(reads).toBeGreaterThanOrEqual(3), { timeout: 5_000 });
    } finally {
      job.stop();
    }
    await job.idle();
    const after = reads;
    await new Promise((r) => setTimeout(r, 300));
    expect(reads).toBe(after);
  });

  it("says a failing round once, not every tick, and says when rounds work again", async () => {
    const { repo } = freshRepo();
    let node = createRestClient("http://127.0.0.1:1"); // nothing listens there
    const lines: string[] = [];
    let rounds = 0;
    const job = startProbeJob({ network: { id: "devnet" }, rest: { providers: (...a) => (rounds++, node.providers(...a)) }, repo, tickMs: 50, perTick: 6, log: (l) => lines.push(l) });
    try {
      await vi.waitFor(() => expect(rounds).toBeGreaterThanOrEqual(4), { timeout: 10_000 });
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^\[providers\] a probe round failed: .*127\.0\.0\.1:1/);
      node = createRestClient(fx.devnet.endpoints.rest);
      await vi.waitFor(() => expect(lines).toEqual([lines[0], "[providers] probe rounds work again"]), { timeout: 10_000 });
      await vi.waitFor(async () => expect((await repo.latestProbes("devnet", owners)).size).toBe(6), { timeout: 15_000 });
    } finally {
      job.stop();
      await job.idle();
    }
  });
});
