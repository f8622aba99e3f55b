"use client";
import { Button } from "@/components/ui/button";
import type { DeploymentRecordDto } from "@/lib/deploy/api-client";
import { manifestOverdue, type LeaseDelivery } from "@/lib/deploy/manifest-delivery";

type LeaseRecord = DeploymentRecordDto["leases"][number];

interface Props {
  record: LeaseRecord | undefined;
  /** this visit's sending, when there is one */
  delivery: LeaseDelivery | undefined;
  /** null when the manifest cannot be sent from here (the owner's wallet is not connected, no record) */
  onRetry: (() => void) | null;
  now: number;
}

/** Whether the lease's provider has the manifest: this visit's sending first, else what the console recorded. */
export function ManifestState({ record, delivery, onRetry, now }: Props) {
  if (delivery?.state === "sending") {
    return (
      <span role="status">
        Sending manifest{delivery.attempt > 1 ? ` (attempt ${delivery.attempt})` : ""}…
        {delivery.lastError && <span className="block text-xs text-neutral-500">{delivery.lastError.message}</span>}
      </span>
    );
  }
  if (delivery?.state === "sent" || record?.state === "manifest_sent") return <span>Manifest sent</span>;
  if (record?.state === "closed") return <span>Closed</span>;
  if (!record) return <span>Not recorded by this console</span>;

  const error = delivery?.state === "failed" ? delivery.error.message : record.manifestError;
  const overdue = manifestOverdue(new Date(record.createdAt), now);
  return (
    <span className="block space-y-1">
      <span className="block">{error ? "Manifest not sent" : "Manifest not sent yet"}</span>
      {error && <span role="alert" className="block text-xs text-red-800">{error}</span>}
      {overdue && (
        <span className="block text-xs text-amber-800">
          The lease is over 5 minutes old without a manifest: the provider may close it. Send the manifest now, or close the deployment.
        </span>
      )}
      {onRetry ? (
        <Button size="sm" onClick={onRetry}>
          {error ? "Retry" : "Send manifest"}
        </Button>
      ) : (
        <span className="block text-xs text-neutral-500">Connect the owner&apos;s wallet to send the manifest to the provider.</span>
      )}
    </span>
  );
}
