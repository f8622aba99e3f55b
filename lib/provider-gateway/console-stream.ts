import { AppError } from "@/lib/errors/app-error";
import type { LeaseRef } from "@/lib/provider-gateway/lease-ref";
import type { KubeEventFrame, LogFrame } from "@/lib/provider-gateway/schemas";
import { decodeShellOutput, encodeResize, encodeStdin } from "@/lib/provider-gateway/shell-codec";
import { CLOSE_NORMAL, eventFrames, HEARTBEAT_MS, logFrames, serverMessage, STREAM_PATH } from "@/lib/provider-gateway/stream-protocol";

/**
 * The browser's side of the console's stream socket (stream-protocol.ts): logs and events as an async iterable,
 * a shell as a session with both directions. The token is asked for when the socket opens and again whenever the
 * server needs a fresh one to resume a dropped provider stream; it never leaves memory.
 */

export type { LeaseRef } from "@/lib/provider-gateway/lease-ref";
export type { KubeEventFrame, LogFrame } from "@/lib/provider-gateway/schemas";

export type StreamStatus = "connecting" | "live" | "reconnecting";

/** the part of the WebSocket API used here: the browser's, or `ws`'s in Node (tests, benches) */
export interface SocketLike {
  binaryType: string;
  readonly readyState: number;
  send(data: string | ArrayBufferView | ArrayBuffer): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: "open" | "message" | "close" | "error", listener: (ev: { data?: unknown; code?: number; reason?: string }) => void): void;
}

export interface StreamOptions {
  token: () => Promise<string>;
  signal: AbortSignal;
  /** "reconnecting" while the server resumes a provider stream the provider dropped */
  onStatus?: (status: StreamStatus) => void;
  /** the socket to use; by default the page's own origin at STREAM_PATH */
  connect?: () => SocketLike;
}

export interface ShellSession {
  output: AsyncIterable<{ stream: "stdout" | "stderr"; data: Uint8Array }>;
  result: Promise<{ exitCode: number; message?: string }>;
  write(data: Uint8Array | string): void;
  resize(cols: number, rows: number): void;
  close(): void;
}

const OPEN = 1;
/** three missed heartbeats: the server or the path to it is gone even if the socket says open */
const WATCHDOG_MS = HEARTBEAT_MS * 3;

function defaultConnect(): SocketLike {
  const scheme = window.location.protocol === "https:" ? "wss" : "ws";
  return new WebSocket(`${scheme}://${window.location.host}${STREAM_PATH}`) as unknown as SocketLike;
}

function dropped(code: number | undefined): AppError {
  return new AppError("console.unreachable", `The connection to the console's server dropped (${code ?? "no close code"}). Reopen the stream to resume.`, { details: { closeCode: code } });
}

/** The connection shared by both kinds: open message, token refresh, heartbeat watchdog, errors, close. */
function connectStream(open: Record<string, unknown>, opts: StreamOptions, handlers: { text(msg: unknown): void; binary(data: Uint8Array): void; end(err: AppError | null): void }) {
  const ws = (opts.connect ?? defaultConnect)();
  ws.binaryType = "arraybuffer";
  let error: AppError | null = null;
  let finished = false;
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  const finish = (err: AppError | null) => {
    if (finished) return;
    finished = true;
    clearTimeout(watchdog);
    opts.signal.removeEventListener("abort", onAbort);
    handlers.end(err);
  };
  const feed = () => {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => {
      finish(new AppError("console.unreachable", `The console's server has been silent for ${WATCHDOG_MS / 1000} s. Reopen the stream to resume.`));
      ws.close();
    }, WATCHDOG_MS);
  };
  const onAbort = () => {
    if (ws.readyState <= OPEN) ws.close(CLOSE_NORMAL);
    finish(null);
  };
  opts.signal.addEventListener("abort", onAbort, { once: true });
  opts.onStatus?.("connecting");
  const sendToken = async (type: "open" | "token") => {
    try {
      const token = await opts.token();
      if (ws.readyState === OPEN) ws.send(JSON.stringify(type === "open" ? { ...open, type, token } : { type, token }));
    } catch (err) {
      finish(err instanceof AppError ? err : new AppError("internal", `No access token for the provider: ${err instanceof Error ? err.message : String(err)}`));
      ws.close(CLOSE_NORMAL);
    }
  };
  ws.addEventListener("open", () => {
    feed();
    void sendToken("open");
  });
  ws.addEventListener("message", (ev) => {
    feed();
    if (typeof ev.data !== "string") return handlers.binary(new Uint8Array(ev.data as ArrayBuffer));
    const parsed = serverMessage.safeParse(JSON.parse(ev.data));
    if (!parsed.success) return;
    const m = parsed.data;
    if (m.type === "error") error = new AppError(m.code, m.message, { details: m.details });
    else if (m.type === "opened") opts.onStatus?.("live");
    else if (m.type === "reconnecting") opts.onStatus?.("reconnecting");
    else if (m.type === "token_needed") void sendToken("token");
    else if (m.type === "frames") {
      opts.onStatus?.("live");
      handlers.text(m.frames);
    }
  });
  ws.addEventListener("close", (ev) => finish(error ?? (ev.code === CLOSE_NORMAL ? null : dropped(ev.code))));
  ws.addEventListener("error", () => {
    /* the close event follows and says how it ended */
  });
  return ws;
}

