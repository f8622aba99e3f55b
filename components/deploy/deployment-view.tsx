"use client";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useWallet } from "@/components/wallet/wallet-provider";
import { closeDeploymentMsg } from "@/lib/chain/messages";
import { deploymentsApi, type DeploymentRecordDto } from "@/lib/deploy/api-client";
import type { ChainLease } from "@/lib/chain/rest-schemas";
import { DEPLOYMENT_STATE, GROUP_STATE, isActive } from "@/lib/chain/states";
import type { TxStage } from "@/lib/wallet/sign-and-broadcast";
import { signWithWallet } from "./sign-with-wallet";
import { TxProgress } from "./tx-progress";
import { useDeployment } from "./use-deployment";
import { LeaseTable } from "./lease-table";
import { BidsStep } from "./bids-step";

interface Props {
  dseq: string;
  /** read-only view of another owner's deployment (?owner=), when no wallet is connected */
  ownerParam: string | null;
}

/** A deployment after creation: bids while groups are open, then its leases; close it from here. */
export function DeploymentView({ dseq, ownerParam }: Props) {
  const { wallet, network, sessionAddress } = useWallet();
  const queryClient = useQueryClient();
  const owner = wallet?.address ?? ownerParam;
  const { chain, leases, record, groups } = useDeployment(network, owner, dseq, Boolean(owner) && sessionAddress === owner);
  const [closeStage, setCloseStage] = useState<TxStage | null>(null);
  useRecoverLeases(dseq, leases.data, record.data);

  if (!owner) {
    return <p className="m-6 text-neutral-600">Connect your wallet to see deployment {dseq}.</p>;
  }
  if (chain.isError) return <p role="alert" className="m-6 rounded bg-red-50 px-3 py-2 text-red-800">{chain.error.message}</p>;
  if (chain.isPending) return <p className="m-6 text-neutral-500">Loading deployment {dseq}…</p>;
  if (!chain.data) {
    return (
      <p role="alert" className="m-6 rounded bg-amber-50 px-3 py-2">
        The chain has no deployment {dseq} for {owner}. If you just created it, it appears with the next block.
      </p>
    );
  }

  const active = chain.data.state === DEPLOYMENT_STATE.active;
  const activeLeases = (leases.data ?? []).filter(isActive);
  const leasedGroups = new Set(activeLeases.map((l) => l.id.gseq));
  const openGroups = chain.data.groups.filter((g) => g.state === GROUP_STATE.open && !leasedGroups.has(g.id.gseq));
  const canSign = wallet !== null && wallet.address === owner;

  const close = async () => {
    if (!wallet) return;
    try {
      await signWithWallet(wallet, network, [closeDeploymentMsg({ owner: wallet.address, dseq })], setCloseStage);
      if (record.data) await deploymentsApi.setState(dseq, "closed").catch(() => undefined);
      await queryClient.invalidateQueries({ queryKey: ["chain", network.id] });
    } catch {
      /* shown by the failed stage */
    }
  };

  return (
    <div className="mx-auto w-full max-w-6xl space-y-5 p-6">
      <header className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-xl font-semibold">{record.data?.name ?? `Deployment ${dseq}`}</h1>
        <span className="font-mono text-sm text-neutral-500">dseq {dseq}</span>
        <span role="status" className={`rounded px-2 py-0.5 text-xs ${active ? "bg-green-100 text-green-900" : "bg-neutral-200"}`}>
          {active ? (openGroups.length ? "Waiting for bids" : "Active") : "Closed"}
        </span>
        {record.data?.draftId && <Link className="text-sm underline" href={`/drafts/${record.data.draftId}`}>Open the SDL</Link>}
      </header>
      {active && openGroups.length > 0 && (
        <BidsStep
          network={network}
          owner={owner}
          dseq={dseq}
          groups={groups}
          openGroups={openGroups.map((g) => g.id.gseq)}
          wallet={canSign ? wallet : null}
          hasRecord={Boolean(record.data)}
          onCloseDeployment={canSign ? close : undefined}
        />
      )}
      {activeLeases.length > 0 && <LeaseTable network={network} leases={activeLeases} records={record.data?.leases ?? []} />}
      {active && canSign && (
        <section aria-label="Close" className="space-y-2">
          <button
            type="button"
            onClick={() => void close()}
            disabled={closeStage !== null && closeStage.stage !== "failed"}
            className="rounded border border-red-300 px-3 py-1.5 text-sm text-red-800 hover:bg-red-50 disabled:opacity-50"
          >
            Close deployment
          </button>
          <p className="text-xs text-neutral-500">Closing ends every lease and returns what is left of the deposit.</p>
          <TxProgress title="Closing the deployment" stage={closeStage} />
        </section>
      )}
    </div>
  );
}

/**
 * A lease accepted from this console but not recorded (the tab closed between inclusion and the save, or the save
 * failed) is recorded from the chain when the page next loads, so its manifest state is tracked again.
 */
function useRecoverLeases(dseq: string, chainLeases: ChainLease[] | undefined, record: DeploymentRecordDto | undefined) {
  const tried = useRef(false);
  const queryClient = useQueryClient();
  useEffect(() => {
    if (tried.current || !record || !chainLeases) return;
    const missing = chainLeases.filter((l) => isActive(l) && !record.leases.some((r) => r.gseq === l.id.gseq && r.oseq === l.id.oseq));
    if (missing.length === 0) return;
    tried.current = true;
    void deploymentsApi
      .recordLeases(dseq, { txHash: null, leases: missing.map((l) => ({ gseq: l.id.gseq, oseq: l.id.oseq, bseq: l.id.bseq, provider: l.id.provider, price: l.price })) })
      .then(() => queryClient.invalidateQueries({ queryKey: ["deployments"] }))
      .catch(() => undefined); // shown as "Not recorded by this console" in the lease table; retried on the next load
  }, [dseq, chainLeases, record, queryClient]);
}
