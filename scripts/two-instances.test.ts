import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { Secp256k1HdWallet } from "@cosmjs/amino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROVIDER_ACCOUNTS, TENANT2 } from "../devnet/accounts";
import { startDevnet, type Devnet } from "../devnet/start";
import { makeAdr36SignDoc } from "@/lib/auth/adr36";
import { createTestDatabase } from "@/test/support/database";
import { ensureBuild, startConsoleServer, type ConsoleServer } from "./lib/console-server";

/**
 * Two production consoles on one PostgreSQL, as behind a load balancer: nothing either needs may live in one
 * instance's memory. Runs under `npm run test:postgres` (which holds the devnet ports' lock: the build's network is
 * the devnet on its default ports); skipped without a PostgreSQL server.
 */
const server = process.env.CONSOLE_TEST_POSTGRES_URL;
const ORIGIN = "http://console.test";

describe.runIf(server)("two console instances on one PostgreSQL", () => {
  let database: ReturnType<typeof createTestDatabase>;
  let devnet: Devnet;
  let a: ConsoleServer;
  let b: ConsoleServer;
  const dataDir = mkdtempSync(path.join(tmpdir(), "console-two-"));

  beforeAll(async () => {
    database = createTestDatabase();
    devnet = await startDevnet();
    ensureBuild();
    // one origin, one key, and the load balancer (this test, on loopback) trusted to name the client's address:
    // what a load balancer in front of both would need
    const env = {
      CONSOLE_TRUSTED_PROXIES: "127.0.0.1",
      DATABASE_URL: database.url,
      CONSOLE_ORIGIN: ORIGIN,
      CONSOLE_SECRET_KEY: randomBytes(32).toString("base64"),
      CONSOLE_ALLOW_LOOPBACK_PROVIDERS: "1",
      CONSOLE_DATA_DIR: dataDir,
    };
    [a, b] = await Promise.all([startConsoleServer({ env }), startConsoleServer({ env })]);
  }, 600_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await devnet?.stop();
    await database?.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const post = (on: ConsoleServer, p: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${on.url}${p}`, { method: "POST", headers: { "content-type": "application/json", origin: ORIGIN, ...headers }, body: JSON.stringify(body) });

  it("reads through one instance a draft saved through the other", async () => {
    const saved = await post(a, "/api/drafts", { name: "shared", content: "version: '2.0'\n" });
    expect(saved.status, a.output().slice(-1000)).toBe(201);
    const cookie = saved.headers.getSetCookie()[0]!.split(";")[0]!;
    const { id } = (await saved.json()) as { id: string };
    const read = await fetch(`${b.url}/api/drafts/${id}`, { headers: { cookie } });
    expect(await read.json()).toMatchObject({ id, name: "shared", content: "version: '2.0'\n" });
  });

  it("signs in with a nonce from one instance verified by the other, and the session holds on both", async () => {
    const wallet = await Secp256k1HdWallet.fromMnemonic(TENANT2.mnemonic, { prefix: "akash" });
    const { nonce, message } = (await (await post(a, "/api/auth/nonce", { address: TENANT2.address })).json()) as { nonce: string; message: string };
    expect(message).toContain(`URI: ${ORIGIN}`);
    const { signature } = await wallet.signAmino(TENANT2.address, makeAdr36SignDoc(TENANT2.address, message));
    const verified = await post(b, "/api/auth/verify", { address: TENANT2.address, pubkey: signature.pub_key.value, signature: signature.signature, nonce });
    expect(verified.status, b.output().slice(-1000)).toBe(200);
    const cookie = verified.headers.getSetCookie().find((c) => c.startsWith("console_session="))!.split(";")[0]!;
    for (const on of [a, b]) expect(await (await fetch(`${on.url}/api/auth/session`, { headers: { cookie } })).json()).toEqual({ address: TENANT2.address });
    // the same signed nonce, replayed on the first instance, is refused there too
    const replay = await post(a, "/api/auth/verify", { address: TENANT2.address, pubkey: signature.pub_key.value, signature: signature.signature, nonce });
    expect(replay.status).toBe(401);
  });

  it("counts one rate limit across both instances", async () => {
    // start early in a minute so the burst stays inside one window of the limit (30 nonces a minute per address)
    while (new Date().getSeconds() > 45) await new Promise((r) => setTimeout(r, 1_000));
    const from = { "x-forwarded-for": "198.51.100.77" };
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => post(i % 2 ? a : b, "/api/auth/nonce", { address: TENANT2.address }, from)));
    const accepted = answers.filter((r) => r.status === 200).length;
    expect(accepted).toBe(30);
    expect(answers.filter((r) => r.status === 429).length).toBe(10);
  });

  it("probes a provider once across both instances", async () => {
    const owner = PROVIDER_ACCOUNTS[1]!.address;
    const first = (await (await fetch(`${a.url}/api/providers?owners=${owner}`)).json()) as { providers: { probes24h: number }[] };
    const second = (await (await fetch(`${b.url}/api/providers?owners=${owner}`)).json()) as { providers: { probes24h: number }[] };
    expect(first.providers[0]?.probes24h).toBe(1);
    expect(second.providers[0]?.probes24h).toBe(1);
    expect(await database.db.providerProbe.count({ where: { owner } })).toBe(1);
  });
});
