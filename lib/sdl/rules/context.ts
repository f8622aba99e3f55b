/** What every rule gets: the parsed document, a way to report, and helpers to build quick-fix edits. */
import {
  formatPath,
  type PathSegment,
  type SdlDiagnostic,
  type SdlQuickFix,
  type SdlRange,
  type SdlSeverity,
} from "@/lib/sdl/diagnostics";
import { locate, rangeOf, type ParsedSdl, type RangeTarget } from "@/lib/sdl/parse";

export interface Report {
  severity?: SdlSeverity;
  code: string;
  message: string;
  path: readonly PathSegment[];
  target?: RangeTarget;
  fixes?: SdlQuickFix[];
  /** What the finding is about (a service, profile or placement name), to merge our rules with chain-sdk's. */
  subject?: string;
}

export interface RuleDiagnostic extends SdlDiagnostic {
  subject?: string;
}

export class RuleContext {
  readonly diagnostics: RuleDiagnostic[] = [];

  constructor(
    readonly parsed: ParsedSdl,
    /** The loaded document; rules must not trust its shape (they also run when the schema fails). */
    readonly sdl: Record<string, unknown>,
  ) {}

  report(r: Report): void {
    const d: RuleDiagnostic = {
      severity: r.severity ?? "error",
      code: r.code,
      message: r.message,
      path: formatPath(r.path),
      range: rangeOf(this.parsed, r.path, r.target ?? "auto"),
    };
    if (r.fixes && r.fixes.length > 0) d.fixes = r.fixes;
    if (r.subject !== undefined) d.subject = r.subject;
    this.diagnostics.push(d);
  }

  has(code: string, subject: string): boolean {
    return this.diagnostics.some((d) => d.code === code && d.subject === subject);
  }

  exists(path: readonly PathSegment[]): boolean {
    return locate(this.parsed, path).exact;
  }

  /** Range of the key at `path` (must exist). */
  keyRange(path: readonly PathSegment[]): SdlRange {
    return rangeOf(this.parsed, path, "key");
  }

  /** Range of the scalar value at `path`, or the key when the value is missing or a collection. */
  valueRange(path: readonly PathSegment[]): SdlRange {
    return rangeOf(this.parsed, path, "value");
  }

  /** Quick fix deleting the whole `key: value` entry at `path` (block mappings only). */
  removeEntryFix(title: string, path: readonly PathSegment[]): SdlQuickFix | undefined {
    return removeEntryFixFor(this, title, path);
  }

  /** Quick fix replacing the value (or key) at `path` with `text`. */
  replaceFix(title: string, path: readonly PathSegment[], text: string, target: "key" | "value" = "value"): SdlQuickFix {
    return { title, edits: [{ range: target === "key" ? this.keyRange(path) : this.valueRange(path), text }] };
  }

  /**
   * Quick fix inserting `block` (lines without indentation) as a new child of the mapping at `parentPath`,
   * right after the parent's key line, indented like the parent's existing children.
   */
  insertChildFix(title: string, parentPath: readonly PathSegment[], block: string[]): SdlQuickFix | undefined {
    const found = locate(this.parsed, parentPath);
    if (!found.exact || !found.key) return undefined;
    const lines = this.parsed.lines;
    const keyPos = lines.position(found.key.start);
    const keyIndent = indentOf(this.parsed.text, found.key.start);
    let childIndent = keyIndent + 2;
    const node = found.node;
    if (node && node.kind === "mapping" && node.entries && node.entries.size > 0) {
      const first = node.entries.values().next().value!;
      childIndent = lines.position(first.key.start).column - 1;
    } else if (node && node.kind !== "empty") {
      return undefined; // not a mapping: no safe place to insert
    }
    const pad = " ".repeat(childIndent);
    const text = block.map((l) => pad + l + "\n").join("");
    const at = { startLine: keyPos.line + 1, startColumn: 1, endLine: keyPos.line + 1, endColumn: 1 };
    const eol = lines.lineEnd(found.key.start);
    // The key is on the last line without a trailing newline: insert a newline first.
    if (keyPos.line >= lines.lineCount) {
      const p = lines.position(eol);
      return { title, edits: [{ range: { startLine: p.line, startColumn: p.column, endLine: p.line, endColumn: p.column }, text: "\n" + text.replace(/\n$/, "") }] };
    }
    return { title, edits: [{ range: at, text }] };
  }
}


export function removeEntryFixFor(ctx: RuleContext, title: string, path: readonly PathSegment[]): SdlQuickFix | undefined {
  const found = locate(ctx.parsed, path);
  if (!found.exact || !found.key) return undefined;
  const text = ctx.parsed.text;
  const lines = ctx.parsed.lines;
  const keyStart = found.key.start;
  const lineStart = text.lastIndexOf("\n", keyStart - 1) + 1;
  if (text.slice(lineStart, keyStart).trim() !== "") return undefined; // `- key:` or a flow mapping: leave it
  const end = found.node && found.node.kind !== "empty" ? found.node.end : found.key.end;
  const first = lines.position(keyStart).line;
  const last = lines.position(end).line;
  const range =
    last < lines.lineCount
      ? { startLine: first, startColumn: 1, endLine: last + 1, endColumn: 1 }
      : { startLine: first, startColumn: 1, ...endOf(lines.position(text.length)) };
  return { title, edits: [{ range, text: "" }] };
}

function endOf(p: { line: number; column: number }): { endLine: number; endColumn: number } {
  return { endLine: p.line, endColumn: p.column };
}

function indentOf(text: string, offset: number): number {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  let i = lineStart;
  while (text[i] === " " || text[i] === "-") i++;
  return i - lineStart;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function entriesOf(v: unknown): [string, unknown][] {
  return isRecord(v) ? Object.entries(v) : [];
}

export function quote(name: string): string {
  return "`" + name + "`";
}
