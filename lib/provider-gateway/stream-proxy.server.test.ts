import { TENANT1 } from "@/devnet/accounts";
import { JwtTokenManager } from "@akashnetwork/chain-sdk";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adr36Signer, OTHER_MNEMONIC } from "@/test/support/signer";
import { sessionsRepository } from "@/lib/db/sessions";
import { createTestDatabase } from "@/test/support/database";
import { hashSessionToken } from "@/lib/auth/session.server";
import { AppError } from "@/lib/errors/app-error";
import { streamFromConsole, type LogFrame, type StreamStatus } from "@/lib/provider-gateway/console-stream";
import { createGateway, resolveEndpoint } from "@/lib/provider-gateway/gateway.server";
import { createProviderTokens, providerTokenClaims } from "@/lib/provider-gateway/jwt";
import { leaseStatus, sendManifest } from "@/lib/provider-gateway/provider-api.server";
import { StreamLimits } from "@/lib/provider-gateway/stream-limits.server";
import { startGatewayFixture, type GatewayFixture, type LeasedDeployment } from "@/test/support/proxy-lease";
import { startStreamServer, type StreamServer } from "@/test/support/stream-server";
import { waitFor } from "@/test/support/wait";

// The proxy end to end: a ws client playing the browser -> the console's upgrade handler on a plain http server
// -> the devnet's provider gateways, with real sessions in SQLite and tokens signed like the browser signs them.
const database = createTestDatabase();
let gf: GatewayFixture;
let server: StreamServer;
let P0: string;
let P1: string;
let leased: LeasedDeployment;
let tenantCookie: string;
let otherCookie: string;
let otherTokens: ReturnType<typeof createProviderTokens>;

beforeAll(async () => {
  gf = await startGatewayFixture();
  [P0, P1] = gf.providers as [string, string];
  server = await startStreamServer(sessionsRepository(database.db), () => gf.gateway, { limits: new StreamLimits(3) });
  const other = await adr36Signer(OTHER_MNEMONIC);
  tenantCookie = await server.signIn((await adr36Signer(TENANT1.mnemonic)).address);
  otherCookie = await server.signIn(other.address);
  otherTokens = createProviderTokens({ address: other.address, signArbitrary: other.sign });
  leased = await gf.lease(P0);
  const ctx = { endpoint: await resolveEndpoint(gf.gateway, P0), pin: gf.gateway.pin, token: await gf.tokens.get(P0) };
  await sendManifest(ctx, leased.lease.dseq, leased.manifestJson);
  // the containers log once they run: the provider's replicas come up a few seconds after the manifest
  await waitFor(async () => Object.values((await leaseStatus(ctx, leased.lease)).services).every((s) => s.readyReplicas >= 1), 15_000, 250);
});
afterAll(async () => {
  await server?.stop();
  await gf?.stop();
  await database.dispose();
});

const tenantToken = (p = P0) => () => gf.tokens.get(p);
const logs = (over: Partial<Parameters<typeof streamFromConsole>[0]> = {}) => ({ lease: leased.lease, kind: "logs" as const, tail: 5, follow: false, ...over });

async function collect<T>(it: AsyncIterable<T>, opts: { max?: number; ac?: AbortController } = {}): Promise<T[]> {
  const out: T[] = [];
  for await (const f of it) {
    out.push(f);
    if (out.length >= (opts.max ?? Infinity)) {
      opts.ac?.abort();
      break;
    }
  }
  return out;
}

