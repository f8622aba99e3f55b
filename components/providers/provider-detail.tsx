"use client";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useWallet } from "@/components/wallet/wallet-provider";
import { Alert } from "@/components/ui/alert";
import { ErrorMessage } from "@/components/ui/error-message";
import { isAkashAddress } from "@/lib/chain/address";
import { gpusOffered } from "@/lib/market/gpu-attributes";
import { providerQueries } from "@/lib/query/providers";
import { freeNow } from "./provider-directory";
import { RecentBids } from "./recent-bids";

/** One provider: everything the directory knows of it, with its attributes as the chain has them. */
export function ProviderDetail({ owner }: { owner: string }) {
  const { network } = useWallet();
  const valid = isAkashAddress(owner);
  const directory = useQuery({ ...providerQueries.directory(network.id), enabled: valid });
  const back = (
    <Link href="/providers" className="text-sm underline">
      All providers
    </Link>
  );
  if (!valid) return <Alert tone="error" title="Not a provider address">{`"${owner.slice(0, 80)}" is not an akash1… account address.`} {back}</Alert>;
  if (directory.isPending) return <p className="text-sm text-neutral-600">Reading the providers on chain…</p>;
  if (!directory.data) return <ErrorMessage error={directory.error} onRetry={() => void directory.refetch()} />;
  const p = directory.data.providers.find((x) => x.owner === owner);
  if (!p) return <Alert tone="warning" title="No such provider">{`${owner} has no provider record on ${network.chainName}.`} {back}</Alert>;
  const gpus = [...gpusOffered(p.attributes).values()];
  const facts: [string, string][] = [
    ["Address", p.owner],
    ["Host", p.hostUri],
    ["Region", [p.region, p.location].filter(Boolean).join(" · ") || "—"],
    ["Tier", p.tier ?? "—"],
    ["GPUs", gpus.length ? gpus.map((g) => [`${g.vendor} ${g.model}`, ...g.memory, ...g.interfaces].join(" ")).join(", ") : "—"],
    ["Storage classes", p.storageClasses.length ? p.storageClasses.map((c) => (c.persistent ? `${c.name} (persistent)` : c.name)).join(", ") : "—"],
    ["IP leases", p.ipLeases ? "Yes" : "No"],
    ["Audited by", p.auditedBy.length ? p.auditedBy.map((a) => (a.name ? `${a.name} (${a.address})` : a.address)).join(", ") : "Not audited"],
    ["Online", p.online === null ? "Not probed yet" : p.online ? "Online" : `Offline${p.lastError ? ` (${p.lastError})` : ""}`],
    ["Uptime", `${p.uptime24h === null ? "no data" : `${p.uptime24h}%`} over 24 h (${p.probes24h} probe${p.probes24h === 1 ? "" : "s"}), ${p.uptime7d === null ? "no data" : `${p.uptime7d}%`} over 7 days`],
    ["Free now", p.inventory ? `${freeNow(p.inventory)} on ${p.inventory.nodes.length} node${p.inventory.nodes.length > 1 ? "s" : ""}` : "Not reported"],
    ["Active leases", p.activeLeases === null ? "unknown" : String(p.activeLeases)],
    ["Open bids", p.openBids === null ? "unknown" : String(p.openBids)],
  ];
  return (
    <article aria-labelledby="provider-name" className="space-y-4">
      {back}
      <h1 id="provider-name" className="text-xl font-semibold">
        {p.name}
      </h1>
      {p.disagreements.length > 0 && (
        <Alert tone="warning" role="note" title="Its status disagrees with its attributes on chain">
          <ul className="list-disc pl-5">
            {p.disagreements.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </Alert>
      )}
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {facts.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-neutral-600">{k}</dt>
            <dd className="break-all">{v}</dd>
          </div>
        ))}
      </dl>
      <RecentBids bids={p.recentBids} />
      <table className="w-full border-collapse text-sm">
        <caption className="py-2 text-left text-base font-semibold">{`Attributes on chain (${p.attributes.length})`}</caption>
        <thead>
          <tr className="border-b text-left">
            <th scope="col" className="px-2 py-1">Key</th>
            <th scope="col" className="px-2 py-1">Value</th>
          </tr>
        </thead>
        <tbody>
          {p.attributes.map((a, i) => (
            <tr key={`${a.key}#${i}`} className="border-b">
              <td className="px-2 py-1 font-mono text-xs">{a.key}</td>
              <td className="px-2 py-1 font-mono text-xs">{a.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
