import { TENANT1 } from "@/devnet/accounts";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionsRepository } from "@/lib/db/sessions";
import { openShell } from "@/lib/provider-gateway/console-stream";
import { resolveEndpoint } from "@/lib/provider-gateway/gateway.server";
import { leaseStatus, sendManifest } from "@/lib/provider-gateway/provider-api.server";
import { SHELL_CODE } from "@/lib/provider-gateway/shell-codec";
import { createTestDatabase } from "@/test/support/database";
import { startGatewayFixture, type GatewayFixture, type LeasedDeployment } from "@/test/support/proxy-lease";
import { startStreamServer, type StreamServer } from "@/test/support/stream-server";
import { waitFor } from "@/test/support/wait";

// A shell end to end: a ws client playing the browser -> the console's relay (pin, token and lease gate) -> the
// devnet provider's lease shell (router_shell.go's binary protocol over a simulated container).
const database = createTestDatabase();
let gf: GatewayFixture;
let server: StreamServer;
let leased: LeasedDeployment;
let cookie: string;

beforeAll(async () => {
  gf = await startGatewayFixture();
  const P0 = gf.providers[0]!;
  leased = await gf.lease(P0);
  const ctx = { endpoint: await resolveEndpoint(gf.gateway, P0), pin: gf.gateway.pin, token: await gf.tokens.get(P0) };
  await sendManifest(ctx, leased.lease.dseq, leased.manifestJson);
  // a shell needs a running pod: the provider's replicas come up a few seconds after the manifest
  await waitFor(async () => Object.values((await leaseStatus(ctx, leased.lease)).services).every((s) => s.readyReplicas >= 1), 15_000, 250);
  server = await startStreamServer(sessionsRepository(database.db), () => gf.gateway);
  cookie = await server.signIn(TENANT1.address);
});
afterAll(async () => {
  await server?.stop();
  await gf?.stop();
  await database.dispose();
});

const text = (chunks: { stream: string; data: Uint8Array }[]) => chunks.map((c) => `${c.stream}:${new TextDecoder().decode(c.data)}`).join("");

function run(command: string[], opts: { stdin?: boolean; service?: string } = {}) {
  const stdin = opts.stdin ?? false;
  return openShell(
    { lease: leased.lease, service: opts.service ?? "snake", command, tty: stdin, stdin },
    { token: () => gf.tokens.get(leased.lease.provider), signal: new AbortController().signal, connect: server.connect(cookie) },
  );
}

async function drain(shell: Awaited<ReturnType<typeof openShell>>) {
  const chunks = [];
  for await (const c of shell.output) chunks.push(c);
  return { output: text(chunks), result: await shell.result };
}

describe("a shell through the console's stream endpoint", () => {
  it("runs a command in the container: its output, then its exit code", async () => {
    expect(await drain(await run(["echo", "hello", "world"]))).toEqual({ output: "stdout:hello world\n", result: { exitCode: 0 } });
  });

  it("reports a non-zero exit code", async () => {
    expect((await drain(await run(["sh", "-c", "exit 3"]))).result).toEqual({ exitCode: 3 });
  });

  it("carries keystrokes and terminal resizes to the container, and its output back", async () => {
    const shell = await run(["sh"], { stdin: true });
    shell.resize(120, 40);
    shell.write("stty size\r");
    shell.write("exit 7\r");
    const { output, result } = await drain(shell);
    expect(output).toMatch(/^stdout:.*40 120\r?$/m);
    expect(result).toEqual({ exitCode: 7 });
  });

  it("passes on the provider's message for a service the lease does not run", async () => {
    const { result } = await drain(await run(["echo", "hi"], { service: "nope" }));
    expect(result.message).toMatch(/no service for that lease/);
  });

  it("refuses input frames the provider does not take, ending the stream with request.invalid", async () => {
    const ws = new WebSocket(server.url, { headers: { origin: `http://${server.host}`, cookie } });
    await new Promise((r) => ws.once("open", r));
    ws.send(JSON.stringify({ type: "open", token: await gf.tokens.get(leased.lease.provider), kind: "shell", lease: leased.lease, service: "snake", command: ["sh"], tty: true, stdin: true }));
    ws.send(Buffer.from([SHELL_CODE.stdout, 1, 2]));
    const error = await new Promise<{ code: string; message: string }>((resolve) => ws.on("message", (d, binary) => !binary && resolve(JSON.parse(d.toString()))));
    expect(error).toMatchObject({ type: "error", code: "request.invalid", message: expect.stringMatching(/stdin \(104\) or resize \(105, 5 bytes\), not code 100/) });
    ws.close();
  });
});
