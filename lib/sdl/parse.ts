/**
 * YAML -> plain object + source positions, in one pass.
 *
 * Why js-yaml and not eemeli/yaml's parseDocument: chain-sdk loads SDL text with js-yaml (`SDL.fromString`, `yaml```),
 * so loading with the same library gives exactly the object chain-sdk validates and hashes (YAML 1.1 leftovers such
 * as merge keys and timestamps included). js-yaml's `listener` hook reports every node as it is composed, which is
 * all we need for positions. It is also ~9x faster: on the corpus, parseDocument alone takes ~440 µs per file, more
 * than chain-sdk's whole load + validate + manifest pipeline, and the editor validates on every keystroke.
 * eemeli/yaml is used in the tests as an independent check of the positions.
 */
import { load, type LoaderState, type YAMLException } from "js-yaml";

import { type PathSegment, type SdlRange } from "@/lib/sdl/diagnostics";

export type PosKind = "mapping" | "sequence" | "scalar" | "empty";

export interface PosNode {
  kind: PosKind;
  /** Source offsets (UTF-16), end exclusive, trimmed of surrounding blanks and comments. */
  start: number;
  end: number;
  /** Mapping entries by key, in source order. */
  entries?: Map<string, PosEntry>;
  /** Sequence items, only when they could be matched one to one with the loaded array. */
  items?: PosNode[];
}

export interface PosEntry {
  key: PosNode;
  value: PosNode | null;
}

export interface YamlError {
  message: string;
  offset: number;
}

export interface ParsedSdl {
  text: string;
  /** The loaded document, as chain-sdk would load it; undefined when the YAML does not parse. */
  value: unknown;
  root: PosNode | null;
  error: YamlError | null;
  /** True when the document uses anchors (aliases may share objects). */
  usesAnchors: boolean;
  lines: LineIndex;
}

interface Frame {
  open: number;
  close: number;
  kind: string | null;
  result: unknown;
  children: Frame[];
}

export function parseSdlYaml(text: string): ParsedSdl {
  const stack: Frame[] = [];
  let top: Frame | null = null;
  let usesAnchors = false;
  const listener = (event: "open" | "close", state: LoaderState) => {
    if (event === "open") {
      stack.push({ open: state.position, close: state.position, kind: null, result: null, children: [] });
      return;
    }
    const frame = stack.pop();
    if (!frame) return;
    frame.close = state.position;
    frame.kind = state.kind;
    frame.result = state.result;
    if (state.anchor !== null) usesAnchors = true;
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(frame);
    else top = frame;
  };

  const lines = new LineIndex(text);
  let value: unknown;
  try {
    value = load(text, { listener });
  } catch (err) {
    const e = err as YAMLException;
    const offset = e.mark?.position ?? 0;
    return { text, value: undefined, root: null, error: { message: e.reason ?? String(err), offset }, usesAnchors, lines };
  }
  const root = top ? toPosNode(text, top) : null;
  return { text, value, root, error: null, usesAnchors, lines };
}

/** js-yaml composes a plain scalar value twice (once trying to read it as a mapping key): drop that wrapper. */
function unwrap(frame: Frame): Frame {
  let f = frame;
  while (f.children.length === 1) {
    const child = f.children[0]!;
    if (child.kind !== f.kind || !Object.is(child.result, f.result)) break;
    f = child;
  }
  return f;
}

function toPosNode(text: string, rawFrame: Frame): PosNode {
  const frame = unwrap(rawFrame);
  const start = skipBlanks(text, frame.open, frame.close);
  const end = Math.max(start, trimEnd(text, start, frame.close));
  if (frame.kind === "mapping") {
    const entries = new Map<string, PosEntry>();
    const kids = frame.children;
    for (let i = 0; i < kids.length; i++) {
      const k = unwrap(kids[i]!);
      if (!isKey(text, k)) continue;
      const next = kids[i + 1] ? unwrap(kids[i + 1]!) : undefined;
      let valueNode: PosNode | null = null;
      if (next && !isKey(text, next)) {
        i++;
        valueNode = next.kind === null ? null : toPosNode(text, next);
      }
      entries.set(String(k.result), { key: toPosNode(text, k), value: valueNode });
    }
    return { kind: "mapping", start, end, entries };
  }
  if (frame.kind === "sequence") {
    const length = Array.isArray(frame.result) ? frame.result.length : -1;
    const items = frame.children.map((c) => toPosNode(text, c));
    return { kind: "sequence", start, end, items: items.length === length ? items : undefined };
  }
  if (frame.kind === null) return { kind: "empty", start, end: start };
  return { kind: "scalar", start, end };
}

