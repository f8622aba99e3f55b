/**
 * The lease shell websocket (/lease/{dseq}/{gseq}/{oseq}/shell?cmd0=..&tty=&stdin=&podIndex=&service=), as
 * akash-network/provider's leaseShellHandler runs it: required query parameters (400 with an empty body), then
 * the service's readiness, then the command in the pod; the last frame is the result (102), after which the
 * connection closes without a close frame, as gorilla's Conn.Close does. Messages are the provider's own.
 */
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { setImmediate as yieldToIo, setTimeout as sleep } from "node:timers/promises";
import { WebSocket, type WebSocketServer } from "ws";
import type { LeaseView } from "../../contract";
import { activeLease, type GatewayContext } from "./context";
import { rejectUpgrade, TEXT_TYPE } from "./http-io";
import { leaseKey, type LeasePath, type LeaseRuntime } from "./lease-runtime";
import { podsOf, replicaReadyAt, readyReplicas } from "./pods";
import { COMMANDS, type ShellIO } from "./shell-commands";
import { containerOf, type Container } from "./shell-container";
import { failureFrame, outputFrame, parseClientFrame, resultFrame, SHELL_STDERR, SHELL_STDOUT } from "./shell-frames";
import { Shell } from "./shell-interpreter";
import { runInteractive } from "./shell-tty";
import { endWithoutCloseFrame, keepAlive } from "./ws-util";

const EXEC_ERR = "remote command execute error";
/** The message leaseShellHandler sends for a service with no ready replica, typo included. */
export const MSG_NOT_READY = "no active replicase for service";
export const MSG_NO_SERVICE = "kube: no service for that lease";
export const MSG_NOT_FOUND = `${EXEC_ERR}: command could not be executed because it does not exist`;

export interface ShellQuery {
  cmd: string[];
  tty: boolean;
  stdin: boolean;
  service: string;
  podIndex: number;
}

/** The query as leaseShellHandler reads it, or undefined where it answers 400. */
export function parseShellQuery(q: URLSearchParams): ShellQuery | undefined {
  const cmd: string[] = [];
  for (let i = 0; q.get(`cmd${i}`); i++) cmd.push(q.get(`cmd${i}`)!);
  const tty = q.get("tty");
  const service = q.get("service");
  const stdin = q.get("stdin");
  const pod = q.get("podIndex");
  if (!cmd.length || !tty || !service || !stdin || !pod) return undefined;
  const podIndex = /^(0x[0-9a-f]+|0o?[0-7]+|[1-9][0-9]*|0)$/i.test(pod) ? Number(pod.replace(/^0(?=[0-7])/, "0o")) : NaN;
  if (!Number.isInteger(podIndex) || podIndex >= 2 ** 31) return undefined;
  return { cmd, tty: tty === "1", stdin: stdin === "1", service, podIndex };
}

export function upgradeShell(ctx: GatewayContext, wss: WebSocketServer, req: IncomingMessage, socket: Socket, head: Buffer, m: LeasePath, owner: string, q: URLSearchParams): void {
  const query = parseShellQuery(q);
  if (!query) return rejectUpgrade(socket, 400, "", TEXT_TYPE);
  const lease = activeLease(ctx, owner, m);
  wss.handleUpgrade(req, socket, head, (ws) => {
    ctx.streams.add(ws);
    ws.on("close", () => ctx.streams.delete(ws));
    ws.on("error", () => ws.terminate());
    keepAlive(ws, ctx.o.pingIntervalMs);
    const rt = lease ? ctx.runtimes.get(leaseKey(lease)) : undefined;
    void runSession(ctx, ws, lease, rt, query);
  });
}

