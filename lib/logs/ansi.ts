/**
 * ANSI escape sequences in container logs, made safe to show: SGR (colours and a few attributes) becomes styled
 * spans of plain text; every other sequence (OSC titles and hyperlinks, cursor movement, screen clearing, DCS/APC
 * strings, charset switches, C0/C1 controls, bidi overrides that reorder what the reader sees) is removed. The
 * output is only text and a small style record built from numbers: nothing of the stream can become markup, a URL
 * or a CSS string.
 *
 * Written by hand because the maintained libraries do something else with the rest: ansi_up returns HTML, anser
 * turns OSC 8 into links, strip-ansi gives no styles. The parser is one linear pass (ECMA-48 grammar), so a hostile
 * megabyte of parameters costs what reading it costs.
 */
import { ansi256ToHex, rgbToHex } from "@/lib/logs/ansi-palette";

export interface SgrStyle {
  /** `#rrggbb`, derived from numbers only */
  readonly fg?: string;
  readonly bg?: string;
  readonly bold?: true;
  readonly dim?: true;
  readonly italic?: true;
  readonly underline?: true;
  readonly inverse?: true;
}

export interface AnsiSpan {
  readonly text: string;
  readonly style: SgrStyle;
}

export const PLAIN: SgrStyle = Object.freeze({});

/** Past this many style changes in one line, further SGR is ignored (the text stays): bounds a row's DOM. */
export const MAX_SPANS_PER_LINE = 1000;

const ESC = 0x1b;
const BEL = 0x07;
const TAB = 0x09;

// Characters that are never shown: C0 controls but tab, DEL, C1 controls, and the bidi embedding/override/isolate
// controls (U+202A-202E, U+2066-2069) that can make a line read differently from what it says.
// eslint-disable-next-line no-control-regex -- finding control characters is this regex's job
const DROPPED = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function isDropped(c: number): boolean {
  return (c < 0x20 && c !== TAB) || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/** Splits a log line into styled spans of visible text. */
export function parseAnsi(input: string): AnsiSpan[] {
  if (!DROPPED.test(input)) return input ? [{ text: input, style: PLAIN }] : [];
  const spans: AnsiSpan[] = [];
  let style = PLAIN;
  let parts: string[] = [];
  const n = input.length;
  let runStart = 0;
  let i = 0;

  const endRun = (at: number) => {
    if (at > runStart) parts.push(input.slice(runStart, at));
  };
  const emit = () => {
    if (parts.length === 0) return;
    const text = parts.join("");
    parts = [];
    const last = spans[spans.length - 1];
    if (last && last.style === style) spans[spans.length - 1] = { text: last.text + text, style };
    else spans.push({ text, style });
  };
  const setStyle = (next: SgrStyle) => {
    if (sameStyle(next, style)) return;
    if (spans.length >= MAX_SPANS_PER_LINE - 1) return; // the current run is the last span
    emit();
    style = next;
  };

  while (i < n) {
    const c = input.charCodeAt(i);
    if (!isDropped(c)) {
      i++;
      continue;
    }
    endRun(i);
    if (c === ESC) i = escape(input, i + 1, setStyle, () => style);
    else if (c === 0x9b) i = csi(input, i + 1, setStyle, () => style);
    else if (c === 0x9d || c === 0x90 || c === 0x98 || c === 0x9e || c === 0x9f) i = controlString(input, i + 1);
    else i++;
    runStart = i;
  }
  endRun(n);
  emit();
  return spans;
}

/** The visible text of a line (what search, copy and download use). */
export function stripAnsi(input: string): string {
  if (!DROPPED.test(input)) return input;
  let out = "";
  for (const s of parseAnsi(input)) out += s.text;
  return out;
}

type SetStyle = (s: SgrStyle) => void;

/** After ESC: returns the index where ordinary text resumes. */
function escape(s: string, j: number, setStyle: SetStyle, current: () => SgrStyle): number {
  if (j >= s.length) return j;
  const d = s.charCodeAt(j);
  if (d === 0x5b) return csi(s, j + 1, setStyle, current); // [
  if (d === 0x5d || d === 0x50 || d === 0x58 || d === 0x5e || d === 0x5f) return controlString(s, j + 1); // ] P X ^ _
  if (d >= 0x20 && d <= 0x2f) {
    // nF escape (charset designation and the like): intermediates then one final byte
    let k = j;
    while (k < s.length && s.charCodeAt(k) >= 0x20 && s.charCodeAt(k) <= 0x2f) k++;
    return k < s.length && s.charCodeAt(k) >= 0x30 && s.charCodeAt(k) <= 0x7e ? k + 1 : k;
  }
  if (d >= 0x30 && d <= 0x7e) return j + 1; // ESC 7, ESC c, ESC M ...
  return j; // ESC before something else: drop the ESC alone
}

/** Control Sequence: parameters, intermediates, one final byte. Only SGR (final `m`, no private marker) is kept. */
function csi(s: string, j: number, setStyle: SetStyle, current: () => SgrStyle): number {
  let k = j;
  while (k < s.length && s.charCodeAt(k) >= 0x30 && s.charCodeAt(k) <= 0x3f) k++;
  const paramsEnd = k;
  while (k < s.length && s.charCodeAt(k) >= 0x20 && s.charCodeAt(k) <= 0x2f) k++;
  if (k >= s.length) return k; // unterminated: dropped
  const f = s.charCodeAt(k);
  if (f < 0x40 || f > 0x7e) return k; // malformed: drop what was read, resume at the odd character
  if (f === 0x6d && paramsEnd === k) {
    const params = s.slice(j, paramsEnd);
    const first = params.charCodeAt(0);
    if (!(first >= 0x3c && first <= 0x3f)) setStyle(applySgr(current(), params));
  }
  return k + 1;
}

/** OSC, DCS, SOS, PM, APC: everything up to BEL or ST (ESC \ or U+009C) is dropped; unterminated, the rest is. */
function controlString(s: string, j: number): number {
  for (let k = j; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === BEL || c === 0x9c) return k + 1;
    if (c === ESC && s.charCodeAt(k + 1) === 0x5c) return k + 2;
  }
  return s.length;
}

