import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * Builds the console if there is no build, then serves it on `port` with a fresh database of its own
 * (scripts/e2e-server.sh, one file per port). The server reads NEXT_PUBLIC_REST_URL etc. from this process's env.
 */
export async function startConsole(port: number): Promise<{ url: string; pid: number; stop(): void }> {
  if (!existsSync(path.join(ROOT, ".next/BUILD_ID"))) {
    console.log("building the console for the browser benchmark…");
    // a production build must name its network: the benches run on the devnet
    execFileSync("npx", ["next", "build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_PUBLIC_NETWORK: process.env.NEXT_PUBLIC_NETWORK ?? "devnet" } });
  }
  const child: ChildProcess = spawn("bash", ["scripts/e2e-server.sh"], {
    cwd: ROOT,
    env: { ...process.env, E2E_PORT: String(port) },
    stdio: "ignore",
    detached: true,
  });
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error("the console did not start within 60 s");
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    // e2e-server.sh execs the console server, so bash's pid is the server's (for its RSS)
    pid: child.pid!,
    stop() {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        /* already gone */
      }
    },
  };
}