export function streamFromConsole(
  req: { lease: LeaseRef; kind: "logs" | "events"; services?: string[]; tail: number; follow: boolean },
  opts: StreamOptions,
): AsyncIterable<LogFrame | KubeEventFrame> {
  return {
    [Symbol.asyncIterator]() {
      const queue: (LogFrame | KubeEventFrame)[] = [];
      let head = 0;
      let end: { err: AppError | null } | null = null;
      let wake: (() => void) | null = null;
      const schema = req.kind === "logs" ? logFrames : eventFrames;
      const ws = connectStream({ kind: req.kind, lease: req.lease, services: req.services, tail: req.tail, follow: req.follow }, opts, {
        text(frames) {
          const parsed = schema.safeParse(frames);
          if (parsed.success) queue.push(...parsed.data);
          wake?.();
        },
        binary() {},
        end(err) {
          end = { err };
          wake?.();
        },
      });
      return {
        async next(): Promise<IteratorResult<LogFrame | KubeEventFrame>> {
          for (;;) {
            if (head < queue.length) {
              const value = queue[head++]!;
              if (head > 4096 && head * 2 > queue.length) {
                queue.splice(0, head);
                head = 0;
              }
              return { done: false, value };
            }
            if (end) {
              if (end.err) throw end.err;
              return { done: true, value: undefined };
            }
            await new Promise<void>((r) => (wake = r));
            wake = null;
          }
        },
        async return() {
          if (ws.readyState <= OPEN) ws.close(CLOSE_NORMAL);
          end ??= { err: null };
          return { done: true, value: undefined };
        },
      };
    },
  };
}

export function openShell(
  req: { lease: LeaseRef; service: string; command: string[]; tty: boolean; stdin: boolean; podIndex?: number },
  opts: StreamOptions,
): Promise<ShellSession> {
  return new Promise<ShellSession>((resolveSession, rejectSession) => {
    const chunks: { stream: "stdout" | "stderr"; data: Uint8Array }[] = [];
    let outputEnd: { err: AppError | null } | null = null;
    let wake: (() => void) | null = null;
    let settleResult!: (r: { exitCode: number; message?: string } | AppError) => void;
    const result = new Promise<{ exitCode: number; message?: string }>((resolve, reject) => {
      settleResult = (r) => (r instanceof AppError ? reject(r) : resolve(r));
    });
    result.catch(() => {}); // a caller that only reads the output must not see an unhandled rejection
    let started = false;
    const ws = connectStream({ kind: "shell", lease: req.lease, service: req.service, command: req.command, tty: req.tty, stdin: req.stdin, podIndex: req.podIndex }, { ...opts, onStatus: (s) => (s === "live" && !started ? ((started = true), resolveSession(session)) : opts.onStatus?.(s)) }, {
      text() {},
      binary(data) {
        let f;
        try {
          f = decodeShellOutput(data);
        } catch (err) {
          return stop(err as AppError);
        }
        if (f.kind === "stdout" || f.kind === "stderr") chunks.push({ stream: f.kind, data: f.data });
        else if (f.kind === "result") stop(null, f.result);
        else stop(new AppError("provider.unavailable", "The provider could not run the command in the container (it does not say why)."));
        wake?.();
      },
      end(err) {
        if (!started) return rejectSession(err ?? (opts.signal.aborted ? opts.signal.reason : dropped(undefined)));
        stop(err ?? new AppError("provider.stream_closed", "The shell ended without an exit code."));
      },
    });
    function stop(err: AppError | null, r?: { exitCode: number; message?: string }) {
      if (outputEnd) return;
      outputEnd = { err };
      settleResult(err ?? r!);
      wake?.();
    }
    const session: ShellSession = {
      output: {
        [Symbol.asyncIterator]: () => ({
          async next() {
            for (;;) {
              const c = chunks.shift();
              if (c) return { done: false, value: c };
              if (outputEnd) {
                if (outputEnd.err) throw outputEnd.err;
                return { done: true, value: undefined };
              }
              await new Promise<void>((r) => (wake = r));
              wake = null;
            }
          },
        }),
      },
      result,
      write: (data) => ws.readyState === OPEN && ws.send(encodeStdin(data)),
      resize: (cols, rows) => ws.readyState === OPEN && ws.send(encodeResize(cols, rows)),
      close: () => ws.readyState <= OPEN && ws.close(CLOSE_NORMAL),
    };
  });
}
