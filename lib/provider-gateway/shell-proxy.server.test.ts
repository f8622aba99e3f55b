import { TENANT1 } from "@/devnet/accounts";
import https from "node:https";
import type { IncomingMessage } from "node:http";
import WebSocket, { WebSocketServer } from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionsRepository } from "@/lib/db/sessions";
import { createTestDatabase } from "@/test/support/database";
import { openShell } from "@/lib/provider-gateway/console-stream";
import { createGateway } from "@/lib/provider-gateway/gateway.server";
import { SHELL_CODE } from "@/lib/provider-gateway/shell-codec";
import { startGatewayFixture, type GatewayFixture, type LeasedDeployment } from "@/test/support/proxy-lease";
import { startStreamServer, type StreamServer } from "@/test/support/stream-server";

// Today's devnet has no shell route (another change adds it), so the provider's side is a stand-in here: a gateway
// serving provider P0's own registered certificate (the pin passes) and speaking the lease shell's binary protocol
// as router_shell.go does. Everything on the console's side is the real code: browser client, relay, pin, gate.
const database = createTestDatabase();
let gf: GatewayFixture;
let server: StreamServer;
let standIn: https.Server;
let leased: LeasedDeployment;
let cookie: string;
const seen: { url: string; auth: string; frames: number[][] } = { url: "", auth: "", frames: [] };

function startStandIn(cert: { certPem: string; keyPem: string }): Promise<number> {
  standIn = https.createServer({ cert: cert.certPem, key: cert.keyPem });
  const wss = new WebSocketServer({ noServer: true });
  standIn.on("upgrade", (req: IncomingMessage, socket, head) => {
    seen.url = req.url ?? "";
    seen.auth = req.headers.authorization ?? "";
    wss.handleUpgrade(req, socket, head, (ws) => {
      const q = new URL(req.url ?? "/", "https://x").searchParams;
      const cmd = [q.get("cmd0"), q.get("cmd1"), q.get("cmd2")].filter(Boolean);
      const out = (code: number, text: string) => ws.send(Buffer.concat([Buffer.from([code]), Buffer.from(text)]));
      // the result, then the connection closed without a close frame once it is written, as gorilla's Conn.Close does
      const result = (exit: number) => ws.send(Buffer.concat([Buffer.from([SHELL_CODE.result]), Buffer.from(`${JSON.stringify({ exit_code: exit })}\n`)]), () => ws.terminate());
      if (cmd[0] === "echo") return (out(SHELL_CODE.stdout, `${cmd.slice(1).join(" ")}\n`), result(0));
      if (cmd[0] === "fail") return (out(SHELL_CODE.stderr, "boom\n"), result(3));
      // "cat": echoes stdin until it reads "exit"
      ws.on("message", (data: Buffer) => {
        seen.frames.push([...data]);
        if (data[0] !== SHELL_CODE.stdin) return;
        const text = data.subarray(1).toString();
        if (text === "exit") return result(0);
        out(SHELL_CODE.stdout, text);
      });
    });
  });
  return new Promise((r) => standIn.listen(0, "127.0.0.1", () => r((standIn.address() as { port: number }).port)));
}

beforeAll(async () => {
  gf = await startGatewayFixture();
  const P0 = gf.providers[0]!;
  leased = await gf.lease(P0);
  const cert = (gf.fx.fleet as unknown as { certificate(p: string): { certPem: string; keyPem: string } }).certificate(P0);
  const port = await startStandIn(cert);
  const gateway = createGateway({
    rest: { ...gf.rest, provider: async (owner, call) => gf.rest.provider(owner, call).then((p) => p && (owner === P0 ? { ...p, hostUri: `https://127.0.0.1:${port}` } : p)) },
    ssrf: { allowLoopback: true },
  });
  server = await startStreamServer(sessionsRepository(database.db), () => gateway);
  cookie = await server.signIn(TENANT1.address);
});
afterAll(async () => {
  await server?.stop();
  await new Promise((r) => standIn?.close(r));
  await gf?.stop();
  await database.dispose();
});

const decode = (chunks: { stream: string; data: Uint8Array }[]) => chunks.map((c) => `${c.stream}:${new TextDecoder().decode(c.data)}`);

async function run(command: string[], stdin = false) {
  return openShell({ lease: leased.lease, service: "snake", command, tty: stdin, stdin }, { token: () => gf.tokens.get(leased.lease.provider), signal: new AbortController().signal, connect: server.connect(cookie) });
}

describe("a shell through the console's stream endpoint", () => {
  it("runs a command: its output, then its exit code; the provider got the command, tty, stdin, pod and token", async () => {
    const shell = await run(["echo", "hello", "world"]);
    const chunks = [];
    for await (const c of shell.output) chunks.push(c);
    expect(decode(chunks)).toEqual(["stdout:hello world\n"]);
    expect(await shell.result).toEqual({ exitCode: 0 });
    expect(seen.url).toBe(`/lease/${leased.lease.dseq}/${leased.lease.gseq}/${leased.lease.oseq}/shell?cmd0=echo&cmd1=hello&cmd2=world&tty=0&stdin=0&podIndex=0&service=snake`);
    expect(seen.auth).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it("reports stderr and a non-zero exit code", async () => {
    const shell = await run(["fail"]);
    const chunks = [];
    for await (const c of shell.output) chunks.push(c);
    expect(decode(chunks)).toEqual(["stderr:boom\n"]);
    expect(await shell.result).toEqual({ exitCode: 3 });
  });

  it("carries stdin and terminal resizes to the provider, byte for byte, and output back", async () => {
    seen.frames = [];
    const shell = await run(["cat"], true);
    shell.resize(120, 40);
    shell.write("ping\n");
    const it = shell.output[Symbol.asyncIterator]();
    expect(decode([(await it.next()).value])).toEqual(["stdout:ping\n"]);
    shell.write("exit");
    expect((await it.next()).done).toBe(true);
    expect(await shell.result).toEqual({ exitCode: 0 });
    expect(seen.frames).toEqual([[105, 0, 120, 0, 40], [104, ...Buffer.from("ping\n")], [104, ...Buffer.from("exit")]]);
  });

  it("refuses input frames the provider does not take, ending the stream with request.invalid", async () => {
    const ws = new WebSocket(server.url, { headers: { origin: `http://${server.host}`, cookie } });
    await new Promise((r) => ws.once("open", r));
    ws.send(JSON.stringify({ type: "open", token: await gf.tokens.get(leased.lease.provider), kind: "shell", lease: leased.lease, service: "snake", command: ["cat"], tty: true, stdin: true }));
    ws.send(Buffer.from([SHELL_CODE.stdout, 1, 2]));
    const error = await new Promise<{ code: string; message: string }>((resolve) => ws.on("message", (d, binary) => !binary && resolve(JSON.parse(d.toString()))));
    expect(error).toMatchObject({ type: "error", code: "request.invalid", message: expect.stringMatching(/stdin \(104\) or resize \(105, 5 bytes\), not code 100/) });
    ws.close();
  });
});
