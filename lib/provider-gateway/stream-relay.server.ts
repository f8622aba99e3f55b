import "server-only";
import WebSocket from "ws";
import { z } from "zod";
import { AppError, isAppError } from "@/lib/errors/app-error";
import type { Gateway } from "@/lib/provider-gateway/gateway.server";
import { authorizeLease } from "@/lib/provider-gateway/lease-access.server";
import { openLeaseShell, type ProviderShell } from "@/lib/provider-gateway/lease-shell.server";
import { decodeShellInput } from "@/lib/provider-gateway/shell-codec";
import { CLOSE_ERROR, CLOSE_NORMAL, clientMessage, HEARTBEAT_MS, OPEN_TIMEOUT_MS, type OpenShell, type ServerMessage } from "@/lib/provider-gateway/stream-protocol";
import type { StreamLimits } from "@/lib/provider-gateway/stream-limits.server";
import { DEFAULT_PUMP, pumpStream, type BrowserLink, type PumpOptions } from "@/lib/provider-gateway/stream-pump.server";
import { checkProviderToken } from "@/lib/provider-gateway/token-check.server";

/**
 * One browser socket at STREAM_PATH (stream-protocol.ts): waits for the open message, runs the gate (session,
 * token, on-chain lease), then relays logs/events (stream-pump.server.ts) or a shell in both directions. Heartbeats
 * keep the tab informed and find dead tabs; the first side to close closes the other. Errors reach the browser as
 * one error frame whose code names the failing side, then CLOSE_ERROR. Tokens are kept in this closure only.
 */

export interface RelayOptions {
  gateway: Gateway;
  /** the session's address, or null when the request carried no live session */
  session: string | null;
  /** what the per-session stream limit counts by (the session's hash) */
  sessionKey: string | null;
  limits: StreamLimits;
  heartbeatMs?: number;
  openTimeoutMs?: number;
  /** the browser socket's buffer above which the provider stream is paused */
  highWaterBytes?: number;
  pump?: Partial<PumpOptions>;
}

const LOW_WATER_FACTOR = 0.25;
const MAX_EARLY_INPUT = 64 * 1024;
/** only these details are safe and useful in the browser */
const DETAIL_KEYS = ["closeCode", "reason", "status", "body", "provider"] as const;

