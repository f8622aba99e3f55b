import "server-only";
import type { RestClient } from "@/lib/chain/rest";
import type { ChainDeployment } from "@/lib/chain/rest-schemas";
import { isAkashAddress } from "@/lib/chain/address";
import type { DeploymentsRepository } from "@/lib/db/deployments";
import { joinDeployment, type DeploymentRow } from "@/lib/deploy/list-join";
import { OVERVIEW_PAGE_SIZE, SEARCH_LIMIT, type OverviewQuery } from "@/lib/deploy/overview-query";

export interface Overview {
  rows: DeploymentRow[];
  /** deployments matching the filter and search; null when the node does not count */
  total: number | null;
  page: number;
  pageSize: number;
  height: number | null;
}

interface Deps {
  rest: Pick<RestClient, "deployments" | "deployment" | "leases">;
  records: Pick<DeploymentsRepository, "summaries" | "searchDseqs">;
  owner: string;
  network: { id: string; averageBlockTimeSeconds: number };
}

const byDseq = (order: OverviewQuery["order"]) => (a: string, b: string) => {
  const d = BigInt(a) - BigInt(b);
  const asc = d < 0n ? -1 : d > 0n ? 1 : 0;
  return order === "newest" ? -asc : asc;
};

/**
 * One page of the owner's deployments, read from the chain and joined with this console's records. Without a search
 * the chain pages itself (offset, newest first), so the first page costs the same for 5 deployments or 5,000. A
 * search names a dseq, a provider (its leases of this owner) or text in this console's records (name, SDL: images,
 * env); at most SEARCH_LIMIT matches are read from the chain.
 */
export async function deploymentOverview(deps: Deps, query: OverviewQuery): Promise<Overview> {
  const { rest, owner } = deps;
  const pageSize = OVERVIEW_PAGE_SIZE;
  const stateFilter = query.state === "all" ? undefined : query.state;
  let page: ChainDeployment[];
  let total: number | null;
  let height: number | null = null;

  if (!query.q) {
    const res = await rest.deployments(owner, { state: stateFilter, pagination: { limit: pageSize, offset: (query.page - 1) * pageSize, reverse: query.order === "newest", countTotal: true } });
    page = res.items;
    total = res.total === null ? null : Number(res.total);
    height = res.height ?? null;
  } else {
    const dseqs = await searchDseqs(deps, query.q);
    const answers = await Promise.all(dseqs.map((d) => rest.deployment(owner, d)));
    const found: ChainDeployment[] = answers.filter((d) => d !== null);
    height = answers.find((d) => d?.height)?.height ?? null;
    const matching = found.filter((d) => !stateFilter || d.state === stateFilter).sort((a, b) => byDseq(query.order)(a.id.dseq, b.id.dseq));
    total = matching.length;
    page = matching.slice((query.page - 1) * pageSize, query.page * pageSize);
  }

  const dseqs = page.map((d) => d.id.dseq);
  const [records, leases] = await Promise.all([deps.records.summaries(owner, deps.network.id, dseqs), Promise.all(dseqs.map((dseq) => rest.leases({ owner, dseq })))]);
  const ctx = { height, averageBlockTimeSeconds: deps.network.averageBlockTimeSeconds };
  const rows = page.map((d, i) => joinDeployment(d, records.find((r) => r.dseq === d.id.dseq), leases[i]!, ctx));
  return { rows, total, page: query.page, pageSize, height };
}

async function searchDseqs(deps: Deps, q: string): Promise<string[]> {
  if (/^\d{1,20}$/.test(q)) return [q];
  if (isAkashAddress(q)) {
    const leases = await deps.rest.leases({ owner: deps.owner, provider: q });
    return [...new Set(leases.map((l) => l.id.dseq))].slice(0, SEARCH_LIMIT);
  }
  return deps.records.searchDseqs(deps.owner, deps.network.id, q, SEARCH_LIMIT);
}
