"use client";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useEffect } from "react";
import { useWallet } from "@/components/wallet/wallet-provider";
import { ErrorMessage } from "@/components/ui/error-message";
import type { DeploymentRecordDto } from "@/lib/deploy/api-client";
import type { ChainLease } from "@/lib/chain/rest-schemas";
import { DEPLOYMENT_STATE, GROUP_STATE, isActive } from "@/lib/chain/states";
import type { NetworkId } from "@/lib/networks";
import { CloseDeployment } from "@/components/deployment-actions/close-deployment";
import { TopUp } from "@/components/deployment-actions/top-up";
import { Redeploy } from "@/components/deployment-actions/redeploy";
import { TxHistory } from "@/components/deployment-actions/tx-history";
import { AdoptDeployment } from "@/components/deployment-actions/adopt-deployment";
import { isAppError } from "@/lib/errors/app-error";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { escrowTimeLeft } from "@/lib/deploy/escrow-time";
import { useCloseDeployment } from "./use-close-deployment";
import { leaseToRecord, useRecordLeases } from "./use-record-leases";
import { useRecordUnrecorded } from "./use-record-unrecorded";
import { useDeployment } from "./use-deployment";
import { LeaseTable } from "./lease-table";
import { SavingSoFar } from "@/components/deploy/saving-so-far";
import { BidsStep } from "./bids-step";
import { useManifestDelivery } from "@/components/lease/use-manifest-delivery";
import { useProviderTokens } from "@/components/lease/use-provider-tokens";
import { leaseKey } from "@/lib/deploy/manifest-delivery";

// status, logs, events and the shell load when a lease runs, not with the page
const LeasePanel = dynamic(() => import("@/components/lease/lease-panel").then((m) => m.LeasePanel), {
  ssr: false,
  loading: () => <p className="text-sm text-neutral-500">Loading the workload view…</p>,
});

interface Props {
  dseq: string;
  /** read-only view of another owner's deployment (?owner=), when no wallet is connected */
  ownerParam: string | null;
  /** the escrow banner's "Top up" link: the amount field is open on arrival */
  openTopUp?: boolean;
  /** arrived from the update page after MsgUpdateDeployment was included */
  justUpdated?: boolean;
}

