/** Lines a viewer keeps by default: enough for an incident, bounded so a firehose cannot grow the tab's memory. */
export const DEFAULT_CAPACITY = 100_000;

/**
 * A bounded FIFO with stable ids: the n-th item ever pushed has id n, for the buffer's whole life, whatever was
 * evicted or cleared since. A view keys its rows, its search matches and its scroll anchor on ids, so eviction at
 * the front never shifts what an id names. Storage is one preallocated array used circularly: push and lookup are
 * O(1), and the oldest item is simply overwritten (no array shift on every line).
 */
export class RingBuffer<T> {
  readonly capacity: number;
  private readonly slots: (T | undefined)[];
  private head = 0;
  private count = 0;
  private next = 0;

  constructor(capacity: number = DEFAULT_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`A ring buffer needs a whole number of slots (at least 1), got ${capacity}.`);
    }
    this.capacity = capacity;
    this.slots = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Id of the oldest item held (equals nextId when empty). */
  get firstId(): number {
    return this.next - this.count;
  }

  /** Id the next pushed item will get. */
  get nextId(): number {
    return this.next;
  }

  /** Items pushed and no longer held (evicted or cleared). */
  get dropped(): number {
    return this.firstId;
  }

  /** Appends an item and returns its id; when full, the oldest item is evicted. */
  push(item: T): number {
    const tail = (this.head + this.count) % this.capacity;
    this.slots[tail] = item;
    if (this.count < this.capacity) this.count++;
    else this.head = (this.head + 1) % this.capacity;
    return this.next++;
  }

  /** The item at a position counted from the oldest (0) to the newest (size - 1). */
  at(index: number): T | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return undefined;
    return this.slots[(this.head + index) % this.capacity];
  }

  /** The item with this id, or undefined when it was evicted or never pushed. */
  get(id: number): T | undefined {
    return this.at(id - this.firstId);
  }

  has(id: number): boolean {
    return id >= this.firstId && id < this.next;
  }

  /** Items from position `from` (inclusive) to `to` (exclusive), oldest first. */
  slice(from = 0, to = this.count): T[] {
    const a = Math.max(0, from);
    const b = Math.min(this.count, to);
    const out: T[] = [];
    for (let i = a; i < b; i++) out.push(this.slots[(this.head + i) % this.capacity] as T);
    return out;
  }

  *[Symbol.iterator](): IterableIterator<T> {
    for (let i = 0; i < this.count; i++) yield this.slots[(this.head + i) % this.capacity] as T;
  }

  /** Drops every item; ids keep increasing from where they were, so nothing old can be mistaken for new. */
  clear(): void {
    this.slots.fill(undefined);
    this.head = 0;
    this.count = 0;
  }
}
