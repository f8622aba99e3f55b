/**
 * abci_query with gRPC method paths, as cosmjs's QueryClient and chain-sdk's node transport issue them:
 * protobuf request in, protobuf response out; errors as the gRPC status text cosmos-sdk puts in the log
 * (cosmjs's getAccount looks for "rpc error: code = NotFound").
 */
import type { App } from "./app";
import { akashV1, akashV1beta4, akashV1beta5, b64, cosmos, fromB64, toBigInt, type Codec } from "./codec";
import { ChainError } from "./errors";
import { WIRE } from "./model";
import { oracleAbciRoutes } from "./oracle-queries";
import { Queries, type Page } from "./queries";

export interface AbciQueryResult {
  code: number;
  codespace: string;
  log: string;
  value: Uint8Array;
}

const notFound = (what: string) => new ChainError("sdk", 38, "not found", `rpc error: code = NotFound desc = ${what}`);

function page(p: cosmos.PageRequest | undefined): Page | undefined {
  if (!p) return undefined;
  return {
    key: p.key,
    offset: Number(toBigInt(p.offset)),
    limit: Number(toBigInt(p.limit)),
    countTotal: p.countTotal,
    reverse: p.reverse,
  };
}
const pageResp = (r: { nextKey: Uint8Array | null; total: number }) => ({ nextKey: r.nextKey ?? new Uint8Array(), total: String(r.total) });

/** Converts the eventual `escrowAccount: null` etc. to undefined for fromPartial (bytes and Timestamps kept). */
const clean = (o: unknown): unknown =>
  JSON.parse(
    JSON.stringify(o, function (this: Record<string, unknown>, k, v) {
      const raw = this[k];
      if (raw === null) return undefined;
      if (raw instanceof Uint8Array) return { $u8: b64(raw) };
      if (raw instanceof Date) return { $date: raw.toISOString() };
      return v;
    }),
    (_k, v) => (v && typeof v === "object" && "$u8" in v ? fromB64(v.$u8) : v && typeof v === "object" && "$date" in v ? new Date(v.$date) : v),
  );

type Handler = (req: unknown) => unknown;

/** ids and filters of the deployment and market queries, as decoded */
interface IdFilterLike {
  owner?: string;
  dseq?: { toString(): string } | string | number;
  gseq?: number;
  oseq?: number;
  provider?: string;
  bseq?: number;
  state?: string;
}

