"use client";
import Link from "next/link";
import { useMutationState, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { closeMutationKey } from "@/components/deploy/close-mutation-key";
import { useRecordUnrecorded } from "@/components/deploy/use-record-unrecorded";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { useWallet } from "@/components/wallet/wallet-provider";
import { deploymentKeys, deploymentQueries, type OverviewParams } from "@/lib/query/deployments";
import { subscribeNewBlocks } from "@/lib/wallet/new-blocks";
import { DeploymentRows } from "./deployment-rows";
import { RecordsTransfer } from "./records-transfer";
import { useAktPrice } from "@/components/market/use-akt-price";

/**
 * The signed-in owner's deployments as the chain has them (created here or elsewhere), one page at a time, with
 * state filter, order and search done by the console's server; the visible page is read again on every new block.
 */
export function DeploymentsBrowser() {
  const { wallet, sessionAddress, network } = useWallet();
  const owner = sessionAddress ?? "";
  const [params, setParams] = useState<OverviewParams>({ page: 1, state: "all", q: "", order: "newest" });
  const [search, setSearch] = useState("");
  const queryClient = useQueryClient();
  const akt = useAktPrice(network);
  // closes still on their way to a block (signed on a deployment page, the console left open)
  const closing = new Set(
    useMutationState({ filters: { mutationKey: closeMutationKey(network.id), status: "pending" }, select: (m) => String(m.options.mutationKey?.[2] ?? "") }),
  );
  const overview = useQuery({ ...deploymentQueries.overview(network.id, owner, params), enabled: Boolean(sessionAddress) });
  // deployments created here whose record did not reach the server are recorded now, then listed
  useRecordUnrecorded(network, wallet && sessionAddress === wallet.address ? sessionAddress : null);

  useEffect(() => {
    if (!sessionAddress) return;
    return subscribeNewBlocks(network.rpcUrl, {
      onBlock: () => void queryClient.invalidateQueries({ queryKey: deploymentKeys.overviews(network.id, sessionAddress) }),
    });
  }, [network.id, network.rpcUrl, sessionAddress, queryClient]);

  if (!wallet || !sessionAddress) {
    return <p className="mt-4 text-neutral-600">Connect and sign in with your wallet to see your deployments.</p>;
  }
  const set = (patch: Partial<OverviewParams>) => setParams((p) => ({ ...p, page: 1, ...patch }));
  const data = overview.data;
  const pages = data?.total ? Math.max(1, Math.ceil(data.total / data.pageSize)) : null;

  return (
    <div className="mt-4 space-y-2">
      <RecordsTransfer />
      <form
        role="search"
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          set({ q: search.trim() });
        }}
      >
        <Field label="Search deployments" description="a name, an image, a dseq or a provider address">
          {(props) => <Input {...props} type="search" value={search} onChange={(e) => setSearch(e.target.value)} className="w-72" />}
        </Field>
        <Button type="submit">Search</Button>
        <Field label="State">
          {(props) => (
            <Select {...props} value={params.state} onChange={(e) => set({ state: e.target.value as OverviewParams["state"] })}>
              <option value="all">All</option>
              <option value="active">Active</option>
              <option value="closed">Closed</option>
            </Select>
          )}
        </Field>
        <Field label="Order">
          {(props) => (
            <Select {...props} value={params.order} onChange={(e) => set({ order: e.target.value as OverviewParams["order"] })}>
              <option value="newest">Newest first</option>
              <option value="oldest">Oldest first</option>
            </Select>
          )}
        </Field>
      </form>
      {overview.isError && <ErrorMessage error={overview.error} onRetry={() => void overview.refetch()} />}
      {overview.isPending && <p className="text-neutral-500">Loading your deployments from the chain…</p>}
      {data && data.rows.length === 0 && (
        <p className="text-neutral-600">
          {params.q || params.state !== "all" ? "No deployment matches." : <>No deployments yet. Write an SDL in the <Link className="underline" href="/new">editor</Link> and choose “Review and deploy”.</>}
        </p>
      )}
      {data && data.rows.length > 0 && <DeploymentRows rows={data.rows} network={network} aktUsd={akt.usd} closing={closing} />}
      {data && (pages ?? 1) > 1 && (
        <nav aria-label="Pages" className="flex items-center gap-3 text-sm">
          <Button size="sm" disabled={params.page <= 1} onClick={() => setParams((p) => ({ ...p, page: p.page - 1 }))}>
            Previous
          </Button>
          <span>
            Page {params.page} of {pages} · {data.total} deployments
          </span>
          <Button size="sm" disabled={pages !== null && params.page >= pages} onClick={() => setParams((p) => ({ ...p, page: p.page + 1 }))}>
            Next
          </Button>
        </nav>
      )}
    </div>
  );
}
