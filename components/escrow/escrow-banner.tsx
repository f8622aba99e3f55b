"use client";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { useWallet } from "@/components/wallet/wallet-provider";
import { durationLabel } from "@/lib/deploy/deposit";
import { deploymentQueries } from "@/lib/query/deployments";
import { cn } from "@/components/ui/cn";
import { useEscrowNotifications } from "./use-escrow-notifications";

/** On every page: the signed-in owner's deployments whose escrow runs out within a day, each with a top-up link. */
export function EscrowBanner() {
  const { sessionAddress, network } = useWallet();
  const alerts = useQuery({ ...deploymentQueries.escrowAlerts(network.id, sessionAddress ?? ""), enabled: Boolean(sessionAddress) });
  const list = alerts.data?.alerts ?? [];
  const notifications = useEscrowNotifications(list);
  if (list.length === 0) return null;
  const critical = list.some((a) => a.escrow.level === "critical");
  return (
    <section
      role="region"
      aria-label="Escrow running out"
      className={cn("border-b px-4 py-2 text-sm", critical ? "border-red-300 bg-red-50 text-red-900" : "border-amber-300 bg-amber-50 text-amber-900")}
    >
      <ul className="space-y-1">
        {list.slice(0, 3).map((a) => (
          <li key={a.dseq}>
            Deployment <span className="font-mono">{a.dseq}</span>: escrow runs out in {durationLabel(a.escrow.seconds ?? 0)}; its leases close then.{" "}
            <Link href={`/deployments/${a.dseq}?topup=1`} className="font-medium underline">
              Top up {a.dseq}
            </Link>
          </li>
        ))}
        {list.length > 3 && <li>…and {list.length - 3} more: see the <Link className="underline" href="/deployments">deployments</Link>.</li>}
      </ul>
      {notifications.supported && !notifications.denied && (
        <Button variant="link" size="sm" onClick={() => void (notifications.enabled ? notifications.disable() : notifications.enable())}>
          {notifications.enabled ? "Stop browser notifications" : "Notify me in this browser at 24 h and 1 h"}
        </Button>
      )}
    </section>
  );
}
