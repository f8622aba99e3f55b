"use client";
import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { BidComparison } from "@/components/bids/bid-comparison";
import type { EnrichedBid } from "@/components/bids/use-deployment-bids";
import type { ConnectedWallet } from "@/components/wallet/wallet-provider";
import { createLeaseMsg } from "@/lib/chain/messages";
import { deploymentsApi } from "@/lib/deploy/api-client";
import type { GroupView } from "@/lib/sdl/manifest";
import type { Network } from "@/lib/networks";
import type { TxStage } from "@/lib/wallet/sign-and-broadcast";
import { signWithWallet } from "./sign-with-wallet";
import { TxProgress } from "./tx-progress";

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
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<Record<number, EnrichedBid>>({});
  const [stage, setStage] = useState<TxStage | null>(null);
  const [recordError, setRecordError] = useState<string | null>(null);
  const multi = openGroups.length > 1;
  const busy = stage !== null && stage.stage !== "failed" && stage.stage !== "included";
  const allChosen = openGroups.every((g) => chosen[g]);

  const createLeases = async (bids: EnrichedBid[]) => {
    if (!wallet) return;
    try {
      const result = await signWithWallet(wallet, network, bids.map((b) => createLeaseMsg({ ...b.id, owner, dseq })), setStage);
      if (hasRecord) {
        await deploymentsApi
          .recordLeases(dseq, {
            txHash: result.txHash,
            leases: bids.map((b) => ({ gseq: b.id.gseq, oseq: b.id.oseq, bseq: b.id.bseq, provider: b.id.provider, price: b.price })),
          })
          // the lease is on chain either way (the page reads leases from the chain); say what is missing here
          .catch((err: unknown) =>
            setRecordError(`The lease is active on chain, but this console could not record it (${err instanceof Error ? err.message : String(err)}). It is recorded again the next time this page loads.`),
          );
      }
      await queryClient.invalidateQueries({ queryKey: ["chain", network.id] });
      await queryClient.invalidateQueries({ queryKey: ["deployments", network.id] });
    } catch {
      /* the failed stage says why; nothing was broadcast after a rejection */
    }
  };

  const accept = (bid: EnrichedBid) => {
    if (!multi) void createLeases([bid]);
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
        aktUsd={null}
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
          <button
            type="button"
            disabled={!allChosen || busy || !wallet}
            onClick={() => void createLeases(openGroups.map((g) => chosen[g]!))}
            className="rounded bg-neutral-900 px-3 py-1.5 text-white disabled:opacity-50"
          >
            Create leases
          </button>
        </div>
      )}
      <TxProgress title={multi ? "Creating the leases" : "Creating the lease"} stage={stage} />
      {recordError && <p role="alert" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">{recordError}</p>}
    </section>
  );
}
