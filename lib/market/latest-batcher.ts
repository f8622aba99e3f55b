import { nextFrameOrTimeout, type Schedule } from "@/lib/logs/frame-batcher";

/**
 * Coalesces a burst of updates into one: the first value schedules a flush, and the flush publishes only the
 * latest value pushed until then. The bid table flushes on the next animation frame, so every bid of one block
 * (one websocket message, one REST answer) renders in the frame it can first be painted in, with no fixed delay.
 */
export interface LatestBatcher<T> {
  push(value: T): void;
  /** drops the pending value; nothing is published after this */
  cancel(): void;
}

/** Runs `fire` once, later; returns a function that cancels it. */
export type FlushScheduler = Schedule;

/** at most this long for a frame: Chromium throttles frames of a window it deems occluded to about one a second */
export const FRAME_FALLBACK_MS = 50;

/** The next animation frame or FRAME_FALLBACK_MS, whichever comes first (the log viewer's scheduler); a timer of one 60 Hz frame where there are no frames. */
export const nextAnimationFrame: FlushScheduler = (fire) => {
  if (typeof requestAnimationFrame === "function") return nextFrameOrTimeout(FRAME_FALLBACK_MS)(fire);
  const t = setTimeout(fire, 16);
  return () => clearTimeout(t);
};

/** a fixed window, counted from the first value of a burst */
export const afterMs =
  (ms: number): FlushScheduler =>
  (fire) => {
    const t = setTimeout(fire, ms);
    return () => clearTimeout(t);
  };

export function createLatestBatcher<T>(publish: (value: T) => void, schedule: FlushScheduler = nextAnimationFrame): LatestBatcher<T> {
  let cancelFlush: (() => void) | null = null;
  let latest: { value: T } | null = null;
  let cancelled = false;
  return {
    push(value) {
      if (cancelled) return;
      latest = { value };
      cancelFlush ??= schedule(() => {
        cancelFlush = null;
        const pending = latest;
        latest = null;
        if (pending && !cancelled) publish(pending.value);
      });
    },
    cancel() {
      cancelled = true;
      cancelFlush?.();
      cancelFlush = null;
      latest = null;
    },
  };
}
