import { decodeTxRaw, type Registry } from "@cosmjs/proto-signing";
import type { IndexedTx } from "@cosmjs/stargate";
import { TYPE_URLS } from "@/lib/chain/registry";

/**
 * A deployment's transactions, from the node's transaction index (CometBFT tx_search) by the events each one
 * emitted: created, updated, leases created and closed, closed; deposits by the message that made them (the escrow
 * module emits no typed event for a deposit), kept when the message names this deployment's escrow account.
 */
export type HistoryKind = "created" | "updated" | "deposit" | "lease created" | "lease closed" | "closed";

export interface HistoryEntry {
  kind: HistoryKind;
  height: number;
  hash: string;
  /** a short fact: the deposit's amount, the lease's provider */
  detail: string | null;
}

const byEvent: [HistoryKind, string][] = [
  ["created", "akash.deployment.v1.EventDeploymentCreated"],
  ["updated", "akash.deployment.v1.EventDeploymentUpdated"],
  ["closed", "akash.deployment.v1.EventDeploymentClosed"],
  ["lease created", "akash.market.v1.EventLeaseCreated"],
  ["lease closed", "akash.market.v1.EventLeaseClosed"],
];

const KIND_ORDER: HistoryKind[] = ["created", "lease created", "deposit", "updated", "lease closed", "closed"];

/** the ids of typed events are proto-JSON with owner first, then dseq (strings quoted) */
const idMatch = (owner: string, dseq: string) => `"owner":"${owner}","dseq":"${dseq}"`;

function providerOf(tx: IndexedTx, eventType: string, owner: string, dseq: string): string | null {
  for (const e of tx.events.filter((x) => x.type === eventType)) {
    const id = e.attributes.find((a) => a.key === "id")?.value ?? "";
    if (!id.includes(idMatch(owner, dseq))) continue;
    const provider = /"provider":"(akash1[0-9a-z]+)"/.exec(id)?.[1];
    if (provider) return provider;
  }
  return null;
}

export async function deploymentHistory(
  search: (query: string) => Promise<readonly IndexedTx[]>,
  registry: Registry,
  owner: string,
  dseq: string,
): Promise<HistoryEntry[]> {
  const withEvents = byEvent.map(async ([kind, type]) =>
    (await search(`${type}.id CONTAINS '${idMatch(owner, dseq)}'`)).map((tx): HistoryEntry => ({
      kind,
      height: tx.height,
      hash: tx.hash,
      detail: kind.startsWith("lease") ? providerOf(tx, type, owner, dseq) : null,
    })),
  );
  const deposits = search(`message.action='${TYPE_URLS.accountDeposit}' AND message.sender='${owner}'`).then((txs) =>
    txs.flatMap((tx): HistoryEntry[] => {
      const msgs = decodeTxRaw(tx.tx).body.messages.filter((m) => m.typeUrl === TYPE_URLS.accountDeposit);
      return msgs
        .map((m) => registry.decode(m) as { id?: { xid?: string }; deposit?: { amount?: { denom: string; amount: string } } })
        .filter((m) => m.id?.xid === `${owner}/${dseq}`)
        .map((m) => ({ kind: "deposit", height: tx.height, hash: tx.hash, detail: m.deposit?.amount ? `${m.deposit.amount.amount} ${m.deposit.amount.denom}` : null }));
    }),
  );
  const all = (await Promise.all([...withEvents, deposits])).flat();
  const seen = new Set<string>();
  return all
    // within one transaction (a close ends the leases, then the deployment), in the order the chain does it
    .sort((a, b) => a.height - b.height || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind))
    .filter((e) => {
      const key = `${e.hash}:${e.kind}:${e.detail}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