export function makeAbciQuery(app: App, simulate: (txBytes: Uint8Array) => unknown, getTx: (hash: string) => unknown) {
  const q = new Queries(app);
  const h = new Map<string, [Codec, Codec, Handler]>();
  const route = <Req>(path: string, req: Codec<Req>, resp: Codec, fn: (r: Req) => unknown) => h.set(path, [req as Codec, resp, fn as Handler]);
  const idF = (f: IdFilterLike | undefined) => ({
    owner: f?.owner,
    dseq: toBigInt(f?.dseq),
    gseq: f?.gseq,
    oseq: f?.oseq,
    provider: f?.provider,
    bseq: f?.bseq,
    state: f?.state,
  });

  route("/cosmos.auth.v1beta1.Query/Account", cosmos.QueryAccountRequest, cosmos.QueryAccountResponse, (r) => {
    const acc = q.account(r.address);
    if (!acc) throw notFound(`account ${r.address} not found: key not found`);
    const pubKey = acc.pubkey
      ? { typeUrl: "/cosmos.crypto.secp256k1.PubKey", value: new Uint8Array([10, 33, ...Buffer.from(acc.pubkey, "base64")]) }
      : undefined;
    const base = cosmos.BaseAccount.encode(
      cosmos.BaseAccount.fromPartial({ address: acc.address, pubKey, accountNumber: String(acc.accountNumber), sequence: String(acc.sequence) }),
    ).finish();
    return { account: { typeUrl: "/cosmos.auth.v1beta1.BaseAccount", value: base } };
  });
  route("/cosmos.bank.v1beta1.Query/Balance", cosmos.QueryBalanceRequest, cosmos.QueryBalanceResponse, (r) => ({
    balance: q.balance(r.address, r.denom),
  }));
  route("/cosmos.bank.v1beta1.Query/AllBalances", cosmos.QueryAllBalancesRequest, cosmos.QueryAllBalancesResponse, (r) => {
    const res = q.allBalances(r.address, page(r.pagination));
    return { balances: res.items, pagination: pageResp(res) };
  });
  route("/cosmos.tx.v1beta1.Service/Simulate", cosmos.SimulateRequest, cosmos.SimulateResponse, (r) => simulate(r.txBytes));
  route("/cosmos.tx.v1beta1.Service/GetTx", cosmos.GetTxRequest, cosmos.GetTxResponse, (r) => getTx(r.hash));

  route("/akash.deployment.v1beta4.Query/Deployments", akashV1beta4.QueryDeploymentsRequest, akashV1beta4.QueryDeploymentsResponse, (r) => {
    const res = q.deployments(WIRE, idF(r.filters), page(r.pagination));
    return { deployments: res.items, pagination: pageResp(res) };
  });
  route("/akash.deployment.v1beta4.Query/Deployment", akashV1beta4.QueryDeploymentRequest, akashV1beta4.QueryDeploymentResponse, (r) => {
    const res = q.deploymentResponse(WIRE, r.id?.owner ?? "", toBigInt(r.id?.dseq));
    if (!res) throw notFound("deployment not found");
    return res;
  });
  route("/akash.deployment.v1beta4.Query/Group", akashV1beta4.QueryGroupRequest, akashV1beta4.QueryGroupResponse, (r) => {
    const g = q.group(WIRE, r.id?.owner ?? "", toBigInt(r.id?.dseq), r.id?.gseq ?? 0);
    if (!g) throw notFound("group not found");
    return { group: g };
  });
  route("/akash.deployment.v1beta4.Query/Params", akashV1beta4.QueryParamsRequest, akashV1beta4.QueryParamsResponse, () => ({
    params: q.deploymentParams(),
  }));
  route("/akash.market.v1beta5.Query/Orders", akashV1beta5.QueryOrdersRequest, akashV1beta5.QueryOrdersResponse, (r) => {
    const res = q.orders(WIRE, idF(r.filters), page(r.pagination));
    return { orders: res.items, pagination: pageResp(res) };
  });
  route("/akash.market.v1beta5.Query/Order", akashV1beta5.QueryOrderRequest, akashV1beta5.QueryOrderResponse, (r) => {
    const o = q.order(WIRE, idF(r.id));
    if (!o) throw notFound("order not found");
    return { order: o };
  });
  route("/akash.market.v1beta5.Query/Bids", akashV1beta5.QueryBidsRequest, akashV1beta5.QueryBidsResponse, (r) => {
    const res = q.bids(WIRE, idF(r.filters), page(r.pagination));
    return { bids: res.items, pagination: pageResp(res) };
  });
  route("/akash.market.v1beta5.Query/Bid", akashV1beta5.QueryBidRequest, akashV1beta5.QueryBidResponse, (r) => {
    const b = q.bid(WIRE, idF(r.id));
    if (!b) throw notFound("bid not found");
    return b;
  });
  route("/akash.market.v1beta5.Query/Leases", akashV1beta5.QueryLeasesRequest, akashV1beta5.QueryLeasesResponse, (r) => {
    const res = q.leases(WIRE, idF(r.filters), page(r.pagination));
    return { leases: res.items, pagination: pageResp(res) };
  });
  route("/akash.market.v1beta5.Query/Lease", akashV1beta5.QueryLeaseRequest, akashV1beta5.QueryLeaseResponse, (r) => {
    const l = q.lease(WIRE, idF(r.id));
    if (!l) throw notFound("lease not found");
    return l;
  });
  route("/akash.market.v1beta5.Query/Params", akashV1beta5.QueryParamsRequest, akashV1beta5.QueryParamsResponse, () => ({
    params: q.marketParams(),
  }));
  route("/akash.escrow.v1.Query/Accounts", akashV1.QueryAccountsRequest, akashV1.QueryAccountsResponse, (r) => {
    const res = q.escrowAccounts(WIRE, r.state, r.xid, page(r.pagination));
    return { accounts: res.items, pagination: pageResp(res) };
  });
  route("/akash.escrow.v1.Query/Payments", akashV1.QueryPaymentsRequest, akashV1.QueryPaymentsResponse, (r) => {
    const res = q.payments(WIRE, r.state, r.xid, page(r.pagination));
    return { payments: res.items, pagination: pageResp(res) };
  });
  route("/akash.cert.v1.Query/Certificates", akashV1.QueryCertificatesRequest, akashV1.QueryCertificatesResponse, (r) => {
    const res = q.certificates(WIRE, r.filter ?? {}, page(r.pagination));
    return { certificates: res.items, pagination: pageResp(res) };
  });
  route("/akash.provider.v1beta4.Query/Providers", akashV1beta4.QueryProvidersRequest, akashV1beta4.QueryProvidersResponse, (r) => {
    const res = q.providers(page(r.pagination));
    return { providers: res.items, pagination: pageResp(res) };
  });
  route("/akash.provider.v1beta4.Query/Provider", akashV1beta4.QueryProviderRequest, akashV1beta4.QueryProviderResponse, (r) => {
    const p = q.provider(r.owner);
    if (!p) throw notFound(`invalid provider: ${r.owner}`);
    return { provider: p };
  });
  const auditResp = (filter: { owner?: string; auditor?: string }, pg?: Page) => {
    const res = q.audits(filter, pg);
    return { providers: res.items, pagination: pageResp(res) };
  };
  route("/akash.audit.v1.Query/AllProvidersAttributes", akashV1.QueryAllProvidersAttributesRequest, akashV1.QueryProvidersResponse, (r) =>
    auditResp({}, page(r.pagination)),
  );
  // x/audit keeper: no record -> ErrProviderNotFound, no pagination; AuditorAttributes ignores the auditor
  const auditFound = (filter: { owner?: string; auditor?: string }) => {
    const res = q.audits(filter);
    if (res.items.length === 0) throw notFound("invalid provider: address not found");
    return { providers: res.items };
  };
  route("/akash.audit.v1.Query/ProviderAttributes", akashV1.QueryProviderAttributesRequest, akashV1.QueryProvidersResponse, (r) => auditFound({ owner: r.owner }));
  route("/akash.audit.v1.Query/ProviderAuditorAttributes", akashV1.QueryProviderAuditorRequest, akashV1.QueryProvidersResponse, (r) =>
    auditFound({ owner: r.owner, auditor: r.auditor }),
  );
  route("/akash.audit.v1.Query/AuditorAttributes", akashV1.QueryAuditorAttributesRequest, akashV1.QueryProvidersResponse, (r) =>
    auditResp({}, page(r.pagination)),
  );

  for (const [path, req, resp, fn] of oracleAbciRoutes(app, notFound)) h.set(path, [req, resp, fn]);

  return function abciQuery(path: string, data: Uint8Array): AbciQueryResult {
    const entry = h.get(path);
    if (!entry) {
      return { code: 6, codespace: "sdk", log: `unknown query path: ${path}: unknown request`, value: new Uint8Array() };
    }
    const [reqCodec, respCodec, fn] = entry;
    try {
      const req = reqCodec.decode(data);
      const resp = fn(req);
      return { code: 0, codespace: "", log: "", value: respCodec.encode(respCodec.fromPartial(clean(resp))).finish() };
    } catch (e) {
      const err = e instanceof ChainError ? e : new ChainError("sdk", 1, "internal", (e as Error).message);
      return { code: err.code, codespace: err.codespace, log: err.message, value: new Uint8Array() };
    }
  };
}
