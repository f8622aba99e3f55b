import type { SgrStyle } from "@/lib/logs/ansi";

/** The viewer's own colours (a dark terminal-like panel); inverse video swaps to them when a span has none. */
export const VIEWER_FG = "#e5e5e5";
export const VIEWER_BG = "#0a0a0a";

export interface SpanCss {
  color?: string;
  backgroundColor?: string;
  fontWeight?: number;
  opacity?: number;
  fontStyle?: "italic";
  textDecoration?: "underline";
}

/** Inline style values for a span (set through the CSSOM by React, which the page's CSP allows). */
export function spanCss(style: SgrStyle): SpanCss {
  const css: SpanCss = {};
  const fg = style.inverse ? (style.bg ?? VIEWER_BG) : style.fg;
  const bg = style.inverse ? (style.fg ?? VIEWER_FG) : style.bg;
  if (fg) css.color = fg;
  if (bg) css.backgroundColor = bg;
  if (style.bold) css.fontWeight = 700;
  if (style.dim) css.opacity = 0.65;
  if (style.italic) css.fontStyle = "italic";
  if (style.underline) css.textDecoration = "underline";
  return css;
}
