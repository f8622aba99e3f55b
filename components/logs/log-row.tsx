"use client";
import { memo, type ReactNode } from "react";
import { parseAnsi } from "@/lib/logs/ansi";
import { spanCss } from "@/lib/logs/ansi-css";
import type { LogLine } from "@/lib/logs/log-store";
import { findOccurrences } from "@/lib/logs/search";
import { truncationMarker } from "@/lib/logs/truncate";

const p2 = (n: number) => String(n).padStart(2, "0");
/** Local time of receipt, to the millisecond (the full ISO time is in the row's title and in downloads). */
function clock(at: number): string {
  const d = new Date(at);
  return `${p2(d.getHours())}:${p2(d.getMinutes())}:${p2(d.getSeconds())}.${String(d.getMilliseconds()).padStart(3, "0")}`;
}

interface LogRowProps {
  line: LogLine;
  query: string;
  /** which occurrence of the query in this line is the current match, if any */
  currentOccurrence: number | null;
}

/**
 * One line: receipt time, source (pod or object), then the text as spans. Provider output is only ever text
 * nodes: ANSI colours arrive as a style record of numbers and booleans (lib/logs/ansi.ts), never as markup.
 */
export const LogRow = memo(function LogRow({ line, query, currentOccurrence }: LogRowProps) {
  return (
    <>
      <time dateTime={new Date(line.at).toISOString()} className="mr-2 text-neutral-500 select-none">
        {clock(line.at)}
      </time>
      <span className="mr-2 text-sky-300/80">{line.source}</span>
      {line.gap ? (
        <span data-part="gap" className="text-amber-300 italic">
          — {line.plain} —
        </span>
      ) : (
        <span data-part="message">{highlight(line, query, currentOccurrence)}</span>
      )}
      {line.omitted > 0 && <span className="ml-1 rounded bg-amber-900/60 px-1 text-amber-200">{truncationMarker(line.omitted).trim()}</span>}
    </>
  );
});

/** The line's styled spans, with the query's occurrences wrapped in <mark> (a match may cross span borders). */
function highlight(line: LogLine, query: string, current: number | null): ReactNode[] {
  const spans = parseAnsi(line.text);
  const marks = query ? findOccurrences(line.plain, query) : [];
  const out: ReactNode[] = [];
  let offset = 0;
  let m = 0;
  spans.forEach((span, si) => {
    const css = spanCss(span.style);
    const end = offset + span.text.length;
    let pos = offset;
    while (pos < end) {
      while (m < marks.length && marks[m]![1] <= pos) m++;
      const mark = marks[m];
      const inMark = mark !== undefined && mark[0] <= pos;
      const stop = Math.min(end, mark === undefined ? end : inMark ? mark[1] : mark[0]);
      const text = span.text.slice(pos - offset, stop - offset);
      const key = `${si}:${pos}`;
      if (inMark) {
        const isCurrent = m === current;
        // a match reads black on yellow whatever the line's colours; bold/italic/underline stay
        out.push(
          <mark key={key} style={{ ...css, color: undefined, backgroundColor: undefined }} data-current={isCurrent || undefined} className={isCurrent ? "bg-orange-400 text-black" : "bg-yellow-300/80 text-black"}>
            {text}
          </mark>,
        );
      } else {
        out.push(
          <span key={key} style={css}>
            {text}
          </span>,
        );
      }
      pos = stop;
    }
    offset = end;
  });
  return out;
}
