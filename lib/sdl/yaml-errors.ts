/** js-yaml's syntax errors -> one diagnostic at the error, in plain words, with a fix where it is mechanical. */
import type { SdlDiagnostic, SdlQuickFix } from "@/lib/sdl/diagnostics";
import type { ParsedSdl } from "@/lib/sdl/parse";

export function yamlErrorDiagnostic(parsed: ParsedSdl): SdlDiagnostic {
  const { text, lines } = parsed;
  const err = parsed.error!;
  const reason = err.message;
  let offset = Math.min(err.offset, text.length);
  let code = "yaml.syntax";
  let message = `YAML syntax error: ${reason}.`;
  let fixes: SdlQuickFix[] | undefined;

  if (/\btab/.test(reason)) {
    code = "yaml.tab";
    const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
    const lead = /^[ \t]*/.exec(text.slice(lineStart))![0];
    offset = lineStart + lead.indexOf("\t");
    message = "Tabs cannot indent YAML: indent with spaces.";
    fixes = [{ title: "Replace tabs with spaces", edits: [{ range: lines.range(lineStart, lineStart + lead.length), text: lead.replace(/\t/g, "  ") }] }];
  } else if (/duplicated mapping key/.test(reason)) {
    code = "yaml.duplicate_key";
    const key = /^[^:\s]+/.exec(text.slice(offset))?.[0] ?? "";
    message = `Duplicate key${key ? ` \`${key}\`` : ""}: it already appears above in the same mapping, and YAML allows each key once. Rename or merge one of them.`;
  } else if (/bad indentation/.test(reason)) {
    code = "yaml.indentation";
    message = "Bad indentation: this line is not aligned with the other keys of its mapping (YAML nesting is defined by spaces).";
  } else if (/within a (double|single) quoted scalar/.test(reason)) {
    code = "yaml.unclosed_quote";
    const quote = /double/.test(reason) ? '"' : "'";
    const open = findOpeningQuote(text, quote);
    if (open !== -1) offset = open;
    message = `This ${quote === '"' ? "double" : "single"}-quoted string is never closed: add the closing ${quote}.`;
  } else if (/end of the stream or a document separator is expected/.test(reason)) {
    message = "YAML syntax error: unexpected content here (check the indentation and the `---` / `key: value` syntax above).";
  } else if (/incomplete explicit mapping pair|a colon is missed|can not read a block mapping entry/.test(reason)) {
    message = "YAML syntax error: expected `key: value` here (a colon followed by a space).";
  }

  let end = lines.lineEnd(offset);
  if (end <= offset) end = Math.min(text.length, offset + 1);
  // At the very end of the text, underline the last character rather than nothing.
  const start = offset >= text.length && text.length > 0 ? text.length - 1 : offset;
  const d: SdlDiagnostic = { severity: "error", code, message, path: "", range: lines.range(start, Math.max(end, start + 1)) };
  if (fixes) d.fixes = fixes;
  return d;
}

/** The last quote that opens a scalar (after `: `, `- `, `[`, `{`, `,` or at a line start) and is never closed. */
function findOpeningQuote(text: string, quote: string): number {
  const re = quote === '"' ? /(^|[\s:\-[{,])"/gm : /(^|[\s:\-[{,])'/gm;
  let found = -1;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = m.index + m[1]!.length;
    const rest = text.slice(at + 1);
    const closed = quote === '"' ? /(^|[^\\])(\\\\)*"/.test(rest) : rest.includes("'");
    if (!closed) return at;
    found = -1;
  }
  return found;
}
