/**
 * Search over the lines a viewer holds: which lines match, how many times, and a cursor for next/previous that
 * survives new lines arriving and old ones being evicted (it names a line id, not a position).
 * Case-insensitive, literal text (a tenant searching for "GET /api?x=1" means those characters). Matching runs on
 * each line's visible text (ANSI removed), with a regex so offsets stay those of the original string.
 */
export interface SearchableLine {
  id: number;
  plain: string;
}

export interface MatchCursor {
  lineId: number;
  /** which occurrence within the line */
  occurrence: number;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Start and end offsets of every occurrence of the query in a line's visible text. */
export function findOccurrences(plain: string, query: string): [number, number][] {
  if (!query) return [];
  const re = new RegExp(escapeRegExp(query), "gi");
  const out: [number, number][] = [];
  for (let m = re.exec(plain); m; m = re.exec(plain)) out.push([m.index, m.index + m[0].length]);
  return out;
}

export class SearchIndex {
  private q = "";
  private re: RegExp | null = null;
  /** ids of matching lines, ascending, from `head` on */
  private ids: number[] = [];
  private counts: number[] = [];
  private head = 0;
  private total = 0;
  private cursor: MatchCursor | null = null;

  get query(): string {
    return this.q;
  }

  /** Occurrences held, over all lines. */
  get size(): number {
    return this.total;
  }

  get current(): MatchCursor | null {
    return this.cursor;
  }

  setQuery(query: string, lines: Iterable<SearchableLine>): void {
    this.q = query;
    this.re = query ? new RegExp(escapeRegExp(query), "gi") : null;
    this.ids = [];
    this.counts = [];
    this.head = 0;
    this.total = 0;
    this.cursor = null;
    this.append(lines);
  }

  append(lines: Iterable<SearchableLine>): void {
    if (!this.re) return;
    for (const l of lines) {
      const n = l.plain.match(this.re)?.length ?? 0;
      if (n === 0) continue;
      this.ids.push(l.id);
      this.counts.push(n);
      this.total += n;
    }
  }

  /** Forgets matches in lines older than `firstId` (evicted from the buffer). */
  evictBefore(firstId: number): void {
    while (this.head < this.ids.length && this.ids[this.head]! < firstId) {
      this.total -= this.counts[this.head]!;
      this.head++;
    }
    if (this.head > 1024 && this.head * 2 > this.ids.length) {
      this.ids = this.ids.slice(this.head);
      this.counts = this.counts.slice(this.head);
      this.head = 0;
    }
    if (this.cursor && this.cursor.lineId < firstId) this.cursor = null;
  }

  /** 1-based position of the cursor among all occurrences (0 when there is none). */
  position(): number {
    if (!this.cursor) return 0;
    let n = 0;
    for (let i = this.head; i < this.ids.length && this.ids[i]! < this.cursor.lineId; i++) n += this.counts[i]!;
    return n + this.cursor.occurrence + 1;
  }

  /** Moves to the next occurrence (wrapping to the first) and returns it. */
  next(): MatchCursor | null {
    if (this.total === 0) return (this.cursor = null);
    const c = this.cursor;
    const i = c ? this.indexOf(c.lineId) : -1;
    if (c && i >= 0 && c.occurrence + 1 < this.counts[i]!) return (this.cursor = { lineId: c.lineId, occurrence: c.occurrence + 1 });
    const j = c ? this.firstAfter(c.lineId) : this.head;
    const k = j < this.ids.length ? j : this.head;
    return (this.cursor = { lineId: this.ids[k]!, occurrence: 0 });
  }

  /** Moves to the previous occurrence (wrapping to the last) and returns it. */
  previous(): MatchCursor | null {
    if (this.total === 0) return (this.cursor = null);
    const c = this.cursor;
    if (c && c.occurrence > 0 && this.indexOf(c.lineId) >= 0) return (this.cursor = { lineId: c.lineId, occurrence: c.occurrence - 1 });
    const j = c ? this.firstAfter(c.lineId - 1) - 1 : this.ids.length - 1;
    const k = j >= this.head ? j : this.ids.length - 1;
    return (this.cursor = { lineId: this.ids[k]!, occurrence: this.counts[k]! - 1 });
  }

  /** Index of the first matching line with an id greater than `id`. */
  private firstAfter(id: number): number {
    let lo = this.head;
    let hi = this.ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ids[mid]! <= id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private indexOf(id: number): number {
    const i = this.firstAfter(id - 1);
    return i < this.ids.length && this.ids[i] === id ? i : -1;
  }
}