function int(token: string | undefined): number | undefined {
  if (token === undefined || token === "") return 0;
  if (token.length > 6 || !/^\d+$/.test(token)) return undefined;
  return Number(token);
}

const byte = (v: number | undefined): v is number => v !== undefined && v >= 0 && v <= 255;

/** An extended colour (38/48/58) from its arguments: `5;n` or `2;r;g;b` (colon form may carry a colour space id). */
function extended(args: (string | undefined)[], colon: boolean): string | undefined {
  const arg = (t: string | undefined) => (t === undefined ? undefined : int(t)); // a missing argument is no 0
  const mode = arg(args[0]);
  if (mode === 5) {
    const idx = arg(args[1]);
    return byte(idx) ? ansi256ToHex(idx) : undefined;
  }
  if (mode === 2) {
    const rgb = (colon && args.length >= 5 ? args.slice(2, 5) : args.slice(1, 4)).map(arg);
    return rgb.length === 3 && rgb.every(byte) ? rgbToHex(rgb[0]!, rgb[1]!, rgb[2]!) : undefined;
  }
  return undefined;
}

function applySgr(base: SgrStyle, params: string): SgrStyle {
  const st: { -readonly [K in keyof SgrStyle]: SgrStyle[K] } = { ...base };
  const tokens = params.split(";");
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    if (token.includes(":")) {
      const sub = token.split(":");
      const code = int(sub[0]);
      if (code === 38 || code === 48) {
        const colour = extended(sub.slice(1), true);
        if (colour) st[code === 38 ? "fg" : "bg"] = colour;
      } else if (code === 4) {
        if (int(sub[1]) === 0) delete st.underline;
        else st.underline = true;
      }
      continue;
    }
    const code = int(token);
    if (code === undefined) continue;
    if (code === 38 || code === 48 || code === 58) {
      const mode = int(tokens[t + 1]);
      const argc = mode === 5 ? 2 : mode === 2 ? 4 : 1;
      const colour = extended(tokens.slice(t + 1, t + 1 + argc), false);
      t += Math.min(argc, tokens.length - t - 1);
      if (colour && code !== 58) st[code === 38 ? "fg" : "bg"] = colour;
      continue;
    }
    if (code === 0) for (const k of Object.keys(st) as (keyof SgrStyle)[]) delete st[k];
    else if (code === 1) st.bold = true;
    else if (code === 2) st.dim = true;
    else if (code === 3) st.italic = true;
    else if (code === 4 || code === 21) st.underline = true;
    else if (code === 7) st.inverse = true;
    else if (code === 22) {
      delete st.bold;
      delete st.dim;
    }
    else if (code === 23) delete st.italic;
    else if (code === 24) delete st.underline;
    else if (code === 27) delete st.inverse;
    else if (code >= 30 && code <= 37) st.fg = ansi256ToHex(code - 30);
    else if (code === 39) delete st.fg;
    else if (code >= 40 && code <= 47) st.bg = ansi256ToHex(code - 40);
    else if (code === 49) delete st.bg;
    else if (code >= 90 && code <= 97) st.fg = ansi256ToHex(code - 90 + 8);
    else if (code >= 100 && code <= 107) st.bg = ansi256ToHex(code - 100 + 8);
    // anything else (blink, conceal, strike, fonts...) is outside the safe set and ignored
  }
  return Object.keys(st).length === 0 ? PLAIN : Object.freeze(st);
}

function sameStyle(a: SgrStyle, b: SgrStyle): boolean {
  return (
    a === b ||
    (a.fg === b.fg && a.bg === b.bg && a.bold === b.bold && a.dim === b.dim && a.italic === b.italic && a.underline === b.underline && a.inverse === b.inverse)
  );
}
