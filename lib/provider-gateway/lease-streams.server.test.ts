import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { resolveEndpoint } from "@/lib/provider-gateway/gateway.server";
import { streamLeaseEvents, streamLeaseLogs, truncateLine, MAX_LINE_CHARS } from "@/lib/provider-gateway/lease-streams.server";
import { sendManifest } from "@/lib/provider-gateway/provider-api.server";
import { startGatewayFixture, type GatewayFixture, type LeasedDeployment } from "@/test/support/proxy-lease";

let gf: GatewayFixture;
let P0: string;
let leased: LeasedDeployment;
let token: string;

beforeAll(async () => {
  gf = await startGatewayFixture();
  P0 = gf.providers[0]!;
  leased = await gf.lease(P0);
  token = await gf.tokens.get(P0);
  await sendManifest({ endpoint: await resolveEndpoint(gf.gateway, P0), pin: gf.gateway.pin, token }, leased.lease.dseq, leased.manifestJson);
});
afterAll(() => gf?.stop());

async function collect<T>(it: AsyncIterable<T>, max = Infinity): Promise<T[]> {
  const out: T[] = [];
  for await (const f of it) {
    out.push(f);
    if (out.length >= max) break;
  }
  return out;
}

describe("streamLeaseLogs", () => {
  it("follow=false: the tail of every pod, then the end", async () => {
    // the devnet's containers start a few seconds after the manifest
    const deadline = Date.now() + 10_000;
    while ((await collect(streamLeaseLogs(gf.gateway, leased.lease, { token, follow: false, tail: 1 }))).length < 2 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
    }
    const lines = await collect(streamLeaseLogs(gf.gateway, leased.lease, { token, follow: false, tail: 2 }));
    const pods = new Set(lines.map((l) => l.name));
    expect([...pods].map((p) => p.split("-")[0]).sort()).toEqual(["mongo", "snake"]);
    for (const pod of pods) expect(lines.filter((l) => l.name === pod).length).toBeLessThanOrEqual(2);
    for (const l of lines) expect(Object.keys(l).sort()).toEqual(["message", "name"]);
  });

  it("filters by service", async () => {
    const lines = await collect(streamLeaseLogs(gf.gateway, leased.lease, { token, follow: false, tail: -1, services: ["mongo"] }));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.name.startsWith("mongo-"))).toBe(true);
  });

  it("follow=true keeps streaming until the consumer aborts, which closes the provider's socket", async () => {
    const ac = new AbortController();
    const seen: string[] = [];
    gf.fx.fleet!.setLogRate(200);
    try {
      setTimeout(() => ac.abort(), 800);
      for await (const l of streamLeaseLogs(gf.gateway, leased.lease, { token, follow: true, tail: 0, signal: ac.signal })) seen.push(l.message);
    } finally {
      gf.fx.fleet!.setLogRate(0);
    }
    expect(seen.length).toBeGreaterThan(20);
  });

  it("a lease the provider does not run ends with provider.stream_closed 4001", async () => {
    const other = await gf.lease(P0); // leased, but no manifest sent
    const e = await collect(streamLeaseLogs(gf.gateway, other.lease, { token, follow: true, tail: 10 })).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({ code: "provider.stream_closed", details: { closeCode: 4001 } });
    expect((e as AppError).message).toMatch(/because it knows no such lease \(4001\)/);
  });

  it("a stream the provider drops reads as provider.stream_closed 1006", async () => {
    await gf.fx.fleet!.setFault(P0, "drop-streams");
    try {
      const e = await collect(streamLeaseLogs(gf.gateway, leased.lease, { token, follow: true, tail: 1 })).catch((err: unknown) => err);
      expect(e).toMatchObject({ code: "provider.stream_closed", details: { closeCode: 1006 } });
    } finally {
      await gf.fx.fleet!.setFault(P0, null);
    }
  });

  it("a refused upgrade reads as the provider's HTTP status", async () => {
    const e = await collect(streamLeaseLogs(gf.gateway, leased.lease, { token: await gf.tokens.get(gf.providers[1]!), follow: false, tail: 1 })).catch((err: unknown) => err);
    expect(e).toMatchObject({ code: "provider.unauthorized", details: { status: 401 } });
  });

  it("a slow consumer pauses the provider's socket: the queue stays bounded and no line is lost", async () => {
    gf.fx.fleet!.setLogRate(20_000);
    const queue = { highWater: 200, lowWater: 50, maxBytes: 1 << 20 };
    let n = 0;
    const before = process.memoryUsage().rss;
    try {
      const stream = streamLeaseLogs(gf.gateway, leased.lease, { token, follow: true, tail: 0, queue });
      for await (const _ of stream) {
        if (++n % 50 === 0) await new Promise((r) => setTimeout(r, 5)); // ~10,000 lines/s at most
        if (n >= 3_000) break;
      }
    } finally {
      gf.fx.fleet!.setLogRate(0);
    }
    expect(n).toBe(3_000);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });
});

describe("streamLeaseEvents", () => {
  it("follow=false: the lease's Kubernetes events, parsed", async () => {
    const events = await collect(streamLeaseEvents(gf.gateway, leased.lease, { token, follow: false }));
    expect(events.map((e) => e.reason)).toEqual(expect.arrayContaining(["Scheduled", "Pulling", "Started"]));
    expect(events[0]).toMatchObject({ type: "Normal", object: { kind: expect.any(String), namespace: expect.any(String), name: expect.any(String) } });
  });
});

describe("truncateLine", () => {
  it("cuts a line longer than the limit and says how much it dropped", () => {
    expect(truncateLine("short")).toBe("short");
    const long = "x".repeat(MAX_LINE_CHARS + 10);
    expect(truncateLine(long)).toBe(`${"x".repeat(MAX_LINE_CHARS)} … [line truncated by the console: 10 more characters]`);
  });
});
