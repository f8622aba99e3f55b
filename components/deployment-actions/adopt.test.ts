import { readFileSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { TENANT1 } from "@/devnet/accounts";
import { adopt } from "@/components/deployment-actions/adopt";
import { createTestDatabase } from "@/test/support/database";
import { startGatewayFixture, type GatewayFixture } from "@/test/support/proxy-lease";

// A deployment created with the CLI's way (tenant1 signing directly on the devnet), adopted through the console's
// own route with the hash the chain's REST API reports.
const database = createTestDatabase();
process.env.DATABASE_URL = database.url;
const SNAKE = readFileSync(path.resolve(__dirname, "../../lib/templates/sdl/snake-game.yaml"), "utf8");
let gf: GatewayFixture;

beforeAll(async () => {
  gf = await startGatewayFixture();
  process.env.NEXT_PUBLIC_NETWORK = "devnet";
  const { POST } = await import("@/app/api/deployments/route");
  const { startSession, sessionCookieName } = await import("@/lib/auth/session.server");
  const cookie = `${sessionCookieName()}=${(await startSession(TENANT1.address)).token}`;
  const realFetch = globalThis.fetch;
  vi.stubGlobal("fetch", async (input: string, init: RequestInit = {}) => {
    if (typeof input !== "string" || !input.startsWith("/api/")) return realFetch(input, init);
    const req = new NextRequest(new URL(input, "http://localhost:3000"), { method: init.method, body: init.body as string, headers: { host: "localhost:3000", origin: "http://localhost:3000", cookie } });
    return POST(req, { params: Promise.resolve({}) });
  });
});
afterAll(async () => {
  vi.unstubAllGlobals();
  await gf?.stop();
  await database.dispose();
});

describe("adopting a deployment created elsewhere", () => {
  it("records it when the pasted SDL is the one on chain, and refuses another SDL, recording nothing", async () => {
    const { lease } = await gf.lease(gf.providers[0]!);
    const chain = (await gf.rest.deployment(TENANT1.address, lease.dseq))!;
    const props = { networkId: "devnet" as const, dseq: lease.dseq, chainHash: chain.hash, deposit: { denom: "uact", amount: "5000000" } };

    await expect(adopt({ ...props, name: "cli", sdl: SNAKE.replace("count: 1", "count: 2") })).rejects.toMatchObject({
      code: "sdl.invalid",
      message: expect.stringContaining("it is not the SDL the deployment was created (or last updated) with"),
    });
    expect(await database.db.deployment.count()).toBe(0);

    const record = await adopt({ ...props, name: "cli", sdl: SNAKE });
    expect(record).toMatchObject({ dseq: lease.dseq, name: "cli" });
    expect(await database.db.deployment.findFirst()).toMatchObject({ dseq: lease.dseq, sdl: SNAKE, createTxHash: null });
  });
});
