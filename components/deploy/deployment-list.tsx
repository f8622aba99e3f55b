"use client";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useWallet } from "@/components/wallet/wallet-provider";
import { ErrorMessage } from "@/components/ui/error-message";
import { useRecordUnrecorded } from "@/components/deploy/use-record-unrecorded";
import { deploymentQueries } from "@/lib/query/deployments";
import { denomSymbol, fromBaseUnits } from "@/lib/chain/denom";

const STATE_LABEL: Record<string, string> = {
  creating: "Creating",
  open: "Waiting for bids",
  leased: "Leased",
  closed: "Closed",
  failed: "Failed",
};

/** The deployments this console created for the signed-in wallet on this network. */
export function DeploymentList() {
  const { wallet, sessionAddress, network } = useWallet();
  const list = useQuery({ ...deploymentQueries.list(network.id, sessionAddress ?? ""), enabled: Boolean(sessionAddress) });
  // deployments created here whose record did not reach the server are recorded now, then listed
  useRecordUnrecorded(network, wallet && sessionAddress === wallet.address ? sessionAddress : null);

  if (!wallet || !sessionAddress) {
    return <p className="mt-4 text-neutral-600">Connect and sign in with your wallet to see the deployments you created with this console.</p>;
  }
  if (list.isPending) return <p className="mt-4 text-neutral-500">Loading…</p>;
  if (list.isError) return <ErrorMessage error={list.error} onRetry={() => void list.refetch()} className="mt-4 rounded px-3 py-2" />;
  if (list.data.items.length === 0) {
    return <p className="mt-4 text-neutral-600">No deployments yet. Write an SDL in the <Link className="underline" href="/new">editor</Link> and choose “Review and deploy”.</p>;
  }
  return (
    <table className="mt-4 w-full text-left text-sm">
      <caption className="sr-only">Your deployments on {network.chainName}</caption>
      <thead className="text-neutral-500">
        <tr>
          <th scope="col" className="py-2">Name</th>
          <th scope="col">DSEQ</th>
          <th scope="col">State</th>
          <th scope="col">Deposit</th>
          <th scope="col">Created</th>
        </tr>
      </thead>
      <tbody>
        {list.data.items.map((d) => (
          <tr key={d.dseq} className="border-t border-neutral-200">
            <td className="py-2"><Link className="font-medium hover:underline" href={`/deployments/${d.dseq}`}>{d.name}</Link></td>
            <td className="font-mono">{d.dseq}</td>
            <td>{STATE_LABEL[d.state] ?? d.state}{d.leases.some((l) => l.state === "manifest_pending") ? " · manifest pending" : ""}</td>
            <td>{fromBaseUnits(d.depositAmount, 6)} {denomSymbol(d.depositDenom)}</td>
            <td>{new Date(d.createdAt).toLocaleString()}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
