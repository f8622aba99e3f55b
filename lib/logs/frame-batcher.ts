/**
 * Collects items arriving one by one (stream frames) and hands them over in one batch per animation frame, so a
 * firehose costs one state update and one render per frame, not one per line. The queue is bounded: when frames are
 * not painted (a background tab, where browsers pause requestAnimationFrame), only the newest `maxPending` items are
 * kept, the ones a bounded buffer would have kept anyway.
 */

/** Runs a callback later and returns a function that cancels it. */
export type Schedule = (run: () => void) => () => void;

/**
 * The next animation frame, or `fallbackMs` at the latest: hidden tabs get no frames, and their timers still
 * run (throttled), so the queue drains there too.
 */
export function nextFrameOrTimeout(fallbackMs = 250): Schedule {
  return (run) => {
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      cancelAnimationFrame(raf);
      clearTimeout(timer);
      run();
    };
    const raf = requestAnimationFrame(once);
    const timer = setTimeout(once, fallbackMs);
    return () => {
      done = true;
      cancelAnimationFrame(raf);
      clearTimeout(timer);
    };
  };
}

export class FrameBatcher<T> {
  private pending: T[] = [];
  private dropped = 0;
  private cancel: (() => void) | null = null;

  constructor(
    private readonly flush: (items: T[], dropped: number) => void,
    private readonly schedule: Schedule,
    private readonly maxPending: number,
  ) {}

  push(item: T): void {
    this.pending.push(item);
    // trimming at twice the bound keeps the cost amortized O(1) per item
    if (this.pending.length >= 2 * this.maxPending) {
      const excess = this.pending.length - this.maxPending;
      this.pending.splice(0, excess);
      this.dropped += excess;
    }
    if (!this.cancel) this.cancel = this.schedule(() => this.flushNow());
  }

  get size(): number {
    return this.pending.length;
  }

  /** Hands over everything queued now (e.g. before the stream's state changes, so lines come before the banner). */
  flushNow(): void {
    this.cancel?.();
    this.cancel = null;
    if (this.pending.length === 0) return;
    let items = this.pending;
    let dropped = this.dropped;
    if (items.length > this.maxPending) {
      dropped += items.length - this.maxPending;
      items = items.slice(items.length - this.maxPending);
    }
    this.pending = [];
    this.dropped = 0;
    this.flush(items, dropped);
  }

  dispose(): void {
    this.cancel?.();
    this.cancel = null;
    this.pending = [];
  }
}
