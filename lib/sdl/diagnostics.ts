/** Diagnostics shared by the editor (Monaco markers and code actions), the CLI and the API routes. */

export type SdlSeverity = "error" | "warning";

/** 1-based; endColumn exclusive (Monaco's convention). Columns count UTF-16 code units, like Monaco. */
export interface SdlRange {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface SdlTextEdit {
  range: SdlRange;
  text: string;
}

export interface SdlQuickFix {
  title: string;
  edits: SdlTextEdit[];
}

export interface SdlDiagnostic {
  severity: SdlSeverity;
  /** Stable, machine-readable: `yaml.syntax`, `sdl.schema`, `sdl.unknown_key`, `sdl.cpu_range`... */
  code: string;
  message: string;
  /** Dot path such as `services.web.expose[0].to[0].global`; "" for the document root. */
  path: string;
  range: SdlRange;
  fixes?: SdlQuickFix[];
}

export type PathSegment = string | number;

const PLAIN_KEY = /^[A-Za-z0-9_-]+$/;

/** `["services", "web", "expose", 0]` -> `services.web.expose[0]`; odd keys are quoted: `services["my.svc"]`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = "";
  for (const seg of segments) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (PLAIN_KEY.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** JSON pointer (ajv `instancePath`, e.g. `/services/web/expose/0`) -> segments. Numeric parts are array indexes. */
export function pointerToSegments(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split("/")
    .map((raw) => {
      const part = raw.replace(/~1/g, "/").replace(/~0/g, "~");
      return /^(0|[1-9][0-9]*)$/.test(part) ? Number(part) : part;
    });
}

export function compareRanges(a: SdlRange, b: SdlRange): number {
  return a.startLine - b.startLine || a.startColumn - b.startColumn || a.endLine - b.endLine || a.endColumn - b.endColumn;
}

/** Position order; at the same position errors come before warnings, then by code for a stable output. */
export function sortDiagnostics(list: SdlDiagnostic[]): SdlDiagnostic[] {
  return list.sort(
    (a, b) =>
      compareRanges(a.range, b.range) ||
      (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) ||
      a.code.localeCompare(b.code) ||
      a.message.localeCompare(b.message),
  );
}

export const DOCUMENT_START: SdlRange = { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
