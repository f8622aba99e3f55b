"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { BidComparison } from "@/components/bids/bid-comparison";
import type { EnrichedBid } from "@/lib/market/enriched-bid";
import { ErrorMessage } from "@/components/ui/error-message";
import type { ConnectedWallet } from "@/lib/wallet/connected-wallet";
import type { GroupView } from "@/lib/sdl/manifest";
import type { Network } from "@/lib/networks";
import { TxProgress } from "./tx-progress";
import { useAcceptBids } from "./use-accept-bids";
import { useAktPrice } from "@/components/market/use-akt-price";

interface Props {
  network: Network;
  owner: string;
  dseq: string;
  groups: GroupView[] | null;
  /** gseqs that still need a lease */
  openGroups: number[];
  /** null when the page is read-only (not the owner's wallet) */
  wallet: ConnectedWallet | null;
  hasRecord: boolean;
  onCloseDeployment?: () => void;
}

/**
 * Choose a bid per open group and accept them in one wallet-signed transaction. With one group, "Accept" signs at
 * once; with several, each "Accept" records the choice for its group and "Create leases" signs them together.
 */
export function BidsStep({ network, owner, dseq, groups, openGroups, wallet, hasRecord, onCloseDeployment }: Props) {
  const [chosen, setChosen] = useState<Record<number, EnrichedBid>>({});
  const acceptBids = useAcceptBids(network, wallet, owner, dseq, hasRecord);
  const akt = useAktPrice(network);
  const multi = openGroups.length > 1;
  const busy = acceptBids.busy;
  const allChosen = openGroups.every((g) => chosen[g]);
  const createLeases = (bids: EnrichedBid[]) => acceptBids.mutate(bids);
  // a closed order's bid is gone from the live list: "Refresh bids" clears the failure so the tenant chooses again
  const orderClosed = acceptBids.stage?.stage === "failed" && acceptBids.stage.error.code === "chain.order_closed";
  const retry = orderClosed ? acceptBids.reset : acceptBids.retry;

  const accept = (bid: EnrichedBid) => {
    if (!multi) createLeases([bid]);
    else setChosen((c) => ({ ...c, [bid.id.gseq]: bid }));
  };

  return (
    <section aria-labelledby="bids-heading" className="space-y-3">
      <h2 id="bids-heading" className="text-lg font-medium">Bids</h2>
      {!wallet && <p className="text-sm text-neutral-600">Connect the owner&apos;s wallet to accept a bid.</p>}
      <BidComparison
        network={network}
        owner={owner}
        dseq={dseq}
        groups={groups ?? []}
        aktUsd={akt.usd}
        selected={Object.fromEntries(Object.entries(chosen).map(([g, b]) => [Number(g), b.key]))}
        busy={busy || !wallet}
        onAccept={accept}
        onCloseDeployment={onCloseDeployment}
      />
      {multi && (
        <div className="flex items-center gap-3 text-sm">
          <span>
            Chosen: {openGroups.map((g) => `group ${g}: ${chosen[g] ? chosen[g].id.provider.slice(0, 14) + "…" : "none yet"}`).join("; ")}
          </span>
          <Button variant="primary" disabled={!allChosen || busy || !wallet} busy={busy} onClick={() => createLeases(openGroups.map((g) => chosen[g]!))}>
            Create leases
          </Button>
        </div>
      )}
      <TxProgress title={multi ? "Creating the leases" : "Creating the lease"} stage={acceptBids.stage} onRetry={retry} />
      {acceptBids.data?.recordError && (
        <ErrorMessage error={acceptBids.data.recordError} tone="warning">
          <span>The lease is active on chain, but this console could not record it. It is recorded again the next time this page loads.</span>
        </ErrorMessage>
      )}
    </section>
  );
}
