/**
 * What a viewer holds: a bounded ring buffer of received lines, the view of it a service filter leaves, and the
 * search over that view. Everything is keyed by line id, so eviction never changes what an id names. The store is
 * plain data and methods (no React): the viewer appends a frame's worth of lines at a time and re-renders once.
 */
import { stripAnsi } from "@/lib/logs/ansi";
import { DEFAULT_CAPACITY, RingBuffer } from "@/lib/logs/ring-buffer";
import { SearchIndex } from "@/lib/logs/search";
import { truncationMarker } from "@/lib/logs/truncate";

export interface LogLine {
  id: number;
  /** the pod name (logs) or involved object (events) */
  source: string;
  service: string | undefined;
  /** the line as received (ANSI included), at most MAX_LINE_CHARS */
  text: string;
  /** the visible text (ANSI removed): what search, copy and download use */
  plain: string;
  /** characters left out of a huge line */
  omitted: number;
  /** time of receipt (ms since epoch): provider frames carry no time */
  at: number;
  /** a marker the viewer inserted: lines may be missing before the next line of this source */
  gap?: true;
}

export type NewLine = Omit<LogLine, "id" | "plain">;

export class LogStore {
  readonly buffer: RingBuffer<LogLine>;
  readonly search = new SearchIndex();
  /** ids of the lines the filter keeps, ascending, from `head` on (unused while every service is shown) */
  private viewIds: number[] = [];
  private head = 0;
  private filter: ReadonlySet<string> | null = null;
  /** lines received since the store was made, including evicted ones */
  received = 0;

  constructor(capacity: number = DEFAULT_CAPACITY) {
    this.buffer = new RingBuffer<LogLine>(capacity);
  }

  append(lines: readonly NewLine[]): void {
    const added: LogLine[] = [];
    for (const l of lines) {
      const line: LogLine = { id: this.buffer.nextId, source: l.source, service: l.service, text: l.text, plain: stripAnsi(l.text), omitted: l.omitted, at: l.at };
      if (l.gap) line.gap = true;
      this.buffer.push(line);
      this.received++;
      if (this.keeps(line)) {
        added.push(line);
        if (this.filter) this.viewIds.push(line.id);
      }
    }
    const first = this.buffer.firstId;
    if (this.filter) {
      while (this.head < this.viewIds.length && this.viewIds[this.head]! < first) this.head++;
      if (this.head > 1024 && this.head * 2 > this.viewIds.length) {
        this.viewIds = this.viewIds.slice(this.head);
        this.head = 0;
      }
    }
    this.search.evictBefore(first);
    this.search.append(added.filter((l) => l.id >= first));
  }

  /** Shows only these services (null: all). */
  setFilter(services: readonly string[] | null): void {
    this.filter = services ? new Set(services) : null;
    this.viewIds = [];
    this.head = 0;
    if (this.filter) for (const l of this.buffer) if (this.keeps(l)) this.viewIds.push(l.id);
    this.search.setQuery(this.search.query, this.viewLines());
  }

  setQuery(query: string): void {
    this.search.setQuery(query, this.viewLines());
  }

  get size(): number {
    return this.filter ? this.viewIds.length - this.head : this.buffer.size;
  }

  /** The line at a position of the view (0 = oldest shown). */
  lineAt(index: number): LogLine | undefined {
    if (!this.filter) return this.buffer.at(index);
    const id = this.viewIds[this.head + index];
    return id === undefined ? undefined : this.buffer.get(id);
  }

  /** Position of a line in the view, or -1 when the view does not hold it. */
  indexOf(id: number): number {
    if (!this.filter) return this.buffer.has(id) ? id - this.buffer.firstId : -1;
    let lo = this.head;
    let hi = this.viewIds.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.viewIds[mid]! < id) lo = mid + 1;
      else hi = mid;
    }
    return this.viewIds[lo] === id ? lo - this.head : -1;
  }

  *viewLines(): IterableIterator<LogLine> {
    for (let i = 0; i < this.size; i++) yield this.lineAt(i)!;
  }

  /** The view as text, one line each: receipt time, source, visible text (what Copy and Download give). */
  toText(): string {
    const out: string[] = [];
    for (const l of this.viewLines()) out.push(formatForExport(l));
    return out.length ? out.join("\n") + "\n" : "";
  }

  private keeps(line: LogLine): boolean {
    return !this.filter || (line.service !== undefined && this.filter.has(line.service));
  }
}

export function formatForExport(l: LogLine): string {
  const time = new Date(l.at).toISOString();
  if (l.gap) return `${time} [${l.source}] -- ${l.plain}`;
  return `${time} [${l.source}] ${l.plain}${l.omitted ? truncationMarker(l.omitted) : ""}`;
}
