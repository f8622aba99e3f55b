/** POST /deployments/seed against a whole devnet: real chain handlers, real provider gateways. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TENANT2 } from "../accounts";
import { GasPrice, SigningStargateClient } from "@cosmjs/stargate";
import { request } from "../../test/support/gateway-client";
import { providerToken as tokenFor, walletOf } from "../../test/support/tenant";
import { startDevnet, type Devnet } from "../start";

let d: Devnet;

const post = async (path: string, body?: unknown) => {
  const r = await fetch(`${d.endpoints.admin}${path}`, { method: "POST", body: JSON.stringify(body) });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
};
const rest = async <T>(path: string) => (await (await fetch(`${d.endpoints.rest}${path}`)).json()) as T;

beforeAll(async () => {
  d = await startDevnet({ rpcPort: 0, restPort: 0, adminPort: 0, providerBasePort: 0, blockTimeMs: 100 });
});
afterAll(() => d?.stop());

describe("admin: POST /deployments/seed", () => {
  let seeded: { dseqs: string[]; leases: { dseq: string; provider: string }[] };

  it("creates N deployments for an owner in a few blocks, with active leases on the first `leased`", async () => {
    const t0 = Date.now();
    const r = await post("/deployments/seed", { owner: TENANT2.address, count: 1000, leased: 12 });
    expect(r.status).toBe(200);
    expect(Date.now() - t0).toBeLessThan(15_000);
    seeded = r.body as typeof seeded;
    expect(seeded.dseqs).toHaveLength(1000);
    expect(new Set(seeded.dseqs).size).toBe(1000);
    expect(seeded.leases.map((l) => l.dseq)).toEqual(seeded.dseqs.slice(0, 12));
    expect(new Set(seeded.leases.map((l) => l.provider)).size).toBe(Math.min(12, Object.keys(d.endpoints.providers).length));

    const deployments = await rest<{ pagination: { total: string } }>(
      `/akash/deployment/v1beta4/deployments/list?filters.owner=${TENANT2.address}&pagination.count_total=true&pagination.limit=1`,
    );
    expect(Number(deployments.pagination.total)).toBe(1000);
    const leases = await rest<{ leases: { lease: { id: { dseq: string; provider: string }; state: string } }[] }>(
      `/akash/market/v1beta5/leases/list?filters.owner=${TENANT2.address}&pagination.limit=100`,
    );
    expect(leases.leases.map((l) => `${l.lease.id.dseq}/${l.lease.id.provider}/${l.lease.state}`).sort()).toEqual(
      seeded.leases.map((l) => `${l.dseq}/${l.provider}/active`).sort(),
    );
  });

  it("the leased providers run the manifest at once: lease status answers with the service", async () => {
    const { dseq, provider } = seeded.leases[0]!;
    // providers verify a JWT with the issuer's public key on chain: the owner signs one real tx first
    const { wallet, address } = await walletOf(TENANT2);
    const client = await SigningStargateClient.connectWithSigner(d.endpoints.rpc, wallet, { gasPrice: GasPrice.fromString("0.025uakt") });
    expect((await client.sendTokens(address, address, [{ denom: "uakt", amount: "1" }], "auto")).code).toBe(0);
    client.disconnect();
    const token = await tokenFor(TENANT2);
    const r = await request(`${d.endpoints.providers[provider]}/lease/${dseq}/1/1/status`, { headers: { Authorization: `Bearer ${token}` } });
    expect(r.status).toBe(200);
    expect(Object.keys((r.json() as { services: object }).services)).toEqual(["web"]);
  });

  it("providers do not bid on the seeded orders that were left open", async () => {
    const h = d.chain.height();
    while (d.chain.height() < h + 5) await new Promise((r) => setTimeout(r, 50));
    const bids = await rest<{ bids: unknown[] }>(`/akash/market/v1beta5/bids/list?filters.owner=${TENANT2.address}&filters.dseq=${seeded.dseqs[500]}`);
    expect(bids.bids).toEqual([]);
  });

  it("400 names the bad field", async () => {
    const r = await post("/deployments/seed", { owner: TENANT2.address, count: 2, leased: 3 });
    expect(r).toEqual({ status: 400, body: { error: "leased: leased must not exceed count" } });
    expect((await post("/deployments/seed", { owner: "nope", count: 1 })).body.error).toMatch(/^owner: /);
  });
});