async function until(ok: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error("condition not reached");
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function failure(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => new Error("it succeeded"),
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe("the console's stream endpoint refuses", () => {
  it("a socket without a session", async () => {
    const e = await failure(collect(streamFromConsole(logs(), { token: tenantToken(), signal: new AbortController().signal, connect: server.connect(null) })));
    expect(e.code).toBe("unauthorized");
    expect(e.message).toMatch(/Sign in with your wallet first/);
  });

  it("a socket opened from another site's page, before any upgrade", async () => {
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(server.url, { headers: { origin: "https://evil.example", cookie: tenantCookie } });
      ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      ws.on("open", () => resolve(101));
      ws.on("error", () => {});
    });
    expect(status).toBe(403);
  });

  it("another owner's lease", async () => {
    const e = await failure(collect(streamFromConsole(logs(), { token: () => otherTokens.get(P0), signal: new AbortController().signal, connect: server.connect(otherCookie) })));
    expect(e.code).toBe("unauthorized");
    expect(e.message).toMatch(/belongs to akash1.*; you are signed in as akash1/);
  });

  it("a token whose issuer is not the signed-in address", async () => {
    const e = await failure(collect(streamFromConsole(logs(), { token: () => otherTokens.get(P0), signal: new AbortController().signal, connect: server.connect(tenantCookie) })));
    expect(e.code).toBe("token.invalid");
    expect(e.message).toMatch(/issued by akash1.*, but you are signed in as/);
  });

  it("a provider whose certificate is not its on-chain one (TLS pin)", async () => {
    // the console pins P1's on-chain certificates but the chain record it reads points at P0's gateway
    const swapped = createGateway({
      rest: { ...gf.rest, provider: async (owner, call) => gf.rest.provider(owner === P1 ? P0 : owner, call).then((p) => p && { ...p, owner }) },
      ssrf: { allowLoopback: true },
    });
    const other = await startStreamServer(sessionsRepository(database.db), () => swapped);
    try {
      const onP1 = await gf.lease(P1);
      const cookie = await other.signIn(leased.lease.owner);
      const e = await failure(collect(streamFromConsole(logs({ lease: onP1.lease }), { token: tenantToken(P1), signal: new AbortController().signal, connect: other.connect(cookie) })));
      expect(e.code).toBe("provider.tls_pin");
      expect(e.message).toMatch(new RegExp(`^Provider ${P1} serves a certificate .* not one of its certificates on chain`));
    } finally {
      await other.stop();
    }
  });

  it("more streams than a session may hold at once", async () => {
    const ac = new AbortController();
    const opened: Promise<unknown>[] = [];
    for (let i = 0; i < 3; i++) {
      const statuses: StreamStatus[] = [];
      const it = streamFromConsole(logs({ follow: true, tail: 0 }), { token: tenantToken(), signal: ac.signal, connect: server.connect(tenantCookie), onStatus: (s) => statuses.push(s) });
      opened.push(collect(it).catch(() => undefined));
    }
    const key = hashSessionToken(tenantCookie.split("=")[1]!);
    await until(() => server.limits.count(key) === 3);
    const e = await failure(collect(streamFromConsole(logs(), { token: tenantToken(), signal: new AbortController().signal, connect: server.connect(tenantCookie) })));
    expect(e.code).toBe("rate_limited");
    expect(e.message).toMatch(/You already have 3 streams open in this session/);
    ac.abort();
    await Promise.all(opened);
    // closing a stream gives its place back
    await until(() => server.limits.count(key) === 0);
  });
});

