"use client";
import { memo } from "react";
import type { SdlDiagnostic, SdlQuickFix } from "@/lib/sdl/diagnostics";
import { InlineCode } from "@/components/ui/inline-code";

interface Props {
  diagnostics: readonly SdlDiagnostic[];
  pending: boolean;
  onSelect(diagnostic: SdlDiagnostic): void;
  onApplyFix(fix: SdlQuickFix): void;
}

/** Every diagnostic as `line:column message`, readable without hovering and by screen readers. */
/** memo: the callbacks are stable (useCallback in the workbench), so only a new result or pending state re-renders it */
export const ProblemsPanel = memo(function ProblemsPanel({ diagnostics, pending, onSelect, onApplyFix }: Props) {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  return (
    <section aria-labelledby="problems-heading" className="flex min-h-0 flex-col border-t border-neutral-200 bg-white">
      <h2 id="problems-heading" className="flex items-center gap-3 px-3 py-1.5 text-xs font-semibold uppercase tracking-wide text-neutral-600">
        Problems
        <span className="font-normal normal-case" aria-live="polite" data-testid="problem-counts">
          {errors} {errors === 1 ? "error" : "errors"}, {warnings} {warnings === 1 ? "warning" : "warnings"}
          {pending ? " (checking…)" : ""}
        </span>
      </h2>
      {diagnostics.length === 0 ? (
        <p className="px-3 pb-2 text-sm text-neutral-500">{pending ? "Checking…" : "No problems found."}</p>
      ) : (
        <ul aria-label="Problems" className="max-h-48 overflow-auto pb-1 text-sm">
          {diagnostics.map((d, i) => {
            const position = `${d.range.startLine}:${d.range.startColumn}`;
            return (
              <li key={`${d.code}-${position}-${i}`} className="flex items-start gap-2 px-3 py-0.5 hover:bg-neutral-50">
                <button
                  type="button"
                  onClick={() => onSelect(d)}
                  aria-label={`${d.severity === "error" ? "Error" : "Warning"} at line ${d.range.startLine}, column ${d.range.startColumn}: ${d.message}`}
                  className="flex flex-1 items-start gap-2 text-left"
                >
                  <span aria-hidden className={d.severity === "error" ? "text-red-600" : "text-amber-600"}>
                    {d.severity === "error" ? "●" : "▲"}
                  </span>
                  <span className="font-mono text-xs text-neutral-500 tabular-nums">{position}</span>
                  <span className="flex-1"><InlineCode text={d.message} /></span>
                </button>
                {d.fixes?.map((fix) => (
                  <button
                    key={fix.title}
                    type="button"
                    onClick={() => onApplyFix(fix)}
                    aria-label={`Quick fix: ${fix.title.replaceAll("`", "")}`}
                    className="shrink-0 rounded border border-blue-300 bg-blue-50 px-1.5 text-xs text-blue-900 hover:bg-blue-100"
                  >
                    <InlineCode text={fix.title} />
                  </button>
                ))}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
});
