/**
 * Load: 50 concurrent tenants against one production console for 30 s, on SQLite and on PostgreSQL. Each tenant is
 * a browser without a wallet (its own anonymous draft and its own client address, as behind a trusted proxy) that
 * saves its draft and reads its list, as fast as the server answers: loopback only, 50 connections, one request in
 * flight per tenant. Prints requests/s, p95 latency (saves, lists, all), errors (anything but 2xx and the
 * deliberate 429s of the per-owner write limit), and data lost: every save the server acknowledged must be what the
 * database holds at the end (read with SQL, not through the console).
 *
 *   npx tsx bench/console-load.bench.ts    (LOAD_SECONDS, LOAD_TENANTS; BENCH_POSTGRES_URL to use a server of yours)
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { ensureBuild, ROOT, startConsoleServer } from "../scripts/lib/console-server";
import { startThrowawayPostgres } from "../scripts/lib/throwaway-postgres";
import { record } from "./lib/report";
import { fmtMs, percentile } from "./lib/stats";

const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const TENANTS = Number(process.env.LOAD_TENANTS ?? 50);
const TEMPLATE = readFileSync(path.join(ROOT, "lib/templates/sdl/snake-game.yaml"), "utf8");

interface Tenant {
  id: string;
  cookie: string;
  address: string;
  acked: number;
}

function migrate(url: string) {
  execFileSync("npx", ["tsx", "scripts/db-migrate.ts", "--quiet"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
}

async function run(kind: "SQLite" | "PostgreSQL", url: string, readContent: (id: string) => Promise<string | undefined>): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "console-load-"));
  migrate(url);
  const server = await startConsoleServer({
    env: { DATABASE_URL: url, CONSOLE_TRUSTED_PROXIES: "127.0.0.1", CONSOLE_SECRET_KEY: randomBytes(32).toString("base64"), CONSOLE_DATA_DIR: dataDir },
  });
  try {
    const headers = (t: Pick<Tenant, "address"> & { cookie?: string }) => ({ "content-type": "application/json", "x-forwarded-for": t.address, ...(t.cookie ? { cookie: t.cookie } : {}) });
    const tenants: Tenant[] = [];
    for (let i = 0; i < TENANTS; i++) {
      const address = `10.77.${i >> 8}.${i & 255}`;
      const res = await fetch(`${server.url}/api/drafts`, { method: "POST", headers: headers({ address }), body: JSON.stringify({ name: `tenant ${i}`, content: TEMPLATE }) });
      if (res.status !== 201) throw new Error(`creating tenant ${i}'s draft answered ${res.status}: ${await res.text()}`);
      const { id } = (await res.json()) as { id: string };
      tenants.push({ id, address, cookie: res.headers.getSetCookie()[0]!.split(";")[0]!, acked: 0 });
    }

    const saves: number[] = [];
    const lists: number[] = [];
    const statuses = new Map<number, number>();
    let errors = 0;
    const deadline = Date.now() + SECONDS * 1000;
    const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
    await Promise.all(
      tenants.map(async (t) => {
        for (let n = 1; Date.now() < deadline; n++) {
          try {
            let t0 = performance.now();
            const save = await fetch(`${server.url}/api/drafts/${t.id}`, { method: "PATCH", headers: headers(t), body: JSON.stringify({ content: `# save ${n}\n${TEMPLATE}` }) });
            await save.arrayBuffer();
            saves.push(performance.now() - t0);
            count(save.status);
            if (save.ok) t.acked = n;
            else if (save.status !== 429) errors += 1;
            t0 = performance.now();
            const list = await fetch(`${server.url}/api/drafts`, { headers: headers(t) });
            await list.arrayBuffer();
            lists.push(performance.now() - t0);
            count(list.status);
            if (!list.ok) errors += 1;
          } catch {
            errors += 1;
          }
        }
      }),
    );

    let lost = 0;
    for (const t of tenants) {
      const stored = (await readContent(t.id))?.match(/^# save (\d+)\n/)?.[1];
      if (t.acked > 0 && Number(stored ?? 0) !== t.acked) lost += 1;
    }
    const all = [...saves, ...lists];
    const limited = statuses.get(429) ?? 0;
    console.log(`${kind}: ${TENANTS} tenants, ${SECONDS} s, one console on ${kind}`);
    console.log(`  requests/s          ${(all.length / SECONDS).toFixed(0)} (${saves.length} saves, ${lists.length} lists)`);
    console.log(`  p95 latency         all ${fmtMs(percentile(all, 95))}, saves ${fmtMs(percentile(saves, 95))}, lists ${fmtMs(percentile(lists, 95))}`);
    console.log(`  rate-limited (429)  ${limited} saves (the per-owner write limit, deliberate)`);
    record({ bench: "console-load", figure: `${kind}: p95 latency, ${TENANTS} tenants`, value: percentile(all, 95), unit: "ms" });
    const failed = record({ bench: "console-load", figure: `${kind}: errors`, value: errors, unit: "errors", target: { op: "<=", limit: 0 } });
    const kept = record({ bench: "console-load", figure: `${kind}: tenants whose acknowledged save is lost`, value: lost, unit: "tenants", target: { op: "<=", limit: 0 } });
    console.log(`  errors              ${errors}   ${failed} (target 0)`);
    console.log(`  data lost           ${lost} of ${TENANTS} tenants   ${kept} (target 0: every acknowledged save is in the database)`);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  ensureBuild();
  const dir = mkdtempSync(path.join(tmpdir(), "console-load-db-"));
  try {
    const file = path.join(dir, "load.db");
    await run("SQLite", `file:${file}`, async (id) => {
      const db = new Database(file, { readonly: true });
      try {
        return (db.prepare(`SELECT content FROM "Draft" WHERE id = ?`).get(id) as { content: string } | undefined)?.content;
      } finally {
        db.close();
      }
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const own = process.env.BENCH_POSTGRES_URL;
  const throwaway = own ? null : startThrowawayPostgres();
  const url = own ?? throwaway!.url;
  try {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await run("PostgreSQL", url, async (id) => (await client.query<{ content: string }>(`SELECT content FROM "Draft" WHERE id = $1`, [id])).rows[0]?.content);
    } finally {
      await client.end();
    }
  } finally {
    throwaway?.stop();
  }
}

await main();