describe("the console's stream endpoint relays", () => {
  it("logs with a tail, then the end (follow=false)", async () => {
    const frames = (await collect(streamFromConsole(logs({ tail: 2 }), { token: tenantToken(), signal: new AbortController().signal, connect: server.connect(tenantCookie) }))) as LogFrame[];
    const pods = new Set(frames.map((f) => f.name));
    expect(pods.size).toBe(2);
    for (const p of pods) expect(frames.filter((f) => f.name === p).length).toBeLessThanOrEqual(2);
  });

  it("logs with follow, until the browser stops", async () => {
    gf.fx.fleet!.setLogRate(2_000);
    const ac = new AbortController();
    const statuses: StreamStatus[] = [];
    try {
      const frames = await collect(streamFromConsole(logs({ follow: true, tail: 1 }), { token: tenantToken(), signal: ac.signal, connect: server.connect(tenantCookie), onStatus: (s) => statuses.push(s) }), { max: 500, ac });
      expect(frames).toHaveLength(500);
      expect(statuses.slice(0, 2)).toEqual(["connecting", "live"]);
    } finally {
      gf.fx.fleet!.setLogRate(0);
    }
  });

  it("kube events", async () => {
    const events = await collect(streamFromConsole({ lease: leased.lease, kind: "events", tail: 0, follow: false }, { token: tenantToken(), signal: new AbortController().signal, connect: server.connect(tenantCookie) }));
    expect(events.map((e) => (e as { reason: string }).reason)).toEqual(expect.arrayContaining(["Scheduled", "Started"]));
  });

  it("the provider's close code when it closes the stream (4001: it does not run the lease)", async () => {
    const unsent = await gf.lease(P0);
    const e = await failure(collect(streamFromConsole(logs({ lease: unsent.lease, follow: true }), { token: tenantToken(), signal: new AbortController().signal, connect: server.connect(tenantCookie) })));
    expect(e).toMatchObject({ code: "provider.stream_closed", details: { closeCode: 4001 } });
  });

  it("resumes a stream the provider drops, with a fresh token, without duplicate lines", async () => {
    // a token with a minute and a bit left: after the drop the server has to ask the browser for a new one
    const signer = await adr36Signer(TENANT1.mnemonic);
    const manager = new JwtTokenManager({ algorithm: "ES256KADR36", signArbitrary: (_s, d) => signer.sign(String(d)) });
    const now = Math.floor(Date.now() / 1000);
    const shortLived = await manager.generateToken({ ...providerTokenClaims(signer.address, P0, now), exp: now + 62 });
    let tokenCalls = 0;
    const token = async () => (++tokenCalls === 1 ? shortLived : gf.tokens.get(P0));
    const statuses: StreamStatus[] = [];
    const ac = new AbortController();
    const seen: LogFrame[] = [];
    await gf.fx.fleet!.setFault(P0, "drop-streams"); // the devnet drops every log stream after 3 s
    const stream = streamFromConsole(logs({ follow: true, tail: -1 }), { token, signal: ac.signal, connect: server.connect(tenantCookie), onStatus: (s) => statuses.push(s) });
    const done = (async () => {
      for await (const f of stream) {
        seen.push(f as LogFrame);
        if (statuses.includes("reconnecting")) await gf.fx.fleet!.setFault(P0, null);
      }
    })().catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 9_000));
    ac.abort();
    expect(await done).toBeUndefined();
    await gf.fx.fleet!.setFault(P0, null);
    expect(statuses).toContain("reconnecting");
    expect(tokenCalls).toBe(2);
    expect(seen.length).toBeGreaterThan(5);
    const keys = seen.map((f) => `${f.name}\n${f.message}`);
    expect(new Set(keys).size).toBe(keys.length);
  }, 30_000);

  it("keeps server memory bounded while the browser does not read", async () => {
    gf.fx.fleet!.setLogRate(20_000);
    const ws = new WebSocket(server.url, { headers: { origin: `http://${server.host}`, cookie: tenantCookie } });
    let received = 0;
    ws.on("message", (d) => {
      const m = JSON.parse(d.toString()) as { type: string; frames?: unknown[] };
      if (m.type === "frames") received += m.frames!.length;
    });
    await new Promise((r) => ws.once("open", r));
    ws.send(JSON.stringify({ type: "open", token: await gf.tokens.get(P0), kind: "logs", lease: leased.lease, tail: 0, follow: true }));
    try {
      await new Promise((r) => setTimeout(r, 1_000));
      expect(received).toBeGreaterThan(10);
      (ws as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause(); // the tab stops reading
      // what the server holds for this tab: the socket's write buffer (the provider's socket is paused behind it)
      let maxBuffered = 0;
      const sample = setInterval(() => (maxBuffered = Math.max(maxBuffered, server.maxBuffered())), 20);
      await new Promise((r) => setTimeout(r, 4_000)); // 80,000 lines offered meanwhile
      clearInterval(sample);
      expect(maxBuffered).toBeGreaterThan(0);
      expect(maxBuffered).toBeLessThan(2 * 1024 * 1024); // the 1 MiB high-water mark plus a batch or two
      const stalled = received;
      (ws as unknown as { _socket: { resume(): void } })._socket.resume();
      await new Promise((r) => setTimeout(r, 1_000));
      expect(received).toBeGreaterThan(stalled); // the stream is still alive
    } finally {
      gf.fx.fleet!.setLogRate(0);
      ws.close();
    }
  }, 20_000);
});
