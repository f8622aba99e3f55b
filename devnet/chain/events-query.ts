/**
 * CometBFT's event query language (the subset clients use): conditions joined by AND, each
 * `key = 'v'`, `key CONTAINS 'v'`, `key EXISTS`, or a numeric comparison (`tx.height >= 5`).
 * Keys are composite "type.attribute" as the indexer and the event bus see them.
 */
import type { AbciEvent } from "./context";

type Op = "=" | "<" | "<=" | ">" | ">=" | "CONTAINS" | "EXISTS";
interface Cond {
  key: string;
  op: Op;
  value: string;
}

export type EventMap = Map<string, string[]>;

export class QueryError extends Error {}

export function parseQuery(q: string): Cond[] {
  const conds: Cond[] = [];
  const re = /\s*([\w.\-/]+)\s*(<=|>=|=|<|>|CONTAINS|EXISTS)\s*('(?:[^']*)'|[\d.]+(?:[TZ:\-\d.]*)?)?\s*(AND|$)/iy;
  let pos = 0;
  const s = q.trim();
  if (!s) return conds;
  while (pos < s.length) {
    re.lastIndex = pos;
    const m = re.exec(s);
    if (!m || m[0].length === 0) throw new QueryError(`failed to parse query ${JSON.stringify(q)} at ${pos}`);
    const op = m[2]!.toUpperCase() as Op;
    let value = m[3] ?? "";
    if (value.startsWith("'")) value = value.slice(1, -1);
    if (op !== "EXISTS" && m[3] === undefined) throw new QueryError(`missing value for ${m[1]} in ${JSON.stringify(q)}`);
    conds.push({ key: m[1]!, op, value });
    pos = re.lastIndex;
  }
  return conds;
}

export function eventMap(events: AbciEvent[], base: Record<string, string>): EventMap {
  const m: EventMap = new Map();
  for (const [k, v] of Object.entries(base)) m.set(k, [v]);
  for (const ev of events) {
    for (const a of ev.attributes) {
      const k = `${ev.type}.${a.key}`;
      const arr = m.get(k);
      if (arr) arr.push(a.value);
      else m.set(k, [a.value]);
    }
  }
  return m;
}

function cmp(op: Op, actual: string, want: string): boolean {
  switch (op) {
    case "=":
      return actual === want;
    case "CONTAINS":
      return actual.includes(want);
    case "EXISTS":
      return true;
    default: {
      const a = Number(actual);
      const b = Number(want);
      if (Number.isNaN(a) || Number.isNaN(b)) return false;
      return op === "<" ? a < b : op === "<=" ? a <= b : op === ">" ? a > b : a >= b;
    }
  }
}

export function matches(conds: Cond[], m: EventMap): boolean {
  return conds.every((c) => (m.get(c.key) ?? []).some((v) => cmp(c.op, v, c.value)));
}
