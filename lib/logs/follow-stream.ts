/**
 * Follows a provider stream (logs or kube events) through drops: opens it with a tail, hands each line on, and
 * when the connection drops, reopens it with a smaller tail and lets the ResumeAligner drop what was already shown.
 * Every way it can end is a status the viewer shows (never an endless spinner): the provider ended the stream
 * (close code and reason), a failure (its message), or reconnecting gave up after `maxAttempts`.
 */
import { ResumeAligner, type Aligned } from "@/lib/logs/resume-aligner";
import { classifyStreamEnd, type StreamEnd } from "@/lib/logs/stream-errors";
import { MAX_LINE_CHARS, truncateLine } from "@/lib/logs/truncate";

export interface StreamLine {
  key: string;
  text: string;
  omitted: number;
  /** a marker, not a received line: lines of `key` may be missing here */
  gap?: true;
}

export type StreamStatus =
  | { state: "connecting"; resuming: boolean }
  /** open for a while with nothing received: no error, and nothing printed yet */
  | { state: "waiting" }
  | { state: "streaming" }
  | { state: "reconnecting"; attempt: number; maxAttempts: number; message: string; retryInMs: number }
  | { state: "ended"; closeCode?: number; reason?: string }
  | { state: "failed"; code: string; message: string }
  | { state: "stopped" };

export type OpenStream<F> = (o: { tail: number; signal: AbortSignal }) => AsyncIterable<F>;

export interface FollowOptions<F> {
  open: OpenStream<F>;
  keyOf(frame: F): string;
  textOf(frame: F): string;
  onLine(line: StreamLine): void;
  onStatus(status: StreamStatus): void;
  /** lines per pod asked for on the first open (default 1000; -1 = everything the provider has) */
  initialTail?: number;
  /** lines per pod asked for when reopening after a drop (default 500) */
  resumeTail?: number;
  maxAttempts?: number;
  maxLineChars?: number;
  /** the resumed backlog is over when nothing arrived for this long (default 400 ms) ... */
  settleMs?: number;
  /** ... or this long after the reopen at most (default 3000 ms) */
  maxSettleMs?: number;
  /** after this long with no line and no error, the status says "waiting" (default 3000 ms) */
  waitingAfterMs?: number;
  backoffMs?(attempt: number): number;
  sleep?(ms: number, signal: AbortSignal): Promise<void>;
}

const defaultBackoff = (attempt: number) => Math.min(8000, 500 * 2 ** (attempt - 1)) * (0.8 + 0.4 * Math.random());

function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(t);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });
}

export class StreamFollower<F> {
  private readonly aligner: ResumeAligner<StreamLine>;
  private opened = false;
  private controller: AbortController | null = null;

  constructor(private readonly o: FollowOptions<F>) {
    this.aligner = new ResumeAligner<StreamLine>(Math.max(o.resumeTail ?? 500, 1));
  }

  /**
   * Opens the stream (or, after an earlier run, reopens it as a resume: nothing shown is lost or repeated) and
   * resolves when it ended, failed, gave up reconnecting, or was stopped.
   */
  async run(): Promise<void> {
    this.controller?.abort();
    const ctrl = new AbortController();
    this.controller = ctrl;
    const maxAttempts = this.o.maxAttempts ?? 6;
    let attempt = 0;
    for (;;) {
      const end = await this.once(ctrl.signal, () => (attempt = 0));
      if (ctrl.signal.aborted || end.kind === "aborted") return this.o.onStatus({ state: "stopped" });
      if (end.kind === "eof") return this.o.onStatus({ state: "ended" });
      if (end.kind === "closed") return this.o.onStatus({ state: "ended", closeCode: end.closeCode, reason: end.reason });
      if (end.kind === "failed") return this.o.onStatus({ state: "failed", code: end.code, message: end.message });
      attempt++;
      if (attempt > maxAttempts) {
        return this.o.onStatus({
          state: "failed",
          code: "console.unreachable",
          message: `The stream dropped and ${maxAttempts} attempts to reopen it failed (${end.message}). Check your connection, then retry.`,
        });
      }
      const wait = Math.round((this.o.backoffMs ?? defaultBackoff)(attempt));
      this.o.onStatus({ state: "reconnecting", attempt, maxAttempts, message: end.message, retryInMs: wait });
      await (this.o.sleep ?? defaultSleep)(wait, ctrl.signal);
      if (ctrl.signal.aborted) return this.o.onStatus({ state: "stopped" });
    }
  }

  stop(): void {
    this.controller?.abort();
  }

  private async once(signal: AbortSignal, onFrame: () => void): Promise<StreamEnd | { kind: "eof" }> {
    const resume = this.opened;
    this.opened = true;
    if (resume) this.emit(this.aligner.beginResume());
    else this.aligner.reset();
    this.o.onStatus({ state: "connecting", resuming: resume });
    let received = false;
    const waiting = setTimeout(() => !received && this.o.onStatus({ state: "waiting" }), this.o.waitingAfterMs ?? 3000);
    let settle: ReturnType<typeof setTimeout> | undefined;
    const settleNow = () => {
      clearTimeout(settle);
      clearTimeout(maxSettle);
      if (this.aligner.isResuming) this.emit(this.aligner.flush());
    };
    const maxSettle = resume ? setTimeout(settleNow, this.o.maxSettleMs ?? 3000) : undefined;
    const max = this.o.maxLineChars ?? MAX_LINE_CHARS;
    try {
      const frames = this.o.open({ tail: resume ? (this.o.resumeTail ?? 500) : (this.o.initialTail ?? 1000), signal });
      for await (const frame of frames) {
        if (!received) {
          received = true;
          onFrame();
          this.o.onStatus({ state: "streaming" });
        }
        const key = this.o.keyOf(frame);
        const { text, omitted } = truncateLine(this.o.textOf(frame), max);
        const r = this.aligner.accept(key, text, { key, text, omitted });
        if (r) this.emit([r]);
        if (this.aligner.isResuming) {
          clearTimeout(settle);
          settle = setTimeout(settleNow, this.o.settleMs ?? 400);
        }
      }
      return signal.aborted ? { kind: "aborted" } : { kind: "eof" };
    } catch (err) {
      return signal.aborted ? { kind: "aborted" } : classifyStreamEnd(err);
    } finally {
      clearTimeout(waiting);
      settleNow();
    }
  }

  private emit(results: Aligned<StreamLine>[]): void {
    for (const r of results) {
      if (r.gap) this.o.onLine({ key: r.key, text: "lines may be missing here: the reopened stream did not reach back to the last line shown", omitted: 0, gap: true });
      for (const l of r.lines) this.o.onLine(l);
    }
  }
}
