/**
 * De-duplication of a resumed stream. Provider log frames carry no id and no timestamp, so after a drop the viewer
 * reopens with `tail=N` and receives, per pod, the last N lines the pod printed, some of which it already shows.
 * Kubernetes applies the tail per container stream, so alignment is per key (the pod name; for events, the
 * involved object): the resumed lines T must start somewhere inside what was already received R, and the overlap is
 * the longest j such that the first j lines of T equal the last j lines of R. Those j lines are dropped, the rest
 * is new. The overlap is found as the lines arrive (the candidates are the positions of R where T could start), so
 * nothing waits for the whole backlog; a key's lines are held only while a longer overlap is still possible.
 *
 * What this cannot know, because the frames do not say it:
 * - Identical lines at the seam are indistinguishable. If a pod printed k more copies of the line it printed last
 *   while the stream was down, up to k of them are taken for the copies already shown and dropped.
 * - If the pod printed more than N lines during the drop, the tail does not reach back: there is no overlap and the
 *   lines in between are lost. The result then carries `gap: true` so the viewer can say lines may be missing.
 * - Only the last `window` lines of each key are remembered; the resume tail must not exceed it.
 * - A container restarted under the same pod name starts a new log; if its first lines equal the last ones of the
 *   old container (a crash loop printing the same banner), they are taken for an overlap.
 */
import { RingBuffer } from "@/lib/logs/ring-buffer";

export interface Aligned<V = string> {
  key: string;
  /** lines to show, oldest first */
  lines: V[];
  /** the resumed stream did not overlap what was shown: lines may be missing before these */
  gap: boolean;
}

interface Alignment<V> {
  /** what was received before the drop, oldest first */
  seen: string[];
  /** start positions in `seen` where the resumed lines may begin, still consistent with every line held */
  candidates: number[];
  held: string[];
  values: V[];
  /** the longest overlap proven so far */
  best: number;
}

/** `V` is what the caller gets back for each line (the text itself by default); lines are compared by their text. */
export class ResumeAligner<V = string> {
  private readonly history = new Map<string, RingBuffer<string>>();
  private readonly aligning = new Map<string, Alignment<V>>();
  /** keys whose alignment ended during this resume: their next lines are live */
  private readonly settled = new Set<string>();
  private resuming = false;

  /** @param window lines remembered per key; at least the tail the stream is reopened with */
  constructor(readonly window: number) {}

  /** Call when the stream is reopened after a drop: the next lines of each key are aligned with what it had. */
  beginResume(): Aligned<V>[] {
    const pending = this.flush();
    this.settled.clear();
    this.resuming = true;
    return pending;
  }

  get isResuming(): boolean {
    return this.resuming;
  }

  /** One line of a key, in stream order. Returns what can be shown now (possibly nothing, possibly held lines). */
  accept(key: string, text: string, value: V = text as V): Aligned<V> | null {
    const a = this.aligning.get(key) ?? (this.resuming && !this.settled.has(key) ? this.start(key) : undefined);
    if (!a) {
      this.remember(key, text);
      return { key, lines: [value], gap: false };
    }
    const i = a.held.length;
    a.held.push(text);
    a.values.push(value);
    const alive: number[] = [];
    for (const p of a.candidates) {
      if (a.seen[p + i] !== text) continue;
      if (p + i + 1 === a.seen.length) a.best = Math.max(a.best, a.seen.length - p);
      else alive.push(p);
    }
    a.candidates = alive;
    return alive.length === 0 ? this.resolve(key, a) : null;
  }

  /**
   * Ends the resume: every key still holding lines takes the longest overlap proven so far. Call it when the
   * resumed backlog is over (the stream went quiet, or a bounded time passed), and before reopening again.
   */
  flush(): Aligned<V>[] {
    const out: Aligned<V>[] = [];
    for (const [key, a] of this.aligning) {
      const r = this.resolve(key, a);
      if (r.lines.length || r.gap) out.push(r);
    }
    this.resuming = false;
    this.settled.clear();
    return out;
  }

  /** Forgets everything (a stream opened afresh, not resumed). */
  reset(): void {
    this.history.clear();
    this.aligning.clear();
    this.settled.clear();
    this.resuming = false;
  }

  private start(key: string): Alignment<V> | undefined {
    this.settled.add(key);
    const seen = this.history.get(key)?.slice() ?? [];
    if (seen.length === 0) return undefined;
    const a: Alignment<V> = { seen, candidates: seen.map((_, p) => p), held: [], values: [], best: 0 };
    this.aligning.set(key, a);
    return a;
  }

  private resolve(key: string, a: Alignment<V>): Aligned<V> {
    this.aligning.delete(key);
    for (const l of a.held.slice(a.best)) this.remember(key, l);
    return { key, lines: a.values.slice(a.best), gap: a.best === 0 && a.held.length > 0 };
  }

  private remember(key: string, text: string): void {
    let h = this.history.get(key);
    if (!h) this.history.set(key, (h = new RingBuffer<string>(this.window)));
    h.push(text);
  }
}
