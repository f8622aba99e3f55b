/**
 * Bounds one log line. A container can print a 10 MB line (a JSON dump, a minified bundle); the viewer keeps its
 * first MAX_LINE_CHARS characters and says how many it left out. One slice, no pass over the rest of the line.
 */
export const MAX_LINE_CHARS = 16_384;

export interface BoundedLine {
  text: string;
  /** characters left out (0 when the line was whole) */
  omitted: number;
}

export function truncateLine(text: string, max: number = MAX_LINE_CHARS): BoundedLine {
  if (text.length <= max) return { text, omitted: 0 };
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // never split a surrogate pair
  return { text: detach(text.slice(0, end)), omitted: text.length - end };
}

/** The marker shown (and downloaded) after a truncated line. */
export function truncationMarker(omitted: number): string {
  return ` … [${omitted.toLocaleString("en-US")} more characters not shown]`;
}

/**
 * A copy that does not pin its source: V8 represents a long slice as a view into the original string, so keeping
 * the first 16 KiB of a 10 MB line would keep the 10 MB alive in the ring buffer.
 */
function detach(s: string): string {
  return new TextDecoder().decode(new TextEncoder().encode(s));
}