/** A mapping key is the node that the loader found followed (on the same line) by `:`. */
function isKey(text: string, f: Frame): boolean {
  if (f.kind !== "scalar" && f.kind !== "mapping" && f.kind !== "sequence") return false;
  let i = f.close;
  while (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09) i++;
  return text.charCodeAt(i) === 0x3a;
}

function skipBlanks(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
    else if (c === 0x23 /* # */ && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < limit && text.charCodeAt(i) !== 0x0a) i++;
    } else break;
  }
  return i;
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start) {
    const c = text.charCodeAt(e - 1);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) e--;
    else break;
  }
  return e;
}

/** Offsets <-> 1-based line/column, built lazily (only diagnostics need it). */
export class LineIndex {
  private starts: number[] | null = null;
  constructor(private readonly text: string) {}

  private lineStarts(): number[] {
    if (!this.starts) {
      const s = [0];
      const t = this.text;
      for (let i = t.indexOf("\n"); i !== -1; i = t.indexOf("\n", i + 1)) s.push(i + 1);
      this.starts = s;
    }
    return this.starts;
  }

  position(offset: number): { line: number; column: number } {
    const starts = this.lineStarts();
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - starts[lo]! + 1 };
  }

  range(start: number, end: number): SdlRange {
    const a = this.position(start);
    const b = this.position(Math.max(start, end));
    return { startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column };
  }

  /** End offset of the line holding `offset`, without the line break. */
  lineEnd(offset: number): number {
    let e = this.text.indexOf("\n", offset);
    if (e === -1) e = this.text.length;
    if (e > offset && this.text.charCodeAt(e - 1) === 0x0d) e--;
    return e;
  }

  get lineCount(): number {
    return this.lineStarts().length;
  }
}

export interface Located {
  /** Deepest node found along the path (the node itself when `exact`). */
  node: PosNode | null;
  /** The key node of that entry, when it is a mapping value. */
  key: PosNode | null;
  /** How many path segments were found. */
  depth: number;
  exact: boolean;
}

/** Walks the position tree along `path` as far as it exists. */
export function locate(parsed: ParsedSdl, path: readonly PathSegment[]): Located {
  let node = parsed.root;
  let key: PosNode | null = null;
  let depth = 0;
  for (const seg of path) {
    if (!node) break;
    if (typeof seg === "number" && node.kind === "sequence" && node.items?.[seg]) {
      node = node.items[seg]!;
      key = null;
    } else if (node.kind === "mapping" && node.entries?.has(String(seg))) {
      const entry = node.entries.get(String(seg))!;
      key = entry.key;
      if (!entry.value) {
        depth++;
        return { node: null, key, depth, exact: depth === path.length };
      }
      node = entry.value;
    } else break;
    depth++;
  }
  return { node, key, depth, exact: depth === path.length };
}

export type RangeTarget = "key" | "value" | "auto";

/**
 * The range to underline for `path`.
 * - "key": the mapping key (for unknown or misplaced keys); "value": the value (for bad values);
 * - "auto": the value when it is a scalar, else the key (a block mapping value spans many lines).
 * When the path does not exist (a missing key), the nearest existing ancestor's key is used.
 */
export function rangeOf(parsed: ParsedSdl, path: readonly PathSegment[], target: RangeTarget = "auto"): SdlRange {
  const { node, key, exact } = locate(parsed, path);
  const lines = parsed.lines;
  if (exact) {
    if (target === "key" && key) return lines.range(key.start, key.end);
    if (node && node.kind === "scalar") return lines.range(node.start, node.end);
  }
  if (key) return lines.range(key.start, key.end);
  if (node) return firstLine(parsed, node);
  return lines.range(0, lines.lineEnd(0));
}

/** A collection without a key (a sequence item, the root): its first line, or its first key for the root. */
function firstLine(parsed: ParsedSdl, node: PosNode): SdlRange {
  if (node.kind === "mapping" && node === parsed.root && node.entries && node.entries.size > 0) {
    const first = node.entries.values().next().value as PosEntry;
    return parsed.lines.range(first.key.start, first.key.end);
  }
  const end = Math.min(node.end, parsed.lines.lineEnd(node.start));
  return parsed.lines.range(node.start, Math.max(end, node.start));
}
