"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorMessage } from "@/components/ui/error-message";
import { shortAddress } from "@/lib/chain/address";
import { formatAmount } from "@/lib/chain/denom";
import { txLink } from "@/lib/chain/tx-link";
import type { Network } from "@/lib/networks";
import { chainQueries } from "@/lib/query/chain";

const KIND_LABEL = { created: "Created", updated: "Updated", deposit: "Deposit", "lease created": "Lease created", "lease closed": "Lease closed", closed: "Closed" } as const;

function History({ network, owner, dseq }: { network: Network; owner: string; dseq: string }) {
  const history = useQuery(chainQueries.history(network, owner, dseq));
  if (history.isPending) return <p className="p-3 text-neutral-500">Searching the node&apos;s transaction index…</p>;
  if (history.isError) return <ErrorMessage error={history.error} onRetry={() => void history.refetch()} className="m-3" />;
  if (history.data.length === 0) return <p className="p-3 text-neutral-600">The node&apos;s index has no transaction of this deployment (a pruned node keeps only recent ones).</p>;
  return (
    <table className="w-full text-left">
      <caption className="sr-only">Transactions of deployment {dseq}</caption>
      <thead className="text-neutral-500">
        <tr>
          <th scope="col" className="px-3 py-1">Height</th>
          <th scope="col" className="pr-3">What</th>
          <th scope="col" className="pr-3">Detail</th>
          <th scope="col">Transaction</th>
        </tr>
      </thead>
      <tbody>
        {history.data.map((h) => (
          <tr key={`${h.hash}-${h.kind}-${h.detail}`} className="border-t border-neutral-200">
            <td className="px-3 py-1 font-mono text-xs">{h.height}</td>
            <td className="pr-3">{KIND_LABEL[h.kind]}</td>
            <td className="pr-3 text-xs">
              {h.kind === "deposit" && h.detail ? formatAmount({ denom: h.detail.split(" ")[1]!, amount: h.detail.split(" ")[0]! }) : h.detail ? shortAddress(h.detail) : ""}
            </td>
            <td className="font-mono text-xs">
              <a href={txLink(network, h.hash)} target="_blank" rel="noopener noreferrer" className="underline">
                {h.hash.slice(0, 12)}…
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The deployment's transactions (create, update, deposits, leases, close), read when the section is opened. */
export function TxHistory({ network, owner, dseq }: { network: Network; owner: string; dseq: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="rounded border border-neutral-200 text-sm" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer px-3 py-1.5">Transaction history</summary>
      {open && <History network={network} owner={owner} dseq={dseq} />}
    </details>
  );
}
