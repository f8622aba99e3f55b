import { TENANT1 } from "../../../devnet/accounts";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { adr36Signer, OTHER_MNEMONIC } from "@/test/support/signer";
import { createTestDatabase } from "@/test/support/database";

// Findings of the security review about sign-in and sessions (issue 11): each test failed before its fix.
const database = createTestDatabase();
process.env.DATABASE_URL = database.url;

let auth: {
  nonce: typeof import("../auth/nonce/route");
  verify: typeof import("../auth/verify/route");
  session: typeof import("../auth/session/route");
  logoutEverywhere: { POST: (req: NextRequest, ctx: { params: Promise<object> }) => Promise<Response> };
};
let drafts: typeof import("../drafts/route");

beforeAll(async () => {
  auth = {
    nonce: await import("../auth/nonce/route"),
    verify: await import("../auth/verify/route"),
    session: await import("../auth/session/route"),
    logoutEverywhere: await import("../auth/logout-everywhere/route").catch(() => ({ POST: async () => new Response(null, { status: 404 }) })),
  };
  drafts = await import("../drafts/route");
});
afterAll(() => database.dispose());
afterEach(() => {
  delete process.env.CONSOLE_ORIGIN;
  delete process.env.NEXT_PUBLIC_NETWORK;
  (process.env as Record<string, string>).NODE_ENV = "test";
});

const noParams = { params: Promise.resolve({}) };
let ip = 0;
/** each test signs in from its own address, so the per-address rate limits of one test do not reach another */
const from = () => `198.51.100.${++ip}`;

function req(origin: string, path: string, init: { method?: string; body?: unknown; cookie?: string; headers?: Record<string, string>; ip?: string } = {}) {
  const host = new URL(origin).host;
  return new NextRequest(`${origin}${path}`, {
    method: init.method ?? "GET",
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    headers: { host, origin, "x-forwarded-for": init.ip ?? "127.0.0.1", ...(init.cookie ? { cookie: init.cookie } : {}), ...init.headers },
  });
}

async function nonceFor(origin: string, address: string, headers: Record<string, string> = {}, ip = from()) {
  const res = await auth.nonce.POST(req(origin, "/api/auth/nonce", { method: "POST", body: { address }, headers, ip }), noParams);
  expect(res.status).toBe(200);
  return (await res.json()) as { nonce: string; message: string };
}

async function signIn(origin: string, mnemonic: string, cookie?: string) {
  const signer = await adr36Signer(mnemonic);
  const ip = from();
  const { nonce, message } = await nonceFor(origin, signer.address, {}, ip);
  const sig = await signer.sign(message);
  const res = await auth.verify.POST(
    req(origin, "/api/auth/verify", { method: "POST", cookie, ip, body: { address: signer.address, pubkey: sig.pub_key.value, signature: sig.signature, nonce } }),
    noParams,
  );
  return { res, address: signer.address, cookies: res.headers.getSetCookie() };
}

const cookiePair = (setCookies: string[], name: RegExp) => setCookies.find((c) => name.test(c))?.split(";")[0];

describe("the sign-in message", () => {
  it("names the configured origin, never the X-Forwarded-Host of the request", async () => {
    process.env.CONSOLE_ORIGIN = "https://console.example.org";
    const { message } = await nonceFor("https://console.example.org", "akash15yk64u7zc9g9k2yr2wmzeva5qgwxps6ytfzgqy", { "x-forwarded-host": "phish.example" });
    expect(message).toContain("console.example.org");
    expect(message).not.toContain("phish.example");
  });

  it("carries domain, URI, chain id, address, nonce, issue and expiry times (CAIP-122)", async () => {
    const address = "akash15yk64u7zc9g9k2yr2wmzeva5qgwxps6ytfzgqy";
    const { message, nonce } = await nonceFor("http://localhost:3000", address);
    expect(message).toMatch(/^localhost:3000 wants you to sign in with your Akash account:\nakash15yk64u7zc9g9k2yr2wmzeva5qgwxps6ytfzgqy\n/);
    expect(message).toContain("\nURI: http://localhost:3000\n");
    expect(message).toContain("\nChain ID: cosmos:akash-devnet-1\n");
    expect(message).toContain(`\nNonce: ${nonce}\n`);
    expect(message).toMatch(/\nIssued At: \d{4}-\d\d-\d\dT[\d:.]+Z\nExpiration Time: \d{4}-\d\d-\d\dT[\d:.]+Z$/);
  });

  it("issues a nonce without writing to the database", async () => {
    const before = await database.db.session.count();
    const tables = async () => Promise.all([database.db.session.count(), database.db.draft.count()]);
    const counts = await tables();
    await nonceFor("http://localhost:3000", "akash15yk64u7zc9g9k2yr2wmzeva5qgwxps6ytfzgqy");
    expect(await tables()).toEqual(counts);
    // the old design kept one row per nonce: there must be no such table any more
    expect((database.db as unknown as Record<string, unknown>).authNonce).toBeUndefined();
    expect(before).toBe(counts[0]);
  });

  it("refuses a nonce issued for another origin", async () => {
    const signer = await adr36Signer(TENANT1.mnemonic);
    const { nonce, message } = await nonceFor("http://localhost:3000", signer.address);
    const sig = await signer.sign(message);
    const res = await auth.verify.POST(
      req("http://127.0.0.1:3000", "/api/auth/verify", { method: "POST", body: { address: signer.address, pubkey: sig.pub_key.value, signature: sig.signature, nonce } }),
      noParams,
    );
    expect(res.status).toBe(401);
  });
});

