/**
 * A small TTL cache whose misses are single-flight: concurrent callers of one key share one load, and a result is
 * reused for `ttlMs`. Failures are shared by the callers waiting on that load but never cached. Written by hand:
 * the few lines here are all /api/providers needs, and no well-kept package does exactly this without pulling a
 * framework in. Bounded: the oldest entries go first past `maxEntries`.
 */
export class SingleFlightCache<V> {
  private readonly done = new Map<string, { value: V; at: number }>();
  private readonly inFlight = new Map<string, Promise<V>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 2_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.done.get(key);
    if (hit && this.now() - hit.at < this.ttlMs) return Promise.resolve(hit.value);
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const p = load().then(
      (value) => {
        this.inFlight.delete(key);
        this.done.delete(key);
        this.done.set(key, { value, at: this.now() });
        if (this.done.size > this.maxEntries) this.done.delete(this.done.keys().next().value!);
        return value;
      },
      (err: unknown) => {
        this.inFlight.delete(key);
        throw err;
      },
    );
    this.inFlight.set(key, p);
    return p;
  }

  /** the last value loaded for `key`, however old; undefined before the first load (or once evicted) */
  peek(key: string): V | undefined {
    return this.done.get(key)?.value;
  }

  clear(): void {
    this.done.clear();
  }
}
