/**
 * A queue between a push source (a websocket's message events) and a pull consumer (`for await`), bounded by
 * pausing the source: above the high-water mark it calls `pause` (ws.pause(): the socket stops reading, TCP's window
 * closes, the sender slows down), below the low-water mark `resume`. It never drops an item: what is queued is at
 * most the high-water mark plus what the source had already read when it was paused.
 */

export interface BoundedQueueOptions<T> {
  /** pause when more than this many items, or more than maxBytes, are queued */
  highWater: number;
  /** resume when the queue has drained below this many items (and half of maxBytes) */
  lowWater: number;
  maxBytes?: number;
  sizeOf?: (item: T) => number;
  pause(): void;
  resume(): void;
  /** the consumer stopped early (break, return, abort): release the source */
  onCancel?(): void;
}

export class BoundedQueue<T> implements AsyncIterable<T> {
  private items: T[] = [];
  private head = 0;
  private bytes = 0;
  private paused = false;
  private done = false;
  private failure: { error: unknown } | null = null;
  private waiter: (() => void) | null = null;
  private cancelled = false;

  constructor(private readonly o: BoundedQueueOptions<T>) {}

  get length(): number {
    return this.items.length - this.head;
  }

  get queuedBytes(): number {
    return this.bytes;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  push(item: T): void {
    if (this.done || this.cancelled) return;
    this.items.push(item);
    this.bytes += this.o.sizeOf?.(item) ?? 0;
    if (!this.paused && (this.length > this.o.highWater || (this.o.maxBytes !== undefined && this.bytes > this.o.maxBytes))) {
      this.paused = true;
      this.o.pause();
    }
    this.wake();
  }

  /** the source ended normally: the consumer gets what is queued, then the end */
  end(): void {
    this.done = true;
    this.wake();
  }

  /** the source failed: the consumer gets what is queued, then this error */
  fail(error: unknown): void {
    if (this.done) return;
    this.failure = { error };
    this.done = true;
    this.wake();
  }

  private wake(): void {
    const w = this.waiter;
    this.waiter = null;
    w?.();
  }

  private take(): T {
    const item = this.items[this.head]!;
    this.items[this.head] = undefined as T;
    this.head++;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    this.bytes -= this.o.sizeOf?.(item) ?? 0;
    if (this.paused && this.length <= this.o.lowWater && (this.o.maxBytes === undefined || this.bytes <= this.o.maxBytes / 2)) {
      this.paused = false;
      this.o.resume();
    }
    return item;
  }

  private cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    this.done = true;
    this.items = [];
    this.head = 0;
    this.bytes = 0;
    this.o.onCancel?.();
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return {
      next: async (): Promise<IteratorResult<T>> => {
        for (;;) {
          if (this.cancelled) return { done: true, value: undefined };
          if (this.length > 0) return { done: false, value: this.take() };
          if (this.done) {
            if (this.failure) {
              const { error } = this.failure;
              this.failure = null;
              throw error;
            }
            return { done: true, value: undefined };
          }
          await new Promise<void>((r) => (this.waiter = r));
        }
      },
      return: async (): Promise<IteratorResult<T>> => {
        this.cancel();
        return { done: true, value: undefined };
      },
    };
  }
}
