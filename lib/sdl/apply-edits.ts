import type { SdlTextEdit } from "@/lib/sdl/diagnostics";

/** Offset of a 1-based line/column in `text` (columns count UTF-16 code units, as Monaco's do). */
function offsetAt(lineStarts: number[], text: string, line: number, column: number): number {
  const start = lineStarts[Math.min(Math.max(line, 1), lineStarts.length) - 1] ?? text.length;
  return Math.min(start + column - 1, text.length);
}

/** Applies non-overlapping edits (as a quick fix carries them) to a string, back to front so offsets hold. */
export function applyTextEdits(text: string, edits: readonly SdlTextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const resolved = edits
    .map((e) => ({
      from: offsetAt(lineStarts, text, e.range.startLine, e.range.startColumn),
      to: offsetAt(lineStarts, text, e.range.endLine, e.range.endColumn),
      text: e.text,
    }))
    .sort((a, b) => b.from - a.from);
  let out = text;
  for (const e of resolved) out = out.slice(0, e.from) + e.text + out.slice(e.to);
  return out;
}
