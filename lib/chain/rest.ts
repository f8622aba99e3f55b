import { z } from "zod";
import { AppError, type AppErrorCode } from "@/lib/errors/app-error";
import * as S from "@/lib/chain/rest-schemas";

/**
 * Typed queries on a Cosmos REST (grpc-gateway) endpoint of an Akash node. Every answer goes through a zod
 * schema (lib/chain/rest-schemas.ts): a node is a trust boundary, and a bid table fed an unexpected shape must
 * fail loudly with the endpoint's name rather than render "undefined uakt". Paths are chain-sdk's httpPath
 * annotations (deployment v1beta4, market v1beta5, escrow v1, provider v1beta4, audit v1).
 */

export interface PageRequest {
  /** opaque next_key of the previous page */
  key?: string | null;
  /** skip this many items (instead of a key): a numbered page */
  offset?: number;
  limit?: number;
  reverse?: boolean;
  countTotal?: boolean;
}

export interface Page<T> {
  items: T[];
  nextKey: string | null;
  /** only when countTotal was asked (int64 as a string) */
  total: string | null;
  /** the height the node answered at, when it says */
  height?: number | null;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface RestClientOptions {
  /** per request; a node that accepts the connection and never answers must not hang the bid table */
  timeoutMs?: number;
}

export type RestFailure = "unreachable" | "timeout" | "http" | "shape";

const DEFAULT_TIMEOUT_MS = 10_000;
const PAGE_LIMIT = 100;
/** 100 pages of 100: far beyond one owner's bids or one provider's audits; stops a node that loops on next_key */
const MAX_PAGES = 100;

type Query = Record<string, string | number | boolean | null | undefined>;

export function createRestClient(restUrl: string, fetchImpl: typeof fetch = fetch, options: RestClientOptions = {}) {
  const base = restUrl.replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function get<T extends z.ZodType>(endpoint: string, path: string, query: Query, schema: T, call?: CallOptions & { allow404?: false }): Promise<{ data: z.output<T>; height: number | null }>;
  async function get<T extends z.ZodType>(endpoint: string, path: string, query: Query, schema: T, call: CallOptions & { allow404: true }): Promise<{ data: z.output<T>; height: number | null } | null>;
  async function get<T extends z.ZodType>(endpoint: string, path: string, query: Query, schema: T, call: CallOptions & { allow404?: boolean } = {}) {
    const url = new URL(base + path);
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== "") url.searchParams.set(k, String(v));
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
    let res: Response;
    try {
      res = await fetchImpl(url, { signal, headers: { accept: "application/json" } });
    } catch (err) {
      if (call.signal?.aborted) throw call.signal.reason ?? err;
      const timedOut = timeout.aborted;
      throw restError(endpoint, url, timedOut ? "timeout" : "unreachable", timedOut ? `no answer within ${timeoutMs / 1000} s` : describeNetworkError(err), { cause: err });
    }
    if (res.status === 404 && call.allow404) return null;
    const text = await res.text().catch(() => "");
    if (!res.ok) {
      throw restError(endpoint, url, "http", `HTTP ${res.status}${gatewayMessage(text)}`, { status: res.status });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw restError(endpoint, url, "shape", "the answer is not JSON", { cause: err });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw restError(endpoint, url, "shape", `unexpected answer at ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}`, {
        issues: parsed.error.issues.slice(0, 5).map((i) => ({ path: i.path.join("."), message: i.message })),
      });
    }
    // cosmos-sdk's gateway reports the height it answered at; absent on some proxies, so it is optional
    const h = Number(res.headers.get("grpc-metadata-x-cosmos-block-height") ?? res.headers.get("x-cosmos-block-height") ?? NaN);
    return { data: parsed.data as z.output<T>, height: Number.isFinite(h) && h > 0 ? h : null };
  }

