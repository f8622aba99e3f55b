import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/test/support/database";
import { PROBE_INTERVAL_MS, providersRepository } from "@/lib/db/providers";
import { uptimePercent } from "@/lib/market/provider-info";
import { PROVIDER_ACCOUNTS } from "../../devnet/accounts";

const database = createTestDatabase();
const repo = providersRepository(database.db);
afterAll(() => database.dispose());

const P = PROVIDER_ACCOUNTS[0]!.address;
const t0 = new Date("2025-06-01T00:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

async function probe(owner: string, when: Date, ok: boolean) {
  const id = await repo.claimProbe("devnet", owner, when);
  if (!id) throw new Error(`claim refused at ${when.toISOString()}`);
  await repo.completeProbe(id, { ok, latencyMs: ok ? 12 : null, error: ok ? null : "HTTP 500" });
}

describe("providersRepository", () => {
  it("keeps one snapshot per network and provider", async () => {
    await repo.saveSnapshot("devnet", { owner: P, hostUri: "https://127.0.0.1:8443", attributes: [{ key: "region", value: "us-west" }], auditedBy: [] });
    await repo.saveSnapshot("devnet", { owner: P, hostUri: "https://127.0.0.1:9443", attributes: [], auditedBy: ["akash1auditor"] });
    await repo.saveSnapshot("sandbox-2", { owner: P, hostUri: "https://p.example.com:8443", attributes: [], auditedBy: [] });
    const s = await repo.snapshots("devnet", [P]);
    expect(s.get(P)).toMatchObject({ hostUri: "https://127.0.0.1:9443", attributes: [], auditedBy: ["akash1auditor"] });
  });

  it("lets one probe per provider through every five minutes, even when two instances race", async () => {
    const owner = "akash1racer";
    const claims = await Promise.all([repo.claimProbe("devnet", owner, t0), repo.claimProbe("devnet", owner, t0), repo.claimProbe("devnet", owner, at(0))]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await repo.claimProbe("devnet", owner, at(4))).toBeNull();
    expect(await repo.claimProbe("devnet", owner, new Date(t0.getTime() + PROBE_INTERVAL_MS + 1))).not.toBeNull();
    // a claim is visible to the schedule before it finishes
    expect((await repo.lastProbeAt("devnet", [owner])).get(owner)?.getTime()).toBe(t0.getTime() + PROBE_INTERVAL_MS + 1);
  });

  it("computes 24 h uptime from finished probes only", async () => {
    const owner = "akash1uptime";
    await probe(owner, at(0), true);
    await probe(owner, at(10), false);
    await probe(owner, at(20), true);
    await probe(owner, at(30), true);
    await repo.claimProbe("devnet", owner, at(40)); // still running: not a failure
    const stats = (await repo.probeStats("devnet", [owner], at(45))).get(owner)!;
    expect(stats).toMatchObject({ total: 4, ok: 3, lastOk: true, lastError: null });
    expect(uptimePercent(stats)).toBe(75);
    // a day later the first probe has left the window
    const later = (await repo.probeStats("devnet", [owner], new Date(at(0).getTime() + 24 * 3600_000 + 60_000))).get(owner)!;
    expect(later).toMatchObject({ total: 3, ok: 2 });
    expect(uptimePercent(later)).toBe(66.7);
    expect((await repo.probeStats("devnet", ["akash1never"], at(45))).get("akash1never")).toBeUndefined();
    expect(uptimePercent(null)).toBeNull();
  });
});
