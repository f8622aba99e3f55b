import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { createTestDatabase } from "@/test/support/database";
import { buildDeploymentPayload } from "@/lib/deploy/payload";

// Findings of the security review about request handling (issue 11): each test failed before its fix.
const database = createTestDatabase();
process.env.DATABASE_URL = database.url;

let drafts: typeof import("../drafts/route");
let deployments: typeof import("../deployments/route");
let session: typeof import("../auth/session/route");
let cookieFor: (address: string) => Promise<string>;

beforeAll(async () => {
  drafts = await import("../drafts/route");
  deployments = await import("../deployments/route");
  session = await import("../auth/session/route");
  const auth = await import("@/lib/auth/session.server");
  cookieFor = async (address) => `${(auth as { sessionCookieName?: () => string }).sessionCookieName?.() ?? "console_session"}=${(await auth.startSession(address)).token}`;
});
afterAll(() => database.dispose());

const ORIGIN = "http://localhost:3000";
const noParams = { params: Promise.resolve({}) };
const TENANT = "akash15yk64u7zc9g9k2yr2wmzeva5qgwxps6ytfzgqy";

describe("request bodies", () => {
  it("stops reading a chunked body without Content-Length at the limit (64 MiB offered)", async () => {
    const CHUNK = 64 * 1024;
    let pulled = 0;
    const offered = 64 * 1024 * 1024;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (pulled >= offered) return controller.close();
          pulled += CHUNK;
          controller.enqueue(new Uint8Array(CHUNK).fill(0x61));
        },
      },
      { highWaterMark: 0 },
    );
    const req = new NextRequest(`${ORIGIN}/api/drafts`, { method: "POST", body, duplex: "half", headers: { host: "localhost:3000" } } as ConstructorParameters<typeof NextRequest>[1]);
    expect(req.headers.get("content-length")).toBeNull();
    const res = await drafts.POST(req, noParams);
    expect(res.status).toBe(413);
    const { DRAFT_BODY_LIMIT } = await import("@/lib/http/body-limits");
    expect(pulled).toBeLessThanOrEqual(DRAFT_BODY_LIMIT + CHUNK);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/limit/);
  });

  it("accepts a deployment record with a 0.5 MiB SDL (the manifest is derived from it, never sent)", async () => {
    const template = readFileSync(path.resolve(__dirname, "../../../lib/templates/sdl/snake-game.yaml"), "utf8");
    // a real SDL grown to 0.5 MiB with env values holding JSON, as a tenant with a long configuration would write
    const lines = Array.from({ length: 4_600 }, (_, i) => `      - 'SETTING_${i}={"key":"${"v".repeat(60)}","on":"yes","n":"${i}"}'`);
    const sdl = template.replace(/^(\s+)image: (.*)$/m, (m) => `${m}\n    env:\n${lines.join("\n")}`);
    expect(Buffer.byteLength(sdl)).toBeGreaterThan(512 * 1024);
    const payload = await buildDeploymentPayload(sdl);
    const body = JSON.stringify({
      dseq: "777",
      name: "big",
      draftId: null,
      sdl,
      manifestVersion: payload.manifestVersion,
      deposit: { denom: "uact", amount: "5000000" },
      createTxHash: "A".repeat(64),
    });
    const res = await deployments.POST(
      new NextRequest(`${ORIGIN}/api/deployments`, { method: "POST", body, headers: { host: "localhost:3000", cookie: await cookieFor(TENANT) } }),
      noParams,
    );
    expect(res.status).toBe(201);
  });
});

describe("cookies", () => {
  it("answers normally when a cookie is malformed (%E0%A4%A)", async () => {
    const cookie = "console_anon=%E0%A4%A; console_session=%E0%A4%A";
    const list = await drafts.GET(new NextRequest(`${ORIGIN}/api/drafts`, { headers: { host: "localhost:3000", cookie } }), noParams);
    expect(list.status).toBe(200);
    const who = await session.GET(new NextRequest(`${ORIGIN}/api/auth/session`, { headers: { host: "localhost:3000", cookie } }), noParams);
    expect(await who.json()).toEqual({ address: null });
  });
});

describe("response headers", () => {
  it("marks every /api answer, errors included, no-store and nosniff", async () => {
    const ok = await drafts.GET(new NextRequest(`${ORIGIN}/api/drafts`, { headers: { host: "localhost:3000" } }), noParams);
    const bad = await drafts.POST(new NextRequest(`${ORIGIN}/api/drafts`, { method: "POST", body: "{", headers: { host: "localhost:3000" } }), noParams);
    for (const res of [ok, bad]) {
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });
});

describe("lists", () => {
  it("reports a draft's stored size without reading its content", async () => {
    const res = await drafts.POST(new NextRequest(`${ORIGIN}/api/drafts`, { method: "POST", body: JSON.stringify({ name: "sized", content: "é: 1\n" }), headers: { host: "localhost:3000" } }), noParams);
    const cookie = res.headers.get("set-cookie")!.split(";")[0]!;
    const { id, size } = (await res.json()) as { id: string; size: number };
    expect(size).toBe(6); // UTF-8 bytes, not characters
    // the list must answer from the stored size: change the content behind its back and the size stays
    await database.db.draft.update({ where: { id }, data: { content: "x".repeat(1000) } });
    const list = (await (await drafts.GET(new NextRequest(`${ORIGIN}/api/drafts`, { headers: { host: "localhost:3000", cookie } }), noParams)).json()) as { items: { id: string; size: number }[] };
    expect(list.items.find((d) => d.id === id)?.size).toBe(6);
  });
});