  function pageQuery(p: PageRequest = {}): Query {
    return {
      "pagination.key": p.key ?? undefined,
      "pagination.offset": p.offset || undefined,
      "pagination.limit": p.limit ?? PAGE_LIMIT,
      "pagination.reverse": p.reverse || undefined,
      "pagination.count_total": p.countTotal || undefined,
    };
  }

  /** Follows next_key until the last page; the height is the first page's (the lists are read within one block or two). */
  async function all<T>(fetchPage: (key: string | null) => Promise<{ items: T[]; nextKey: string | null; height: number | null }>, maxPages = MAX_PAGES) {
    const items: T[] = [];
    let key: string | null = null;
    let height: number | null = null;
    for (let i = 0; i < maxPages; i++) {
      const page = await fetchPage(key);
      height ??= page.height;
      items.push(...page.items);
      if (!page.nextKey || page.nextKey === key) return { items, height };
      key = page.nextKey;
    }
    return { items, height };
  }

  const bidsAt = (f: { owner: string; dseq: string; gseq?: number; state?: string }, call?: CallOptions) =>
    all(async (key) => {
      const q = { "filters.owner": f.owner, "filters.dseq": f.dseq, "filters.gseq": f.gseq, "filters.state": f.state, ...pageQuery({ key }) };
      const { data, height } = await get("market bids list", "/akash/market/v1beta5/bids/list", q, S.bidsResponse, call);
      return { items: data.bids, nextKey: data.pagination.nextKey, height };
    });