/** A deployment after creation: bids while groups are open, then its leases; close it from here. */
export function DeploymentView({ dseq, ownerParam, openTopUp = false, justUpdated = false }: Props) {
  const { wallet, network, sessionAddress } = useWallet();
  const owner = wallet?.address ?? ownerParam;
  const signedInAsOwner = Boolean(owner) && sessionAddress === owner;
  // a deployment created here whose record failed is recorded first, so the record below can find it
  useRecordUnrecorded(network, signedInAsOwner ? owner : null);
  const { chain, leases, record, groups } = useDeployment(network, owner, dseq, signedInAsOwner);
  const close = useCloseDeployment(network, wallet, dseq, Boolean(record.data));
  useRecoverLeases(network.id, dseq, leases.data, record.data);
  const ownerWallet = wallet && wallet.address === owner && signedInAsOwner ? wallet : null;
  const tokens = useProviderTokens(ownerWallet);
  const activeLeaseRefs = (leases.data ?? []).filter(isActive).map((l) => ({ provider: l.id.provider, gseq: l.id.gseq, oseq: l.id.oseq }));
  const manifest = useManifestDelivery({ networkId: network.id, dseq, record: record.data, tokens, activeLeases: activeLeaseRefs });
  const runningLeases = activeLeaseRefs
    .filter((l) => manifest.deliveries.get(leaseKey(l))?.state === "sent" || record.data?.leases.some((r) => r.gseq === l.gseq && r.oseq === l.oseq && r.state === "manifest_sent"))
    .map((l) => ({ ...l, owner: owner ?? "", dseq }));

  if (!owner) {
    return <p className="m-6 text-neutral-600">Connect your wallet to see deployment {dseq}.</p>;
  }
  if (chain.isError) return <ErrorMessage error={chain.error} onRetry={() => void chain.refetch()} className="m-6 rounded px-3 py-2" />;
  if (chain.isPending) return <p className="m-6 text-neutral-500">Loading deployment {dseq}…</p>;
  if (!chain.data) {
    return (
      <Alert tone="warning" role="alert" className="m-6">
        The chain has no deployment {dseq} for {owner}. If you just created it, it appears with the next block.
      </Alert>
    );
  }

  const active = chain.data.state === DEPLOYMENT_STATE.active;
  const activeLeases = (leases.data ?? []).filter(isActive);
  const leasedGroups = new Set(activeLeases.map((l) => l.id.gseq));
  const openGroups = chain.data.groups.filter((g) => g.state === GROUP_STATE.open && !leasedGroups.has(g.id.gseq));
  const canSign = wallet !== null && wallet.address === owner;

  const account = chain.data.escrowAccount;
  const escrowDenom = activeLeases[0]?.price.denom ?? account?.funds[0]?.denom;
  const escrow = account && escrowDenom ? { denom: escrowDenom, funds: account.funds, settledAt: account.settledAt, leasePrices: activeLeases.map((l) => l.price), height: chain.data.height } : null;
  const escrowLeft = escrow ? { denom: escrow.denom, amount: (escrowTimeLeft({ ...escrow, averageBlockTimeSeconds: network.averageBlockTimeSeconds })?.balance ?? "0").split(".")[0]! } : null;
  const closeNow = () => close.mutate({ escrowLeft });

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
          onCloseDeployment={canSign ? closeNow : undefined}
        />
      )}
      {activeLeases.length > 0 && (
        <LeaseTable
          network={network}
          leases={activeLeases}
          records={record.data?.leases ?? []}
          deliveries={manifest.deliveries}
          onSend={manifest.canSend ? manifest.send : null}
        />
      )}
      {activeLeases.length > 0 && groups && chain.data.height !== null && <SavingSoFar network={network} leases={activeLeases} groups={groups} height={chain.data.height} />}
      {runningLeases.length > 0 && <LeasePanel leases={runningLeases} tokens={tokens} />}
      {justUpdated && active && (
        <Alert tone="info">Updated on chain. The providers run the new workload once they have the new manifest, which is being sent to each lease above.</Alert>
      )}
      {canSign && (active || close.stage) && (
        <section aria-label="Manage" className="flex flex-wrap items-start gap-4 border-t border-neutral-200 pt-4">
          {active && record.data?.sdl && (
            <Link href={`/deployments/${dseq}/update`} className={buttonClasses()}>
              Edit and update
            </Link>
          )}
          {active && escrow && <TopUp network={network} wallet={wallet} dseq={dseq} escrow={escrow} initiallyOpen={openTopUp} />}
          <CloseDeployment close={close} closeNow={closeNow} />
        </section>
      )}
      {!active && canSign && record.data?.sdl && <Redeploy name={record.data.name} sdl={record.data.sdl} />}
      {active && canSign && signedInAsOwner && record.isError && isAppError(record.error) && record.error.code === "not_found" && (
        <AdoptDeployment networkId={network.id} dseq={dseq} chainHash={chain.data.hash} deposit={account?.funds[0] ? { denom: account.funds[0].denom, amount: account.funds[0].amount.split(".")[0]! } : null} />
      )}
      <TxHistory network={network} owner={owner} dseq={dseq} />
      {record.data?.sdl && (
        <details className="rounded border border-neutral-200 text-sm">
          <summary className="cursor-pointer px-3 py-1.5">SDL (read-only)</summary>
          <pre aria-label="SDL" className="max-h-96 overflow-auto border-t border-neutral-200 bg-neutral-50 p-3 font-mono text-xs">{record.data.sdl}</pre>
        </details>
      )}
    </div>
  );
}

/**
 * A lease accepted from this console but not recorded (the tab closed between inclusion and the save, or the save
 * failed) is recorded from the chain when the page next loads, so its manifest state is tracked again.
 */
function useRecoverLeases(networkId: NetworkId, dseq: string, chainLeases: ChainLease[] | undefined, record: DeploymentRecordDto | undefined) {
  const { mutate, isIdle } = useRecordLeases(networkId, dseq);
  useEffect(() => {
    // once per page load: a failure shows as "Not recorded by this console" and is retried on the next load
    if (!isIdle || !record || !chainLeases) return;
    const missing = chainLeases.filter((l) => isActive(l) && !record.leases.some((r) => r.gseq === l.id.gseq && r.oseq === l.id.oseq));
    if (missing.length > 0) mutate({ txHash: null, leases: missing.map(leaseToRecord) });
  }, [isIdle, mutate, chainLeases, record]);
}
