import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRestClient, type RestClient } from "@/lib/chain/rest";
import { AppError } from "@/lib/errors/app-error";
import { TENANT1, TENANT2 } from "../../devnet/accounts";
import { startDevnetFixture, type DevnetFixture } from "@/test/support/devnet";

let fx: DevnetFixture;
let rest: RestClient;

beforeAll(async () => {
  fx = await startDevnetFixture();
  rest = createRestClient(fx.devnet.endpoints.rest);
});
afterAll(() => fx?.stop());

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("createRestClient against the devnet", () => {
  it("reads the tenant's balances and the module params", async () => {
    const balances = await rest.balances(TENANT1.address);
    expect(balances.map((b) => b.denom).sort()).toEqual(["uact", "uakt"]);
    expect(BigInt(balances.find((b) => b.denom === "uakt")!.amount)).toBeGreaterThan(0n);
    expect((await rest.deploymentParams()).minDeposits).toContainEqual({ denom: "uakt", amount: "500000" });
    const market = await rest.marketParams();
    expect(market.orderMaxBids).toBe(20);
    expect(market.bidMinDeposit).toEqual({ denom: "uakt", amount: "500000" });
  });

  it("follows a deployment from MsgCreateDeployment to its orders, bids and escrow account", async () => {
    const { dseq } = await fx.deploy("tetris2.yaml");
    const d = await rest.deployment(TENANT1.address, dseq);
    expect(d).toMatchObject({ id: { owner: TENANT1.address, dseq }, state: "active" });
    expect(d!.groups[0]!.spec.requirements.signedBy.anyOf).toEqual(["akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63"]);
    expect(d!.groups[0]!.spec.resources[0]!.price).toEqual({ denom: "uact", amount: "10000.000000000000000000" });
    expect(d!.escrowAccount?.funds[0]).toEqual({ denom: "uact", amount: "5000000.000000000000000000" });

    const orders = await rest.orders({ owner: TENANT1.address, dseq, state: "open" });
    expect(orders.map((o) => [o.id.gseq, o.id.oseq, o.state])).toEqual([[1, 1, "open"]]);

    const bids = await until(() => rest.bids({ owner: TENANT1.address, dseq }), (b) => b.length >= 2);
    expect(bids.length).toBeGreaterThanOrEqual(2);
    for (const b of bids) {
      expect(b.id).toMatchObject({ owner: TENANT1.address, dseq, gseq: 1, oseq: 1 });
      expect(b.state).toBe("open");
      expect(b.price.denom).toBe("uact");
      expect(b.price.amount).toMatch(/^\d+\.\d{18}$/);
    }
    expect(await rest.bids({ owner: TENANT1.address, dseq, gseq: 2 })).toEqual([]);
    const withHeight = await rest.bidsWithHeight({ owner: TENANT1.address, dseq });
    expect(withHeight.bids.length).toBe(bids.length);

    expect(await rest.leases({ owner: TENANT1.address, dseq })).toEqual([]);
    const escrow = await rest.escrowAccount(TENANT1.address, dseq);
    expect(escrow).toMatchObject({ scope: "deployment", xid: `${TENANT1.address}/${dseq}`, owner: TENANT1.address, state: "open" });
  });

  it("pages through the tenant's deployments with next_key", async () => {
    await fx.deploy("tetris2.yaml");
    const first = await rest.deployments(TENANT1.address, { state: "active", pagination: { limit: 1, countTotal: true } });
    expect(first.items).toHaveLength(1);
    expect(first.nextKey).toBeTruthy();
    expect(Number(first.total)).toBeGreaterThanOrEqual(2);
    const second = await rest.deployments(TENANT1.address, { pagination: { limit: 1, key: first.nextKey } });
    expect(second.items[0]!.id.dseq).not.toBe(first.items[0]!.id.dseq);
  });

  it("pages through every open bid of every owner, within the bound it is given", async () => {
    await fx.fleet!.registered;
    const { dseq } = await fx.deploy("tetris2.yaml");
    const whole = await until(() => rest.bidsInState("open"), (b) => b.filter((x) => x.id.dseq === dseq).length >= 2);
    expect(whole.length).toBeGreaterThanOrEqual(2);
    expect(whole.every((b) => b.state === "open")).toBe(true);
    const key = (b: (typeof whole)[number]) => `${b.id.owner}/${b.id.dseq}/${b.id.gseq}/${b.id.oseq}/${b.id.provider}`;
    // a page of one bid at a time reads the same bids, in the same order, as one page of 1,000
    expect((await rest.bidsInState("open", { pageSize: 1, pages: 100 })).map(key)).toEqual(whole.map(key));
    // and stops at its bound rather than reading on
    expect((await rest.bidsInState("open", { pageSize: 1, pages: 2 })).map(key)).toEqual(whole.slice(0, 2).map(key));
    expect(await rest.bidsInState("active")).toEqual([]);
  });

  it("reads providers and the auditors' signed attributes", async () => {
    await fx.fleet!.registered;
    const providers = await rest.providers();
    expect(providers).toHaveLength(6);
    const audited = fx.fleet!.profiles.find((p) => p.auditedAttributes.length > 0)!;
    const p = await rest.provider(audited.account.address);
    expect(p?.hostUri).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(p?.attributes).toContainEqual({ key: "region", value: audited.region });
    const audits = await rest.auditedAttributes(audited.account.address);
    expect(audits.length).toBeGreaterThanOrEqual(1);
    expect(audits[0]!.attributes).toContainEqual({ key: "region", value: audited.region });
    const unaudited = fx.fleet!.profiles.find((x) => x.auditedAttributes.length === 0)!;
    expect(await rest.auditedAttributes(unaudited.account.address)).toEqual([]);
    const everyAudit = await rest.allAuditedAttributes();
    expect(new Set(everyAudit.map((a) => a.owner))).toContain(audited.account.address);
  });

  it("answers null for a deployment or provider that does not exist", async () => {
    expect(await rest.deployment(TENANT1.address, "1")).toBeNull();
    expect(await rest.provider(TENANT2.address)).toBeNull();
  });
});

