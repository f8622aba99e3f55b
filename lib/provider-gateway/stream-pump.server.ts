import "server-only";
import { AppError, isAppError } from "@/lib/errors/app-error";
import type { Gateway } from "@/lib/provider-gateway/gateway.server";
import { authorizeLease } from "@/lib/provider-gateway/lease-access.server";
import { streamLeaseEvents, streamLeaseLogs } from "@/lib/provider-gateway/lease-streams.server";
import { EventResumer, LogResumer } from "@/lib/provider-gateway/resume-dedup";
import type { KubeEventFrame, LogFrame } from "@/lib/provider-gateway/schemas";
import type { OpenStream, ServerMessage } from "@/lib/provider-gateway/stream-protocol";

/**
 * A logs or events stream from the provider to one browser socket: frames batched per event-loop turn, the
 * browser socket's buffer watched (above the high-water mark the pump stops pulling, the provider stream's queue
 * fills and pauses the provider's socket), and a follow stream the provider drops resumed here: the token and the
 * lease are checked again (a refreshed token from the browser is used, a closed lease ends the stream), the stream
 * is reopened with a tail and the overlap dropped (resume-dedup.ts), so the browser sees neither a gap it could
 * have had nor a duplicate.
 */

export interface BrowserLink {
  send(msg: ServerMessage): void;
  readonly bufferedAmount: number;
  /** resolves once the browser socket's buffer is below the low-water mark (or the link is closed) */
  drained(): Promise<void>;
  /** the newest token the browser sent for this stream, with its expiry (unix s) */
  token(): { token: string; exp: number };
  /** asks the browser for a fresh token (token_needed) and waits for it; null when none came in time */
  freshToken(timeoutMs: number): Promise<{ token: string; exp: number } | null>;
  session: string;
  signal: AbortSignal;
}

export interface PumpOptions {
  highWaterBytes: number;
  /** provider drops survived in a row before giving up; the count restarts after RESET_AFTER_MS of live stream */
  reconnects: number;
  reconnectDelayMs: number;
  tokenWaitMs: number;
}

export const DEFAULT_PUMP: PumpOptions = { highWaterBytes: 1 << 20, reconnects: 5, reconnectDelayMs: 500, tokenWaitMs: 30_000 };
/** lines per container asked for when resuming; the resumer remembers this many per pod */
export const RESUME_TAIL = 200;
const RESET_AFTER_MS = 30_000;
const MAX_BATCH_BYTES = 128 * 1024;

/** drops of an established stream worth resuming; a refusal (4001, HTTP 401, pin, …) is not */
function resumable(err: unknown): boolean {
  if (!isAppError(err)) return false;
  if (err.code === "provider.stream_closed") return [1001, 1006, 1011, 1012, 1013].includes(Number(err.details?.closeCode));
  return err.code === "provider.unreachable" || err.code === "provider.timeout";
}

export async function pumpStream(gw: Gateway, open: OpenStream, link: BrowserLink, o: PumpOptions = DEFAULT_PUMP): Promise<void> {
  const logs = new LogResumer(RESUME_TAIL);
  const events = new EventResumer();
  let batch: unknown[] = [];
  let batchBytes = 0;
  let flushScheduled = false;
  const flush = () => {
    flushScheduled = false;
    if (batch.length === 0 || link.signal.aborted) return;
    link.send({ type: "frames", frames: batch });
    batch = [];
    batchBytes = 0;
  };
  const emitLog = (f: LogFrame) => {
    logs.record(f);
    batch.push(f);
    batchBytes += f.message.length + f.name.length + 32;
  };
  const emitEvent = (e: KubeEventFrame) => {
    if (!events.fresh(e)) return;
    batch.push(e);
    batchBytes += e.note.length + 200;
  };
  const stalled = setInterval(() => {
    for (const f of logs.flushStalled()) emitLog(f);
    flush();
  }, 250);

  let resuming = false;
  let failures = 0;
  let openedOnce = false;
  try {
    for (;;) {
      let liveSince = 0;
      const { token } = link.token();
      const common = {
        token,
        follow: open.follow,
        services: open.services,
        signal: link.signal,
        onOpen: () => {
          liveSince = Date.now();
          if (!openedOnce) link.send({ type: "opened" });
          openedOnce = true;
        },
      };
      try {
        if (open.kind === "logs") {
          if (resuming) logs.beginResume();
          for await (const f of streamLeaseLogs(gw, open.lease, { ...common, tail: resuming ? RESUME_TAIL : open.tail })) {
            for (const g of resuming ? logs.accept(f) : [f]) emitLog(g);
            if (await pace()) return;
          }
        } else {
          for await (const e of streamLeaseEvents(gw, open.lease, common)) {
            emitEvent(e);
            if (await pace()) return;
          }
        }
        for (const f of logs.flushStalled(Number.MAX_SAFE_INTEGER)) emitLog(f);
        flush();
        return;
      } catch (err) {
        if (link.signal.aborted) return;
        if (liveSince && Date.now() - liveSince > RESET_AFTER_MS) failures = 0;
        if (!open.follow || !openedOnce || !resumable(err) || ++failures > o.reconnects) throw err;
        flush();
        link.send({ type: "reconnecting", attempt: failures });
        await sleep(o.reconnectDelayMs * 2 ** (failures - 1), link.signal);
        if (link.signal.aborted) return;
        await ensureToken(gw, open, link, o);
        resuming = open.kind === "logs";
      }
    }
  } finally {
    clearInterval(stalled);
  }

  /** batches frames per event-loop turn; waits while the browser is behind. true when the browser is gone */
  async function pace(): Promise<boolean> {
    if (link.signal.aborted) return true;
    if (batchBytes >= MAX_BATCH_BYTES) flush();
    else if (!flushScheduled && batch.length > 0) {
      flushScheduled = true;
      setImmediate(flush);
    }
    if (link.bufferedAmount > o.highWaterBytes) {
      flush();
      await link.drained();
    }
    return link.signal.aborted;
  }
}

/** before reconnecting: a token with a minute left (asking the browser for one), and the lease still active */
async function ensureToken(gw: Gateway, open: OpenStream, link: BrowserLink, o: PumpOptions): Promise<void> {
  let current = link.token();
  if (current.exp - Date.now() / 1000 < 60) {
    const fresh = await link.freshToken(o.tokenWaitMs);
    if (!fresh) {
      throw new AppError("token.expired", "The provider dropped the stream and the access token expired before a new one was signed, so the console could not resume it. Reopen the stream to sign a new token.");
    }
    current = fresh;
  }
  await authorizeLease(gw, link.session, open.lease, current.token);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(t), resolve()), { once: true });
  });
}
