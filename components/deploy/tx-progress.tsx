"use client";
import type { TxStage } from "@/lib/wallet/sign-and-broadcast";
import { formatAmount } from "@/lib/chain/denom";
import { ErrorMessage } from "@/components/ui/error-message";

const STEPS = [
  { stage: "simulating", label: "Estimating the fee" },
  { stage: "awaiting-signature", label: "Waiting for your signature in the wallet" },
  { stage: "broadcasting", label: "Broadcasting" },
  { stage: "included", label: "Included in a block" },
] as const;

/**
 * Where a transaction is, step by step, announced to screen readers. It never blocks the page: the tenant can
 * read the review or scroll while the wallet window is open.
 */
export function TxProgress({ title, stage, onRetry }: { title: string; stage: TxStage | null; onRetry?: () => void }) {
  if (!stage) return null;
  const current = stage.stage === "failed" ? -1 : STEPS.findIndex((s) => s.stage === stage.stage);
  return (
    <section aria-label={title} className="rounded border border-neutral-200 bg-white p-3 text-sm">
      <h3 className="font-medium">{title}</h3>
      <ol className="mt-2 space-y-1">
        {STEPS.map((s, i) => {
          const done = current > i || stage.stage === "included";
          const active = current === i && stage.stage !== "included";
          return (
            <li key={s.stage} className={done ? "text-green-700" : active ? "font-medium text-neutral-900" : "text-neutral-400"}>
              <span aria-hidden>{done ? "✓" : active ? "…" : "○"}</span> {s.label}
              {s.stage === "awaiting-signature" && stage.stage === "awaiting-signature" && ` (fee ${stage.fee.amount.map(formatAmount).join(" + ")})`}
              {s.stage === "included" && stage.stage === "included" && ` at height ${stage.height}`}
            </li>
          );
        })}
      </ol>
      <p role="status" aria-live="polite" className="sr-only">
        {stage.stage === "included" ? `${title}: included at height ${stage.height}` : stage.stage === "failed" ? `${title} failed` : `${title}: ${STEPS.find((s) => s.stage === stage.stage)?.label}`}
      </p>
      {stage.stage === "failed" && <ErrorMessage error={stage.error} onRetry={onRetry} className="mt-2 rounded px-2 py-1" />}
    </section>
  );
}
