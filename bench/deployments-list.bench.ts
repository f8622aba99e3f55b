/**
 * The deployments list at scale: three owners with 50, 1,000 and 5,000 deployments on the devnet (10 of each leased),
 * read through the console's server (the overview route: the chain's page joined with the records) and rendered in
 * headless Chromium. Figures per owner: the server's time to the first page (median of 15 requests, measured by the
 * client over loopback) and the browser's time from the page's data to painted rows. Target: 5,000 within 1.5x of 50.
 * Binds the devnet's default ports: run under `flock /tmp/devnet-ports.lock` when anything else may use them.
 */
import { chromium } from "@playwright/test";
import { Secp256k1HdWallet } from "@cosmjs/amino";
import { mkdtempSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";
import { TENANT1, TENANT2, TENANT3, type DevnetAccount } from "@/devnet/accounts";
import { startDevnet } from "@/devnet/start";
import { makeAdr36SignDoc } from "@/lib/auth/adr36";
import { ensureBuild, freePort, ROOT, startConsoleServer } from "../scripts/lib/console-server";
import { servePage } from "../test/support/browser-page";
import { record } from "./lib/report";
import { percentile } from "./lib/stats";

const SIZES: [DevnetAccount, number][] = [
  [TENANT1, 50],
  [TENANT2, 1_000],
  [TENANT3, 5_000],
];
const SAMPLES = 15;
const here = path.dirname(fileURLToPath(import.meta.url));

async function main() {
  ensureBuild();
  const devnet = await startDevnet({ blockTimeMs: 1000 });
  const dir = mkdtempSync(path.join(tmpdir(), "bench-list-"));
  const url = `file:${path.join(dir, "console.db")}`;
  execFileSync("npx", ["tsx", "scripts/db-migrate.ts", "--quiet"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = await startConsoleServer({ port, env: { DATABASE_URL: url, CONSOLE_ORIGIN: origin, CONSOLE_SECRET_KEY: randomBytes(32).toString("base64"), CONSOLE_DATA_DIR: dir, CONSOLE_ALLOW_LOOPBACK_PROVIDERS: "1" } });
  const page = await servePage(path.join(here, "deployment-rows-page.tsx"));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
  try {
    const tab = await browser.newPage();
    const errors: string[] = [];
    tab.on("pageerror", (e) => errors.push(e.message));
    await tab.goto(page.url);
    await tab.waitForFunction(() => typeof (window as unknown as { renderRows?: unknown }).renderRows === "function", null, { timeout: 30_000 }).catch(() => {
      throw new Error(`the bench page did not load: ${errors.join("; ") || "no error reported"}`);
    });
    const results: { count: number; server: number; browser: number }[] = [];
    for (const [tenant, count] of SIZES) {
      const seeded = await fetch(`${devnet.endpoints.admin}/deployments/seed`, { method: "POST", body: JSON.stringify({ owner: tenant.address, count, leased: 10 }) });
      if (!seeded.ok) throw new Error(`seeding ${count} failed: ${await seeded.text()}`);
      const cookie = await signIn(origin, tenant);
      const times: number[] = [];
      let body: { rows: unknown[]; total: number } | undefined;
      for (let i = 0; i < SAMPLES + 2; i++) {
        const t0 = performance.now();
        const res = await fetch(`${origin}/api/deployments/overview?page=1`, { headers: { cookie } });
        body = (await res.json()) as { rows: unknown[]; total: number };
        if (!res.ok || body.total !== count) throw new Error(`overview for ${count}: HTTP ${res.status}, ${JSON.stringify(body).slice(0, 300)}`);
        if (i >= 2) times.push(performance.now() - t0); // two warm-ups: the first request compiles the route
      }
      const paints: number[] = [];
      for (let i = 0; i < SAMPLES; i++) paints.push(await tab.evaluate((rows) => (window as unknown as { renderRows(r: unknown[]): Promise<number> }).renderRows(rows), body!.rows));
      results.push({ count, server: percentile(times, 50), browser: percentile(paints, 50) });
      console.log(`${count} deployments: first page from the server in ${percentile(times, 50).toFixed(1)} ms (p95 ${percentile(times, 95).toFixed(1)}), rows painted in ${percentile(paints, 50).toFixed(1)} ms`);
    }
    const small = results[0]!;
    for (const r of results.slice(1)) {
      record({ bench: "deployments-list", figure: `server, first page, ${r.count} vs 50`, value: r.server, unit: "ms", baseline: small.server, target: { op: "<=", limit: 1.5, of: "ratio" } });
      record({ bench: "deployments-list", figure: `browser, rows painted, ${r.count} vs 50`, value: r.browser, unit: "ms", baseline: small.browser, target: { op: "<=", limit: 1.5, of: "ratio" } });
    }
  } finally {
    await browser.close();
    await page.close();
    await server.stop();
    await devnet.stop();
  }
}

async function signIn(origin: string, tenant: DevnetAccount): Promise<string> {
  const wallet = await Secp256k1HdWallet.fromMnemonic(tenant.mnemonic, { prefix: "akash" });
  const post = (p: string, body: object) => fetch(`${origin}${p}`, { method: "POST", headers: { "content-type": "application/json", origin }, body: JSON.stringify(body) });
  const { nonce, message } = (await (await post("/api/auth/nonce", { address: tenant.address })).json()) as { nonce: string; message: string };
  const { signature } = await wallet.signAmino(tenant.address, makeAdr36SignDoc(tenant.address, message));
  const verified = await post("/api/auth/verify", { address: tenant.address, pubkey: signature.pub_key.value, signature: signature.signature, nonce });
  if (!verified.ok) throw new Error(`sign-in failed: HTTP ${verified.status} ${await verified.text()}`);
  return verified.headers.getSetCookie().find((c) => c.includes("session="))!.split(";")[0]!;
}

await main();
