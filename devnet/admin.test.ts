/** The admin endpoint and --state persistence, as tests and e2e use them. */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { toBech32 } from "@cosmjs/encoding";
import { startDevnet, type Devnet } from "./start";

const started: Devnet[] = [];
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(started.map((d) => d.stop()));
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

const post = (url: string, body?: unknown) =>
  fetch(url, { method: "POST", body: body === undefined ? undefined : JSON.stringify(body) }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }));

describe("devnet admin endpoint", () => {
  it("stalls and unstalls block production and reports health", async () => {
    const d = await startDevnet({ rpcPort: 0, restPort: 0, adminPort: 0, blockTimeMs: 100, providers: false });
    started.push(d);
    expect((await post(`${d.endpoints.admin}/chain/stall`, {})).body.stalled).toBe(true);
    const h = d.chain.height();
    await new Promise((r) => setTimeout(r, 350));
    expect(d.chain.height()).toBe(h);
    const health = (await (await fetch(`${d.endpoints.admin}/health`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ ok: true, stalled: true, height: h });
    await post(`${d.endpoints.admin}/chain/unstall`);
    await new Promise((r) => setTimeout(r, 350));
    expect(d.chain.height()).toBeGreaterThan(h);
  });

  it("validates bodies with 400 and refuses faults without a fleet", async () => {
    const d = started[0]!;
    expect((await post(`${d.endpoints.admin}/fault`, { provider: "nope", fault: "down" })).status).toBe(400);
    const provider = toBech32("akash", new Uint8Array(20).fill(1));
    expect((await post(`${d.endpoints.admin}/fault`, { provider, fault: "down" })).status).toBe(409);
    expect((await post(`${d.endpoints.admin}/log-rate`, { linesPerSecond: -1 })).status).toBe(400);
  });
});

describe("devnet --state", () => {
  it("keeps balances and height across a restart", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "devnet-state-"));
    dirs.push(dir);
    const addr = toBech32("akash", new Uint8Array(20).fill(3));
    const a = await startDevnet({ rpcPort: 0, restPort: 0, adminPort: 0, blockTimeMs: 100, providers: false, stateDir: dir });
    expect((await post(`${a.endpoints.rest}/devnet/faucet`, { address: addr })).status).toBe(200);
    const height = a.chain.height();
    await a.stop();
    const b = await startDevnet({ rpcPort: 0, restPort: 0, adminPort: 0, blockTimeMs: 100, providers: false, stateDir: dir });
    started.push(b);
    expect(b.chain.height()).toBeGreaterThanOrEqual(height);
    const bal = (await (await fetch(`${b.endpoints.rest}/cosmos/bank/v1beta1/balances/${addr}`)).json()) as { balances: { denom: string; amount: string }[] };
    expect(bal.balances).toContainEqual({ denom: "uakt", amount: "1000000000" });
  });
});
