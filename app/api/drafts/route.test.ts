import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { TENANT3 } from "../../../devnet/accounts";
import { createTestDatabase } from "@/test/support/database";

// The handlers' database client is created on the first query, from DATABASE_URL as it is then.
const database = createTestDatabase();
process.env.DATABASE_URL = database.url;

type Handlers = typeof import("./route") & { item: typeof import("./[id]/route"); versions: typeof import("./[id]/versions/route") };
let api: Handlers;

beforeAll(async () => {
  api = { ...(await import("./route")), item: await import("./[id]/route"), versions: await import("./[id]/versions/route") };
});
afterAll(() => database.dispose());

const BASE = "http://localhost:3000/api/drafts";
/** This test's browser: the anonymous id middleware.ts gives every browser (43 base64url characters). */
const BROWSER = "console_anon=" + "b".repeat(43);
const req = (url: string, init?: { method?: string; body?: string; headers?: Record<string, string> }) =>
  new NextRequest(url, { method: init?.method ?? "GET", body: init?.body, headers: { host: "localhost:3000", cookie: BROWSER, ...init?.headers } });
const params = <P>(p: P) => ({ params: Promise.resolve(p) });

describe("/api/drafts", () => {
  it("creates, reads, renames and deletes a draft", async () => {
    const created = await api.POST(req(BASE, { method: "POST", body: JSON.stringify({ name: "Web", content: "version: '2.0'\n" }) }), params({}));
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    // written to this test's own database, never to the developer's data/console.db
    expect(await database.db.draft.count({ where: { id } })).toBe(1);

    const read = await api.item.GET(req(`${BASE}/${id}`), params({ id }));
    expect(await read.json()).toMatchObject({ id, name: "Web", content: "version: '2.0'\n" });

    const renamed = await api.item.PATCH(req(`${BASE}/${id}`, { method: "PATCH", body: JSON.stringify({ name: "Web 2" }), headers: { origin: "http://localhost:3000" } }), params({ id }));
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({ name: "Web 2" });

    const list = await api.GET(req(`${BASE}?page=1`), params({}));
    expect(((await list.json()) as { items: { id: string }[] }).items.map((d) => d.id)).toContain(id);

    expect((await api.item.DELETE(req(`${BASE}/${id}`, { method: "DELETE" }), params({ id }))).status).toBe(200);
    const gone = await api.item.GET(req(`${BASE}/${id}`), params({ id }));
    expect(gone.status).toBe(404);
    expect(await gone.json()).toEqual({ error: { code: "not_found", message: expect.stringContaining("does not exist") } });
  });

  it("refuses a change from another site's page", async () => {
    const res = await api.POST(req(BASE, { method: "POST", body: JSON.stringify({ name: "x", content: "" }), headers: { origin: "https://evil.example" } }), params({}));
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain("https://evil.example");
  });

  it("says what is wrong with a malformed body", async () => {
    const notJson = await api.POST(req(BASE, { method: "POST", body: "{name:" }), params({}));
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ error: { code: "request.invalid", message: "The request body is not valid JSON." } });

    const noName = await api.POST(req(BASE, { method: "POST", body: JSON.stringify({ name: "  ", content: "a" }) }), params({}));
    expect(noName.status).toBe(400);
    expect(((await noName.json()) as { error: { message: string } }).error.message).toMatch(/name: a draft needs a name/);
  });

  it("refuses an SDL over 1 MiB and keeps the stored one", async () => {
    const created = await api.POST(req(BASE, { method: "POST", body: JSON.stringify({ name: "Big", content: "a: 1\n" }) }), params({}));
    const { id } = (await created.json()) as { id: string };
    const huge = "#".repeat(1_048_577);
    const res = await api.item.PATCH(req(`${BASE}/${id}`, { method: "PATCH", body: JSON.stringify({ content: huge }) }), params({ id }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain("1 MiB");
    const kept = await api.item.GET(req(`${BASE}/${id}`), params({ id }));
    expect(((await kept.json()) as { content: string }).content).toBe("a: 1\n");

    const tooBig = await api.item.PATCH(req(`${BASE}/${id}`, { method: "PATCH", body: JSON.stringify({ content: huge.repeat(3) }) }), params({ id }));
    expect(tooBig.status).toBe(413);
  });

  it("lists the versions of a draft", async () => {
    const created = await api.POST(req(BASE, { method: "POST", body: JSON.stringify({ name: "V", content: "a: 1\n" }) }), params({}));
    const { id } = (await created.json()) as { id: string };
    const res = await api.versions.GET(req(`${BASE}/${id}/versions`), params({ id }));
    expect(((await res.json()) as { items: unknown[] }).items).toHaveLength(1);
  });
});

describe("whose drafts", () => {
  const create = (cookie: string | null, name: string) =>
    api.POST(
      new NextRequest(BASE, { method: "POST", body: JSON.stringify({ name, content: "a: 1\n" }), headers: { host: "localhost:3000", ...(cookie ? { cookie } : {}) } }),
      params({}),
    );
  const listNames = async (cookie: string) => ((await (await api.GET(req(BASE, { headers: { cookie } }), params({}))).json()) as { items: { name: string }[] }).items.map((d) => d.name);

  it("keeps one browser's drafts from another browser", async () => {
    await create("console_anon=" + "c".repeat(43), "Browser C's");
    expect(await listNames("console_anon=" + "d".repeat(43))).not.toContain("Browser C's");
    expect(await listNames("console_anon=" + "c".repeat(43))).toContain("Browser C's");
  });

  it("gives a client without a browser id one with its first draft", async () => {
    const res = await create(null, "From a script");
    expect(res.status).toBe(201);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^console_anon=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(await listNames(cookie.split(";")[0]!)).toEqual(["From a script"]);
  });

  it("hands a browser's drafts, and only those, to the wallet signed in there, then clears the browser's id", async () => {
    const browserE = "console_anon=" + "e".repeat(43);
    await create(browserE, "Written before connecting");
    await create("console_anon=" + "f".repeat(43), "Someone else's");
    const { startSession, sessionCookieName } = await import("@/lib/auth/session.server");
    const session = `${sessionCookieName()}=${(await startSession(TENANT3.address)).token}`;
    const both = await api.GET(req(BASE, { headers: { cookie: `${browserE}; ${session}` } }), params({}));
    const names = ((await both.json()) as { items: { name: string }[] }).items.map((d) => d.name);
    expect(names).toContain("Written before connecting");
    expect(names).not.toContain("Someone else's");
    expect(both.headers.getSetCookie().join()).toMatch(/console_anon=;.*Max-Age=0/i);
    expect(await listNames(session)).toContain("Written before connecting");
    expect(await listNames(browserE)).not.toContain("Written before connecting");
  });


});
