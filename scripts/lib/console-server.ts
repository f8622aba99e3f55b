/**
 * A production console server for integration tests and benchmarks: one place that knows how to build and start
 * it — the custom server (server.ts: Next plus the provider-stream websocket endpoint), as `npm start` runs it.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { buildNeeded, stampBuild } from "../build-check";

export const ROOT = path.resolve(import.meta.dirname, "../..");

/** The build every test server runs: a devnet build, rebuilt when the sources or its configuration changed. */
export function ensureBuild(env: Record<string, string | undefined> = { ...process.env, NEXT_PUBLIC_NETWORK: "devnet" }): void {
  const reason = buildNeeded(ROOT, env);
  if (reason) {
    console.log(`building the console (${reason})…`);
    execFileSync("npx", ["next", "build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } as NodeJS.ProcessEnv });
    stampBuild(ROOT, env);
  }
  // the custom server's bundle (well under a second): dist/ is not part of Next's build
  execFileSync("node", ["scripts/build-server.mjs"], { cwd: ROOT, stdio: "inherit" });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

export interface ConsoleServer {
  url: string;
  port: number;
  /** what the server printed, for a failing test's message */
  output(): string;
  stop(): Promise<void>;
}

export async function startConsoleServer(opts: { env: Record<string, string>; port?: number; timeoutMs?: number }): Promise<ConsoleServer> {
  const port = opts.port ?? (await freePort());
  let output = "";
  const child: ChildProcess = spawn("node", ["dist/console-server.mjs", "--hostname", "127.0.0.1", "--port", String(port)], {
    cwd: ROOT,
    env: { ...process.env, NEXT_PUBLIC_NETWORK: "devnet", ...opts.env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the console on port ${port} exited (${child.exitCode}):\n${output.slice(-2000)}`);
    try {
      if ((await fetch(`${url}/api/auth/session`, { signal: AbortSignal.timeout(2_000) })).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`the console on port ${port} did not start:\n${output.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    port,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        return;
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    },
  };
}
