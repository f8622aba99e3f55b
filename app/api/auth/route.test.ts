import { TENANT1 } from "../../../devnet/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { adr36Signer, OTHER_MNEMONIC } from "@/test/support/signer";
import { createTestDatabase } from "@/test/support/database";


// The handlers' database client is created on the first query, from DATABASE_URL as it is then.
const database = createTestDatabase();
process.env.DATABASE_URL = database.url;

let auth: {
  nonce: typeof import("./nonce/route");
  verify: typeof import("./verify/route");
  session: typeof import("./session/route");
  logout: typeof import("./logout/route");
};
let drafts: typeof import("../drafts/route") & { item: typeof import("../drafts/[id]/route") };

beforeAll(async () => {
  auth = { nonce: await import("./nonce/route"), verify: await import("./verify/route"), session: await import("./session/route"), logout: await import("./logout/route") };
  drafts = { ...(await import("../drafts/route")), item: await import("../drafts/[id]/route") };
});
afterAll(() => database.dispose());

const ORIGIN = "http://localhost:3000";
const req = (path: string, init: { method?: string; body?: unknown; cookie?: string } = {}) =>
  new NextRequest(`${ORIGIN}${path}`, {
    method: init.method ?? "GET",
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    headers: { host: "localhost:3000", origin: ORIGIN, ...(init.cookie ? { cookie: init.cookie } : {}) },
  });
const noParams = { params: Promise.resolve({}) };

/** The browser's whole sign-in: nonce, signArbitrary, verify; returns the cookie the server set. */
async function signIn(mnemonic: string): Promise<{ cookie: string; address: string; setCookie: string }> {
  const signer = await adr36Signer(mnemonic);
  const { nonce, message } = (await (await auth.nonce.POST(req("/api/auth/nonce", { method: "POST", body: { address: signer.address } }), noParams)).json()) as { nonce: string; message: string };
  expect(message).toContain("localhost:3000");
  const sig = await signer.sign(message);
  const res = await auth.verify.POST(
    req("/api/auth/verify", { method: "POST", body: { address: signer.address, pubkey: sig.pub_key.value, signature: sig.signature, nonce } }),
    noParams,
  );
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ address: signer.address });
  const setCookie = res.headers.getSetCookie().find((c) => c.startsWith("console_session=")) ?? "";
  return { cookie: setCookie.split(";")[0]!, address: signer.address, setCookie };
}

describe("/api/auth", () => {
  it("signs in with an ADR-36 signature, reports the session, and logs out", async () => {
    const { cookie, address, setCookie } = await signIn(TENANT1.mnemonic);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=strict/i);
    expect(setCookie).not.toMatch(/Secure/i); // plain http: a localhost install must still work

    const session = await auth.session.GET(req("/api/auth/session", { cookie }), noParams);
    expect(await session.json()).toEqual({ address });
    expect(await (await auth.session.GET(req("/api/auth/session"), noParams)).json()).toEqual({ address: null });

    expect((await auth.logout.POST(req("/api/auth/logout", { method: "POST", cookie }), noParams)).status).toBe(200);
    expect(await (await auth.session.GET(req("/api/auth/session", { cookie }), noParams)).json()).toEqual({ address: null });
  });

  it("refuses a bad signature with `unauthorized` and says why", async () => {
    const signer = await adr36Signer(TENANT1.mnemonic);
    const { nonce } = (await (await auth.nonce.POST(req("/api/auth/nonce", { method: "POST", body: { address: signer.address } }), noParams)).json()) as { nonce: string };
    const sig = await signer.sign("some other text");
    const res = await auth.verify.POST(req("/api/auth/verify", { method: "POST", body: { address: signer.address, pubkey: sig.pub_key.value, signature: sig.signature, nonce } }), noParams);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: "unauthorized", message: expect.stringContaining("signature does not match") } });
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("validates the body", async () => {
    const res = await auth.verify.POST(req("/api/auth/verify", { method: "POST", body: { address: "cosmos1xyz", pubkey: "AA==", signature: "", nonce: "n" } }), noParams);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("request.invalid");
  });

  it("refuses a sign-in started from another site", async () => {
    const res = await auth.nonce.POST(
      new NextRequest(`${ORIGIN}/api/auth/nonce`, { method: "POST", headers: { host: "localhost:3000", origin: "https://evil.example" } }),
      noParams,
    );
    expect(res.status).toBe(403);
  });
});

describe("/api/drafts per address", () => {
  const create = async (name: string, cookie?: string) => {
    const res = await drafts.POST(req("/api/drafts", { method: "POST", body: { name, content: "a: 1\n" }, cookie }), noParams);
    return ((await res.json()) as { id: string }).id;
  };
  const listNames = async (cookie?: string) =>
    ((await (await drafts.GET(req("/api/drafts", { cookie }), noParams)).json()) as { items: { name: string }[] }).items.map((d) => d.name);

  it("keeps a signed-in address's drafts away from other addresses and from anonymous browsers", async () => {
    const one = await signIn(TENANT1.mnemonic);
    const two = await signIn(OTHER_MNEMONIC);
    const mine = await create("tenant1's", one.cookie);
    const browser = "console_anon=" + "a".repeat(43);
    await create("anonymous one", browser);

    expect(await listNames(one.cookie)).toEqual(["tenant1's"]);
    expect(await listNames(two.cookie)).toEqual([]);
    expect(await listNames(browser)).toEqual(["anonymous one"]);
    expect(await listNames()).toEqual([]);

    const item = () => ({ params: Promise.resolve({ id: mine }) });
    expect((await drafts.item.GET(req(`/api/drafts/${mine}`, { cookie: two.cookie }), item())).status).toBe(404);
    expect((await drafts.item.GET(req(`/api/drafts/${mine}`), item())).status).toBe(404);
    expect((await drafts.item.PATCH(req(`/api/drafts/${mine}`, { method: "PATCH", body: { name: "stolen" }, cookie: two.cookie }), item())).status).toBe(404);
    expect((await drafts.item.DELETE(req(`/api/drafts/${mine}`, { method: "DELETE", cookie: two.cookie }), item())).status).toBe(404);
    expect((await drafts.item.GET(req(`/api/drafts/${mine}`, { cookie: one.cookie }), item())).status).toBe(200);
  });
});
