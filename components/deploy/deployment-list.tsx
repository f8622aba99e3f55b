"use client";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useWallet } from "@/components/wallet/wallet-provider";
import { deploymentsApi } from "@/lib/deploy/api-client";
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
  const list = useQuery({
    queryKey: ["deployments", network.id, sessionAddress, "list"],
    queryFn: () => deploymentsApi.list(),
    enabled: Boolean(sessionAddress),
  });

  if (!wallet || !sessionAddress) {
    return <p className="mt-4 text-neutral-600">Connect and sign in with your wallet to see the deployments you created with this console.</p>;
  }
  if (list.isPending) return <p className="mt-4 text-neutral-500">Loading…</p>;
  if (list.isError) return <p role="alert" className="mt-4 rounded bg-red-50 px-3 py-2 text-red-800">{list.error.message}</p>;
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
