/**
 * Coalesces a burst of updates into one: the first value starts a window of `windowMs`, and when it ends only the
 * latest value of the window is published. The bid table uses it so a burst of bids in one block re-renders once.
 * A fixed window for now (the style guide's per-animation-frame batching is the later refinement).
 */
export interface LatestBatcher<T> {
  push(value: T): void;
  /** drops the pending value; nothing is published after this */
  cancel(): void;
}

export function createLatestBatcher<T>(publish: (value: T) => void, windowMs: number): LatestBatcher<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest: { value: T } | null = null;
  let cancelled = false;
  return {
    push(value) {
      if (cancelled) return;
      latest = { value };
      timer ??= setTimeout(() => {
        timer = undefined;
        const pending = latest;
        latest = null;
        if (pending && !cancelled) publish(pending.value);
      }, windowMs);
    },
    cancel() {
      cancelled = true;
      clearTimeout(timer);
      timer = undefined;
      latest = null;
    },
  };
}