  return {
    restUrl: base,

    async balances(address: string, call?: CallOptions): Promise<S.Coin[]> {
      const r = await all(async (key) => {
        const { data, height } = await get("bank balances", `/cosmos/bank/v1beta1/balances/${encodeURIComponent(address)}`, pageQuery({ key }), S.balancesResponse, call);
        return { items: data.balances, nextKey: data.pagination.nextKey, height };
      });
      return r.items;
    },

    async deploymentParams(call?: CallOptions): Promise<S.DeploymentParams> {
      return (await get("deployment params", "/akash/deployment/v1beta4/params", {}, S.deploymentParamsResponse, call)).data;
    },

    async marketParams(call?: CallOptions): Promise<S.MarketParams> {
      return (await get("market params", "/akash/market/v1beta5/params", {}, S.marketParamsResponse, call)).data;
    },

    /** AKT in USD from the chain's oracle (the price the BME mint uses); null when the chain has none */
    async aktPrice(call?: CallOptions): Promise<S.OraclePrice | null> {
      const r = await get("oracle price", "/akash/oracle/v1/aggregated_price/akt", {}, S.aggregatedPriceResponse, { ...call, allow404: true });
      return r?.data ?? null;
    },

    /** null when the chain has no such deployment; `height`: the one the node answered at, when it says */
    async deployment(owner: string, dseq: string, call?: CallOptions): Promise<(S.ChainDeployment & { height: number | null }) | null> {
      const q = { "id.owner": owner, "id.dseq": dseq };
      const r = await get("deployment info", "/akash/deployment/v1beta4/deployments/info", q, S.deploymentResponseSchema, { ...call, allow404: true });
      return r ? { ...r.data, height: r.height } : null;
    },

    async deployments(owner: string, opts: { state?: string; pagination?: PageRequest } = {}, call?: CallOptions): Promise<Page<S.ChainDeployment>> {
      const q = { "filters.owner": owner, "filters.state": opts.state, ...pageQuery(opts.pagination) };
      const { data, height } = await get("deployments list", "/akash/deployment/v1beta4/deployments/list", q, S.deploymentsResponse, call);
      return { items: data.deployments, ...data.pagination, height };
    },

    async orders(f: { owner: string; dseq: string; state?: string }, call?: CallOptions): Promise<S.ChainOrder[]> {
      const r = await all(async (key) => {
        const q = { "filters.owner": f.owner, "filters.dseq": f.dseq, "filters.state": f.state, ...pageQuery({ key }) };
        const { data, height } = await get("market orders list", "/akash/market/v1beta5/orders/list", q, S.ordersResponse, call);
        return { items: data.orders, nextKey: data.pagination.nextKey, height };
      });
      return r.items;
    },

    /** active leases of every owner, up to `limit` (one page): what each provider runs now, for the directory */
    async activeLeases(limit = 5000, call?: CallOptions): Promise<S.ChainLease[]> {
      const { data } = await get("market leases list", "/akash/market/v1beta5/leases/list", { "filters.state": "active", ...pageQuery({ limit }) }, S.leasesResponse, call);
      return data.leases;
    },

    /**
     * every bid in one state, every owner, `pageSize` a page up to `pages` pages (open: the market's asking prices;
     * active: what providers settled at): for the console server, which reads them once for every browser
     */
    async bidsInState(state: "open" | "active", bound: { pages?: number; pageSize?: number } = {}, call?: CallOptions): Promise<S.ChainBid[]> {
      const { pages = 10, pageSize = 1000 } = bound;
      const r = await all(async (key) => {
        const q = { "filters.state": state, ...pageQuery({ key, limit: pageSize }) };
        const { data, height } = await get("market bids list", "/akash/market/v1beta5/bids/list", q, S.bidsResponse, call);
        return { items: data.bids, nextKey: data.pagination.nextKey, height };
      }, pages);
      return r.items;
    },

    async bids(f: { owner: string; dseq: string; gseq?: number; state?: string }, call?: CallOptions): Promise<S.ChainBid[]> {
      return (await bidsAt(f, call)).items;
    },

    /** bids plus the height the node answered at (null when the node does not say) */
    async bidsWithHeight(f: { owner: string; dseq: string; gseq?: number; state?: string }, call?: CallOptions) {
      const r = await bidsAt(f, call);
      return { bids: r.items, height: r.height };
    },

    async leases(f: { owner: string; dseq?: string; provider?: string; state?: string }, call?: CallOptions): Promise<S.ChainLease[]> {
      const r = await all(async (key) => {
        const q = { "filters.owner": f.owner, "filters.dseq": f.dseq, "filters.provider": f.provider, "filters.state": f.state, ...pageQuery({ key }) };
        const { data, height } = await get("market leases list", "/akash/market/v1beta5/leases/list", q, S.leasesResponse, call);
        return { items: data.leases, nextKey: data.pagination.nextKey, height };
      });
      return r.items;
    },

    /** one lease by its full id but bseq (a lease per order and provider); null when the chain has none */
    async lease(id: { owner: string; dseq: string; gseq: number; oseq: number; provider: string }, call?: CallOptions): Promise<S.ChainLease | null> {
      const q = { "filters.owner": id.owner, "filters.dseq": id.dseq, "filters.gseq": id.gseq, "filters.oseq": id.oseq, "filters.provider": id.provider, ...pageQuery({ limit: 10 }) };
      const { data } = await get("market lease", "/akash/market/v1beta5/leases/list", q, S.leasesResponse, call);
      const l = data.leases.find((x) => x.id.owner === id.owner && x.id.dseq === id.dseq && x.id.gseq === id.gseq && x.id.oseq === id.oseq && x.id.provider === id.provider);
      return l ?? null;
    },

    /** an owner's certificates (cert v1), optionally one serial; every state unless `state` is given */
    async certificates(f: { owner: string; serial?: string; state?: "valid" | "revoked" }, call?: CallOptions): Promise<S.ChainCertificate[]> {
      const r = await all(async (key) => {
        const q = { "filter.owner": f.owner, "filter.serial": f.serial, "filter.state": f.state, ...pageQuery({ key }) };
        const { data, height } = await get("certificates", "/akash/cert/v1/certificates/list", q, S.certificatesResponse, call);
        return { items: data.certificates, nextKey: data.pagination.nextKey, height };
      });
      return r.items;
    },

    /** null when no provider is registered under this address */
    async provider(owner: string, call?: CallOptions): Promise<S.ChainProvider | null> {
      const r = await get("provider", `/akash/provider/v1beta4/providers/${encodeURIComponent(owner)}`, {}, S.providerResponse, { ...call, allow404: true });
      return r?.data.provider ?? null;
    },

    async providers(call?: CallOptions): Promise<S.ChainProvider[]> {
      const r = await all(async (key) => {
        const { data, height } = await get("providers list", "/akash/provider/v1beta4/providers", pageQuery({ key }), S.providersResponse, call);
        return { items: data.providers, nextKey: data.pagination.nextKey, height };
      });
      return r.items;
    },

    /** every auditor's signed attributes for this provider (empty when nobody audited it) */
    async auditedAttributes(owner: string, call?: CallOptions): Promise<S.AuditedAttributes[]> {
      const r = await all(async (key) => {
        const path = `/akash/audit/v1/audit/attributes/${encodeURIComponent(owner)}/list`;
        const res = await get("audited attributes", path, pageQuery({ key }), S.auditsResponse, { ...call, allow404: true });
        return { items: res?.data.providers ?? [], nextKey: res?.data.pagination.nextKey ?? null, height: res?.height ?? null };
      });
      return r.items;
    },

    /** every audit record on chain (one paginated list: cheaper than one query per provider for a directory) */
    async allAuditedAttributes(call?: CallOptions): Promise<S.AuditedAttributes[]> {
      const r = await all(async (key) => {
        const { data, height } = await get("audited attributes list", "/akash/audit/v1/audit/attributes/list", pageQuery({ key }), S.auditsResponse, call);
        return { items: data.providers, nextKey: data.pagination.nextKey, height };
      });
      return r.items;
    },

    /** the deployment's escrow account (scope deployment, xid "<owner>/<dseq>"); null when there is none */
    async escrowAccount(owner: string, dseq: string, call?: CallOptions): Promise<S.ChainEscrowAccount | null> {
      const xid = `${owner}/${dseq}`;
      const { data } = await get("escrow accounts", "/akash/escrow/v1/types/accounts", { xid, scope: "deployment", ...pageQuery({ limit: 10 }) }, S.escrowAccountsResponse, call);
      return data.accounts.find((a) => a.xid === xid && a.scope === "deployment") ?? null;
    },
  };
}