export function relayStream(browser: WebSocket, o: RelayOptions): void {
  const ac = new AbortController();
  const highWater = o.highWaterBytes ?? DEFAULT_PUMP.highWaterBytes;
  let ended = false;
  let acquired = false;
  let opened = false;
  let token: { token: string; exp: number } | null = null;
  let tokenWaiter: ((t: { token: string; exp: number } | null) => void) | null = null;
  let provider = "";
  let kind: "logs" | "events" | "shell" | null = null;
  let shell: ProviderShell | null = null;
  const earlyInput: Uint8Array[] = [];

  const send = (msg: ServerMessage) => {
    if (browser.readyState === WebSocket.OPEN) browser.send(JSON.stringify(msg));
  };
  const end = (err: unknown) => {
    if (ended) return;
    ended = true;
    if (err !== null) {
      const e = isAppError(err) ? err : new AppError("internal", "The console's server failed while relaying the stream. Try again; if it keeps happening, check the server logs.");
      if (!isAppError(err)) console.error("[provider-stream]", err);
      const details = Object.fromEntries(DETAIL_KEYS.filter((k) => e.details?.[k] !== undefined).map((k) => [k, e.details![k]]));
      send({ type: "error", code: e.code, message: e.message, details });
    }
    if (browser.readyState === WebSocket.OPEN) browser.close(err === null ? CLOSE_NORMAL : CLOSE_ERROR);
    cleanup();
  };
  const cleanup = () => {
    clearTimeout(openTimer);
    clearInterval(heartbeat);
    ac.abort();
    shell?.close();
    tokenWaiter?.(null);
    if (acquired && o.sessionKey) o.limits.release(o.sessionKey);
    acquired = false;
  };

  const openTimer = setTimeout(() => end(new AppError("request.invalid", "The stream was not opened within 10 s of connecting.")), o.openTimeoutMs ?? OPEN_TIMEOUT_MS);
  let alive = true;
  const heartbeat = setInterval(() => {
    if (!alive) return browser.terminate(); // no pong since the last ping: the tab or its network is gone
    alive = false;
    browser.ping();
    send({ type: "heartbeat" });
  }, o.heartbeatMs ?? HEARTBEAT_MS);
  browser.on("pong", () => (alive = true));
  browser.on("close", () => {
    ended = true;
    cleanup();
  });
  browser.on("error", () => browser.terminate());

  if (!o.session || !o.sessionKey) {
    return end(new AppError("unauthorized", "Sign in with your wallet first: the console streams only a signed-in tenant's own leases."));
  }
  if (!o.limits.acquire(o.sessionKey)) {
    return end(new AppError("rate_limited", `You already have ${o.limits.max} streams open in this session. Close a log, event or shell panel and try again.`));
  }
  acquired = true;
  const session = o.session;

  const link: BrowserLink = {
    send,
    session,
    signal: ac.signal,
    get bufferedAmount() {
      return browser.bufferedAmount;
    },
    drained: () =>
      new Promise<void>((resolve) => {
        const check = () => (browser.readyState !== WebSocket.OPEN || browser.bufferedAmount <= highWater * LOW_WATER_FACTOR ? resolve() : setTimeout(check, 5));
        check();
      }),
    token: () => token!,
    freshToken: (ms) =>
      new Promise((resolve) => {
        const t = setTimeout(() => ((tokenWaiter = null), resolve(null)), ms);
        tokenWaiter = (v) => (clearTimeout(t), (tokenWaiter = null), resolve(v));
        send({ type: "token_needed" });
      }),
  };

  browser.on("message", (data: Buffer, isBinary: boolean) => {
    if (ended) return;
    try {
      if (isBinary) return shellInput(new Uint8Array(data));
      let json: unknown;
      try {
        json = JSON.parse(data.toString("utf8"));
      } catch {
        throw new AppError("request.invalid", "A stream message is not JSON.");
      }
      const msg = clientMessage.parse(json);
      if (msg.type === "token") {
        if (!opened) throw new AppError("request.invalid", "The stream was refreshed before it was opened.");
        const checked = checkProviderToken(msg.token, { owner: session, provider });
        token = { token: msg.token, exp: checked.exp };
        tokenWaiter?.(token);
        return;
      }
      if (opened) throw new AppError("request.invalid", "The stream is already open; open another socket for another stream.");
      opened = true;
      clearTimeout(openTimer);
      provider = msg.lease.provider;
      kind = msg.kind;
      void start(msg).then(
        () => end(null),
        (err: unknown) => end(ac.signal.aborted && !isAppError(err) ? null : err),
      );
    } catch (err) {
      end(err instanceof z.ZodError ? malformed(err) : err);
    }
  });

  async function start(msg: Exclude<ReturnType<typeof clientMessage.parse>, { type: "token" }>): Promise<void> {
    const checked = await authorizeLease(o.gateway, session, msg.lease, msg.token);
    token = { token: msg.token, exp: checked.exp };
    if (msg.kind === "shell") return runShell(msg);
    await pumpStream(o.gateway, msg, link, { ...DEFAULT_PUMP, highWaterBytes: highWater, ...o.pump });
  }

  async function runShell(msg: OpenShell): Promise<void> {
    shell = await openLeaseShell(o.gateway, msg.lease, { ...msg, token: token!.token, signal: ac.signal });
    send({ type: "opened" });
    for (const f of earlyInput.splice(0)) shell.send(f);
    for await (const { raw } of shell.output) {
      if (browser.readyState !== WebSocket.OPEN) return;
      browser.send(raw, { binary: true });
      if (browser.bufferedAmount > highWater) await link.drained();
    }
  }

  function shellInput(frame: Uint8Array): void {
    if (kind !== "shell") throw new AppError("request.invalid", kind ? `Binary frames are shell input; this is a ${kind} stream.` : "Shell input arrived before the stream was opened.");
    decodeShellInput(frame); // only stdin and resize frames pass
    if (!opened) throw new AppError("request.invalid", "Shell input arrived before the stream was opened.");
    if (shell) return shell.send(frame);
    const queued = earlyInput.reduce((n, f) => n + f.byteLength, 0);
    if (queued + frame.byteLength > MAX_EARLY_INPUT) throw new AppError("request.invalid", "Too much shell input before the shell started.");
    earlyInput.push(frame);
  }
}

function malformed(err: z.ZodError): AppError {
  const i = err.issues[0];
  return new AppError("request.invalid", `The stream message is malformed: ${i?.path.join(".") || "message"}: ${i?.message ?? "invalid"}.`);
}