async function runSession(ctx: GatewayContext, ws: WebSocket, lease: LeaseView | undefined, rt: LeaseRuntime | undefined, q: ShellQuery): Promise<void> {
  const finish = (frame: Buffer) => {
    if (ws.readyState !== WebSocket.OPEN) return;
    ws.send(frame);
    endWithoutCloseFrame(ws);
  };
  const service = rt?.group.services.find((s) => s.name === q.service);
  // ServiceStatus failing: only "no service" reaches the client; other cluster errors leave the message empty
  if (ctx.faults.kubeUnavailable) return finish(resultFrame(0));
  if (!lease || !rt || !service) return finish(resultFrame(0, MSG_NO_SERVICE));
  if (readyReplicas(ctx, rt, service.count ?? 1) === 0) return finish(resultFrame(0, MSG_NOT_READY));
  if (ctx.faults.takeShellFailure()) return finish(failureFrame());
  const pods = podsOf(ctx, lease, rt, [service.name]).sort((a, b) => a.pod.localeCompare(b.pod));
  const pod = pods[q.podIndex];
  if (!pod) return finish(resultFrame(0, `${EXEC_ERR}: pod index out of range: valid range is [0, ${pods.length - 1}]`));
  if (Date.now() < replicaReadyAt(ctx, rt, pods.length, pod.replica)) {
    return finish(resultFrame(0, `${EXEC_ERR}: service with that name is not running: the service is not ready`));
  }
  const container = containerOf(service, pod.pod, lease, ctx.o.host);
  const session = new ShellSession(ws, q.tty);
  try {
    const code = await exec(container, q, session);
    if (code === undefined) finish(resultFrame(0, MSG_NOT_FOUND));
    else finish(resultFrame(code));
  } finally {
    session.close();
  }
}

/** Runs the command; undefined when its executable does not exist in the container. */
async function exec(c: Container, q: ShellQuery, session: ShellSession): Promise<number | undefined> {
  const [cmd0, ...args] = q.cmd as [string, ...string[]];
  const bin = cmd0.replace(/^\/(usr\/)?(local\/)?s?bin\//, "");
  if (!c.bin.includes(bin)) return undefined;
  if (bin === "bash" || bin === "sh") {
    const io = session.io(session.abortOnClose);
    const shell = new Shell(c, bin);
    if (args[0] === "-c") {
      await shell.runLine(args[1] ?? "", io);
      return shell.exitCode ?? shell.lastExit;
    }
    if (!q.stdin) return 0; // no stdin: the shell reads end of input at once
    return runInteractive(shell, session);
  }
  // on a tty, Ctrl-C typed to a running program interrupts it (SIGINT: exit 130)
  const interrupt = new AbortController();
  session.abortOnClose.addEventListener("abort", () => interrupt.abort());
  if (q.stdin && q.tty) session.onInput((data) => data.includes(3) && interrupt.abort());
  return COMMANDS[bin]!(args, new Shell(c, "sh"), session.io(interrupt.signal));
}

/** The websocket side of a shell: output with backpressure, input frames, terminal size, session end. */
export class ShellSession {
  private cols = 0;
  private rows = 0;
  private readonly closed = new AbortController();
  private inputListener: ((data: Buffer) => void) | undefined;

  constructor(
    private readonly ws: WebSocket,
    readonly tty: boolean,
  ) {
    ws.on("close", () => this.closed.abort());
    ws.on("message", (data: Buffer, isBinary: boolean) => {
      if (!isBinary) return; // the gateway ignores anything but binary messages
      const f = parseClientFrame(Buffer.isBuffer(data) ? data : Buffer.from(data));
      if (f?.kind === "resize" && tty) [this.cols, this.rows] = [f.width, f.height];
      else if (f?.kind === "stdin") this.inputListener?.(f.data);
    });
  }

  get abortOnClose(): AbortSignal {
    return this.closed.signal;
  }

  onInput(listener: (data: Buffer) => void): void {
    this.inputListener = listener;
  }

  close(): void {
    this.inputListener = undefined;
  }

  /** Raw output (already in terminal form). Waits while the client is slow, so a flood never queues without bound. */
  async write(code: typeof SHELL_STDOUT | typeof SHELL_STDERR, text: string): Promise<void> {
    if (this.closed.signal.aborted || this.ws.readyState !== WebSocket.OPEN) return;
    this.ws.send(outputFrame(code, text));
    if (this.ws.bufferedAmount > 1 << 20) {
      while (this.ws.bufferedAmount > 1 << 19 && !this.closed.signal.aborted) await sleep(5);
    } else await yieldToIo(); // let input (Ctrl-C, resize) in between chunks
  }

  /** The IO a command gets: a tty turns \n into \r\n and sends stderr on stdout, as a pty does. */
  io(signal: AbortSignal): ShellIO {
    const tty = this.tty;
    const text = (s: string) => (tty ? s.replace(/\r?\n/g, "\r\n") : s);
    return {
      out: (s) => this.write(SHELL_STDOUT, text(s)),
      err: (s) => this.write(tty ? SHELL_STDOUT : SHELL_STDERR, text(s)),
      signal,
      tty,
      size: () => ({ cols: this.cols, rows: this.rows }),
    };
  }
}
