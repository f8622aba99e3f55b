import type { KubeEventFrame, LogFrame } from "@/lib/provider-gateway/schemas";

/**
 * Resuming a log stream without duplicates. Provider log lines carry no timestamp or sequence number, so after a
 * reconnect with `tail=N` the only way to know which lines were already delivered is to match them: per pod, the
 * new stream starts with that pod's last N lines, and the lines delivered before the drop end somewhere inside them
 * (unless more than N lines were written in between: then nothing overlaps and the gap cannot be recovered). The
 * overlap is the longest suffix of the delivered lines that equals a prefix of the new ones. A pod's new lines are
 * held until the candidates are decided, at most `holdMs` when the pod goes quiet mid-match.
 * With repeated identical lines the match is ambiguous; the longest overlap is chosen (no duplicate is shown, at
 * worst an identical line is dropped).
 */

interface PodResume {
  /** the delivered suffix, as it was when the resume began */
  recorded: string[];
  /** the new stream's first lines of this pod, held until the overlap is known */
  held: LogFrame[];
  since: number;
}

export class LogResumer {
  private recent = new Map<string, string[]>();
  private resuming = new Map<string, PodResume>();

  /** `keep` must be at least the tail the stream is reopened with */
  constructor(
    readonly keep = 200,
    private readonly holdMs = 1_000,
  ) {}

  /** a frame was delivered to the consumer */
  record(f: LogFrame): void {
    let ring = this.recent.get(f.name);
    if (!ring) this.recent.set(f.name, (ring = []));
    ring.push(f.message);
    if (ring.length > this.keep * 2) ring.splice(0, ring.length - this.keep);
  }

  /** the stream is being reopened with tail = keep: match each known pod's first new lines */
  beginResume(now = Date.now()): void {
    this.resuming.clear();
    for (const [pod, ring] of this.recent) this.resuming.set(pod, { recorded: ring.slice(-this.keep), held: [], since: now });
  }

  /** a frame of the reopened stream; returns the frames to deliver now (possibly none, possibly several held ones) */
  accept(f: LogFrame, now = Date.now()): LogFrame[] {
    const r = this.resuming.get(f.name);
    if (!r) return [f];
    r.held.push(f);
    r.since = now;
    return this.decide(f.name, r, false);
  }

  /** frames of pods that went quiet while a match was still open */
  flushStalled(now = Date.now()): LogFrame[] {
    const out: LogFrame[] = [];
    for (const [pod, r] of this.resuming) if (now - r.since >= this.holdMs) out.push(...this.decide(pod, r, true));
    return out;
  }

  get pending(): number {
    let n = 0;
    for (const r of this.resuming.values()) n += r.held.length;
    return n;
  }

  private decide(pod: string, r: PodResume, force: boolean): LogFrame[] {
    const R = r.recorded;
    const B = r.held;
    let complete = 0;
    let partial = false;
    for (let k = 1; k <= R.length; k++) {
      const n = Math.min(k, B.length);
      let ok = true;
      for (let j = 0; j < n && ok; j++) ok = R[R.length - k + j] === B[j]!.message;
      if (!ok) continue;
      if (k <= B.length) complete = k;
      else partial = true;
    }
    if (partial && !force) return [];
    this.resuming.delete(pod);
    return B.slice(complete);
  }
}

/** Kube events have no id either; a reopened follow stream repeats them all, so delivered ones are remembered. */
export class EventResumer {
  private seen = new Set<string>();
  private order: string[] = [];

  constructor(private readonly keep = 5_000) {}

  /** true when the event was not delivered before (and is now remembered) */
  fresh(e: KubeEventFrame): boolean {
    const key = JSON.stringify([e.type, e.reason, e.note, e.reportingController, e.reportingInstance, e.object.kind, e.object.namespace, e.object.name]);
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    this.order.push(key);
    if (this.order.length > this.keep) this.seen.delete(this.order.shift()!);
    return true;
  }
}
