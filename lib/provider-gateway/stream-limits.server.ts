import "server-only";

/**
 * Concurrent streams per session, counted in this process: a stream is one socket, held by the instance that
 * accepted it, so a per-instance count is the true count of what that instance holds for the session.
 */
export const MAX_STREAMS_PER_SESSION = 8;

export class StreamLimits {
  private open = new Map<string, number>();

  constructor(readonly max = MAX_STREAMS_PER_SESSION) {}

  /** false when the session already holds `max` streams */
  acquire(key: string): boolean {
    const n = this.open.get(key) ?? 0;
    if (n >= this.max) return false;
    this.open.set(key, n + 1);
    return true;
  }

  release(key: string): void {
    const n = (this.open.get(key) ?? 0) - 1;
    if (n <= 0) this.open.delete(key);
    else this.open.set(key, n);
  }

  count(key: string): number {
    return this.open.get(key) ?? 0;
  }
}