describe("createRestClient errors", () => {
  const failure = async (p: Promise<unknown>) => {
    const err = await p.then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  };

  it("says which endpoint could not be reached", async () => {
    const err = await failure(createRestClient("http://127.0.0.1:1").bids({ owner: TENANT1.address, dseq: "1" }));
    expect(err.code).toBe("chain.unreachable");
    expect(err.details).toMatchObject({ endpoint: "market bids list", failure: "unreachable" });
    expect(err.message).toMatch(/market bids list query could not be reached \(http:\/\/127\.0\.0\.1:1\/akash\/market\/v1beta5\/bids\/list\)/);
  });

  it("reports an HTTP status with the gateway's message", async () => {
    const fake = (async () => new Response(JSON.stringify({ code: 13, message: "internal: store closed" }), { status: 500 })) as typeof fetch;
    const err = await failure(createRestClient("http://node", fake).marketParams());
    expect(err.code).toBe("chain.unexpected_response");
    expect(err.details).toMatchObject({ endpoint: "market params", failure: "http", status: 500 });
    expect(err.message).toContain("HTTP 500: internal: store closed");
  });

  it("refuses an answer of an unexpected shape and names the field", async () => {
    const fake = (async () => Response.json({ bids: [{ bid: { id: { owner: "a", dseq: "x1" } } }], pagination: null })) as typeof fetch;
    const err = await failure(createRestClient("http://node", fake).bids({ owner: "a", dseq: "1" }));
    expect(err.code).toBe("chain.unexpected_response");
    expect(err.details).toMatchObject({ failure: "shape" });
    expect(err.message).toMatch(/unexpected answer at bids\.0\.bid\.id\.dseq/);
  });

  it("gives up on a node that never answers", async () => {
    const hang = ((_u: unknown, init?: RequestInit) =>
      new Promise((_r, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal!.reason)))) as typeof fetch;
    const err = await failure(createRestClient("http://node", hang, { timeoutMs: 50 }).provider(TENANT1.address));
    expect(err.code).toBe("chain.query_timeout");
    expect(err.details).toMatchObject({ endpoint: "provider", failure: "timeout" });
  });

  it("reads a proxy's 502 as an unreachable node", async () => {
    const fake = (async () => new Response("<html>Bad Gateway</html>", { status: 502 })) as typeof fetch;
    const err = await failure(createRestClient("http://node", fake).marketParams());
    expect(err.code).toBe("chain.unreachable");
  });
});
