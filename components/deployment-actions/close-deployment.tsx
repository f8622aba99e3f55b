"use client";
import { TxProgress } from "@/components/deploy/tx-progress";
import type { useCloseDeployment } from "@/components/deploy/use-close-deployment";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";
import { denomSymbol, fromBaseUnits } from "@/lib/chain/denom";

interface Props {
  /** the page's close (the no-bids panel closes through it too, so both show one progress and one refund) */
  close: ReturnType<typeof useCloseDeployment>;
  closeNow(): void;
}

/**
 * Close deployment: one signature; the rest of the console stays usable while it is included (the list shows the
 * deployment as closing), then what was left in escrow is shown as returned.
 */
export function CloseDeployment({ close, closeNow }: Props) {
  const refund = close.data?.refund ?? null;
  const included = close.stage?.stage === "included";
  return (
    <section aria-label="Close" className="space-y-2">
      <Button variant="danger" onClick={closeNow} busy={close.busy} disabled={included}>
        Close deployment
      </Button>
      <p className="text-xs text-neutral-500">Closing ends every lease and returns what is left of the deposit.</p>
      <TxProgress title="Closing the deployment" stage={close.stage} onRetry={closeNow} />
      {included && (
        <p role="status" className="text-sm">
          Closed.{" "}
          {refund && BigInt(refund.amount) > 0n
            ? `${fromBaseUnits(refund.amount, 6)} ${denomSymbol(refund.denom)} left in escrow went back to your balance.`
            : "What was left in escrow went back to your balance."}
        </p>
      )}
      {close.data?.recordError && (
        <ErrorMessage error={close.data.recordError} tone="warning">
          <span>The deployment is closed on chain; this console&apos;s record may still show it open.</span>
        </ErrorMessage>
      )}
    </section>
  );
}