describe("devnet accounts", () => {
  it("refuses the devnet's public test account on another network", async () => {
    process.env.NEXT_PUBLIC_NETWORK = "sandbox-2";
    // a sandbox configuration refuses the devnet's loopback-provider flag, which the test run sets for the devnet
    delete process.env.CONSOLE_ALLOW_LOOPBACK_PROVIDERS;
    const { res } = await signIn("http://localhost:3000", TENANT1.mnemonic);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/devnet's public test accounts/);
  });
});

describe("sessions", () => {
  it("keeps at most five sessions per address, revoking the oldest", async () => {
    const first = await signIn("http://localhost:3000", OTHER_MNEMONIC);
    const firstCookie = cookiePair(first.cookies, /^console_session=/)!;
    for (let i = 0; i < 5; i++) await signIn("http://localhost:3000", OTHER_MNEMONIC);
    expect(await database.db.session.count({ where: { address: first.address } })).toBe(5);
    const who = await auth.session.GET(req("http://localhost:3000", "/api/auth/session", { cookie: firstCookie }), noParams);
    expect(await who.json()).toEqual({ address: null });
  });

  it("revokes the browser's previous session when it signs in again", async () => {
    const one = await signIn("http://localhost:3000", TENANT1.mnemonic);
    const oldCookie = cookiePair(one.cookies, /^console_session=/)!;
    await signIn("http://localhost:3000", TENANT1.mnemonic, oldCookie);
    const who = await auth.session.GET(req("http://localhost:3000", "/api/auth/session", { cookie: oldCookie }), noParams);
    expect(await who.json()).toEqual({ address: null });
  });

  it("ends a session that stayed idle longer than the idle timeout", async () => {
    const { SESSION_IDLE_MS } = await import("@/lib/auth/session.server");
    const one = await signIn("http://localhost:3000", TENANT1.mnemonic);
    const cookie = cookiePair(one.cookies, /^console_session=/)!;
    await database.db.session.updateMany({ where: { address: one.address }, data: { lastSeenAt: new Date(Date.now() - SESSION_IDLE_MS - 1000) } });
    const who = await auth.session.GET(req("http://localhost:3000", "/api/auth/session", { cookie }), noParams);
    expect(await who.json()).toEqual({ address: null });
  });

  it("signs out everywhere", async () => {
    const a = await signIn("http://localhost:3000", TENANT1.mnemonic);
    const b = await signIn("http://localhost:3000", TENANT1.mnemonic);
    const cookieA = cookiePair(a.cookies, /^console_session=/)!;
    const cookieB = cookiePair(b.cookies, /^console_session=/)!;
    const res = await auth.logoutEverywhere.POST(req("http://localhost:3000", "/api/auth/logout-everywhere", { method: "POST", cookie: cookieA, body: {} }), noParams);
    expect(res.status).toBe(200);
    for (const cookie of [cookieA, cookieB]) {
      expect(await (await auth.session.GET(req("http://localhost:3000", "/api/auth/session", { cookie }), noParams)).json()).toEqual({ address: null });
    }
  });
});

describe("session cookies", () => {
  it("uses __Host- names, Secure and HSTS when the console is served over https", async () => {
    process.env.CONSOLE_ORIGIN = "https://console.example.org";
    const { res, cookies } = await signIn("https://console.example.org", TENANT1.mnemonic);
    expect(res.status).toBe(200);
    const session = cookies.find((c) => c.startsWith("__Host-console_session="));
    expect(session).toMatch(/Secure/i);
    expect(session).toMatch(/Path=\//);
    expect(res.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
  });

  it("sets Secure on every cookie in production, even on plain http", async () => {
    (process.env as Record<string, string>).NODE_ENV = "production";
    const { cookies } = await signIn("http://localhost:3000", TENANT1.mnemonic);
    expect(cookies.length).toBeGreaterThan(0);
    for (const c of cookies) expect(c).toMatch(/Secure/i);
  });
});

describe("anonymous drafts at sign-in", () => {
  it("hands them over at sign-in and clears the anonymous cookie; a save that was in flight follows once", async () => {
    const created = await drafts.POST(req("http://localhost:3000", "/api/drafts", { method: "POST", body: { name: "before sign-in", content: "a: 1\n" } }), noParams);
    const anon = cookiePair(created.headers.getSetCookie(), /^console_anon=/)!;
    const { cookies, address } = await signIn("http://localhost:3000", OTHER_MNEMONIC, anon);
    expect(await database.db.draft.count({ where: { owner: address, name: "before sign-in" } })).toBe(1);
    // the anonymous id is spent: the browser is told to drop it
    expect(cookies.find((c) => c.startsWith("console_anon="))).toMatch(/^console_anon=;.*Max-Age=0/i);
    // a save sent with the old id before the session cookie arrived lands on the old id…
    await drafts.POST(req("http://localhost:3000", "/api/drafts", { method: "POST", cookie: anon, body: { name: "in flight", content: "a: 1\n" } }), noParams);
    const session = cookiePair(cookies, /^console_session=/)!;
    // …and the next signed-in request that still carries it hands it over and clears the cookie again
    const next = await drafts.GET(req("http://localhost:3000", "/api/drafts", { cookie: `${anon}; ${session}` }), noParams);
    expect(await database.db.draft.count({ where: { owner: address, name: "in flight" } })).toBe(1);
    expect(next.headers.getSetCookie().find((c) => c.startsWith("console_anon="))).toMatch(/Max-Age=0/i);
    // once the cookie is gone, signed-in requests do no handover and set no cookie
    const plain = await drafts.GET(req("http://localhost:3000", "/api/drafts", { cookie: session }), noParams);
    expect(plain.headers.getSetCookie()).toEqual([]);
  });
});