export type RestClient = ReturnType<typeof createRestClient>;

function restError(endpoint: string, url: URL, kind: RestFailure, why: string, extra: { cause?: unknown; status?: number; issues?: unknown } = {}): AppError {
  const where = `${url.origin}${url.pathname}`;
  const next =
    kind === "shape"
      ? "The node may run another chain version than the console expects; try another REST endpoint."
      : kind === "http" && extra.status !== undefined && extra.status < 500
        ? "The request was refused; check the address and the network."
        : "Check the network's REST URL or try again in a moment.";
  const what = kind === "unreachable" ? "could not be reached" : kind === "timeout" ? "timed out" : kind === "http" ? "failed" : "answered something unexpected";
  return new AppError(restErrorCode(kind, extra.status), `The chain's ${endpoint} query ${what} (${where}): ${why}. ${next}`, {
    cause: extra.cause,
    details: { endpoint, url: where, failure: kind, status: extra.status, issues: extra.issues },
  });
}

/** A proxy's 502-504 means the node behind it is down: the same next step as a node that does not answer. */
function restErrorCode(kind: RestFailure, status: number | undefined): AppErrorCode {
  if (kind === "unreachable" || (kind === "http" && status !== undefined && status >= 502 && status <= 504)) return "chain.unreachable";
  if (kind === "timeout") return "chain.query_timeout";
  return "chain.unexpected_response";
}

function describeNetworkError(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}

/** grpc-gateway error bodies are { code, message, details }; only the message is worth showing */
function gatewayMessage(text: string): string {
  try {
    const m = (JSON.parse(text) as { message?: unknown }).message;
    return typeof m === "string" && m ? `: ${m.slice(0, 300)}` : "";
  } catch {
    return "";
  }
}
