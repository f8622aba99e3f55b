/**
 * Cosmos REST (grpc-gateway paths and JSON: snake_case, int64 as strings, enums as names, defaults
 * emitted), the devnet faucet, and open CORS (a local devnet serves whatever origin the console runs on).
 */
import http from "node:http";
import { fromBech32 } from "@cosmjs/encoding";
import { z } from "zod";
import type { App } from "./app";
import { b64, fromB64, toBigInt } from "./codec";
import { txHash } from "./blocks";
import { ChainError, sdkErr } from "./errors";
import { REST } from "./model";
import { Queries, type IdFilters, type Page, type PageResult } from "./queries";
import { snakeKeys, txJson, txResponseJson } from "./txview";
import { headerJson } from "./rpc/views";
import { oracleRestRoutes } from "./oracle-queries";
import { HttpError, notFound } from "./rest-error";

export interface RestDeps {
  app: App;
  faucet(address: string): Promise<{ txHash: string; code: number; rawLog: string }>;
  simulate(txBytes: Uint8Array): { gasUsed: number; events: unknown[]; data: string };
  validatorAddress: string;
}

const toJson = (v: unknown): unknown => {
  if (typeof v === "bigint") return v.toString();
  if (v instanceof Uint8Array) return b64(v);
  if (Array.isArray(v)) return v.map(toJson);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toJson(x)]));
  return v;
};
const out = (v: unknown) => snakeKeys(toJson(v));

function pageFrom(sp: URLSearchParams): Page {
  const key = sp.get("pagination.key");
  return {
    key: key ? fromB64(key) : undefined,
    offset: sp.has("pagination.offset") ? Number(sp.get("pagination.offset")) : undefined,
    limit: sp.has("pagination.limit") ? Number(sp.get("pagination.limit")) : undefined,
    countTotal: sp.get("pagination.count_total") === "true",
    reverse: sp.get("pagination.reverse") === "true",
  };
}
const pageJson = (r: PageResult<unknown>) => ({ next_key: r.nextKey ? b64(r.nextKey) : null, total: String(r.total) });

function idFilters(sp: URLSearchParams, prefix: string): IdFilters {
  const num = (k: string) => (sp.has(`${prefix}.${k}`) ? Number(sp.get(`${prefix}.${k}`)) : undefined);
  return {
    owner: sp.get(`${prefix}.owner`) ?? undefined,
    dseq: sp.has(`${prefix}.dseq`) ? toBigInt(sp.get(`${prefix}.dseq`) || "0") : undefined,
    gseq: num("gseq"),
    oseq: num("oseq"),
    provider: sp.get(`${prefix}.provider`) ?? undefined,
    bseq: num("bseq"),
    state: sp.get(`${prefix}.state`) ?? undefined,
  };
}

const faucetBody = z.object({
  address: z.string().refine((a) => {
    try {
      return fromBech32(a).prefix === "akash" && fromBech32(a).data.length === 20;
    } catch {
      return false;
    }
  }, "must be a bech32 akash1... account address"),
});
const broadcastBody = z.object({ tx_bytes: z.string().min(1), mode: z.string().optional() });
const simulateBody = z.object({ tx_bytes: z.string().min(1) });

type Route = (m: RegExpMatchArray, sp: URLSearchParams, body: unknown) => unknown | Promise<unknown>;

/** the header cosmos-sdk's grpc-gateway answers with (metadata x-cosmos-block-height) */
const HEIGHT_HEADER = "Grpc-Metadata-X-Cosmos-Block-Height";

export function makeRestHandler(deps: RestDeps) {
  const { app } = deps;
  const q = new Queries(app);
  const get: [RegExp, Route][] = [];
  const post: [RegExp, Route][] = [];
  const G = (re: RegExp, fn: Route) => get.push([re, fn]);
  const P = (re: RegExp, fn: Route) => post.push([re, fn]);
  const addr = "(akash1[0-9a-z]+)";

  G(new RegExp(`^/cosmos/auth/v1beta1/accounts/${addr}$`), (m) => {
    const acc = q.account(m[1]!);
    if (!acc) throw notFound(`account ${m[1]} not found`);
    return {
      account: {
        "@type": "/cosmos.auth.v1beta1.BaseAccount",
        address: acc.address,
        pub_key: acc.pubkey ? { "@type": "/cosmos.crypto.secp256k1.PubKey", key: acc.pubkey } : null,
        account_number: String(acc.accountNumber),
        sequence: String(acc.sequence),
      },
    };
  });
  G(new RegExp(`^/cosmos/bank/v1beta1/balances/${addr}$`), (m, sp) => {
    const r = q.allBalances(m[1]!, pageFrom(sp));
    return { balances: r.items, pagination: pageJson(r) };
  });
  G(new RegExp(`^/cosmos/bank/v1beta1/balances/${addr}/by_denom$`), (m, sp) => ({ balance: q.balance(m[1]!, sp.get("denom") ?? "") }));
  G(/^\/cosmos\/base\/tendermint\/v1beta1\/blocks\/(latest|\d+)$/, (m) => {
    const b = m[1] === "latest" ? app.latestBlock()! : app.blocks[Number(m[1]) - 1];
    if (!b) throw notFound(`block ${m[1]} not found`);
    const header = headerJson(app, b, deps.validatorAddress);
    const hex2b64 = (h: string) => (h ? Buffer.from(h, "hex").toString("base64") : "");
    const hdr: Record<string, unknown> = Object.fromEntries(Object.entries(header).map(([k, v]) => [k, typeof v === "string" && /_hash$|proposer_address/.test(k) ? hex2b64(v) : v]));
    hdr.last_block_id = { hash: hex2b64(b.lastBlockHash), part_set_header: { total: b.lastBlockHash ? 1 : 0, hash: hex2b64(b.lastBlockHash) } };
    const block = { header: hdr, data: { txs: b.txs }, evidence: { evidence: [] }, last_commit: null };
    return { block_id: { hash: hex2b64(b.hash), part_set_header: { total: 1, hash: hex2b64(b.hash) } }, block, sdk_block: block };
  });
  G(/^\/cosmos\/base\/tendermint\/v1beta1\/node_info$/, () => ({
    default_node_info: { network: app.chainId, version: "0.38.17", moniker: "akash-devnet" },
    application_version: { name: "akash", app_name: "akash", version: "v1.0.0-devnet", cosmos_sdk_version: "v0.50" },
  }));
  G(/^\/cosmos\/tx\/v1beta1\/txs\/([0-9A-Fa-f]{64})$/, (m) => {
    const t = app.txIndex.get(m[1]!.toUpperCase());
    if (!t) throw notFound(`tx not found: ${m[1]}`);
    return { tx: txJson(t), tx_response: txResponseJson(app, t) };
  });

  // akash deployment v1beta4
  G(/^\/akash\/deployment\/v1beta4\/deployments\/list$/, (_m, sp) => {
    const r = q.deployments(REST, idFilters(sp, "filters"), pageFrom(sp));
    return { deployments: out(r.items), pagination: pageJson(r) };
  });
  G(/^\/akash\/deployment\/v1beta4\/deployments\/info$/, (_m, sp) => {
    const f = idFilters(sp, "id");
    const r = q.deploymentResponse(REST, f.owner ?? "", f.dseq ?? 0n);
    if (!r) throw notFound("deployment not found");
    return out(r);
  });
  G(/^\/akash\/deployment\/v1beta4\/groups\/info$/, (_m, sp) => {
    const f = idFilters(sp, "id");
    const g = q.group(REST, f.owner ?? "", f.dseq ?? 0n, f.gseq ?? 0);
    if (!g) throw notFound("group not found");
    return { group: out(g) };
  });
  G(/^\/akash\/deployment\/v1beta4\/params$/, () => ({ params: out(q.deploymentParams()) }));

  // akash market v1beta5
  for (const kind of ["orders", "bids", "leases"] as const) {
    G(new RegExp(`^/akash/market/v1beta5/${kind}/list$`), (_m, sp) => {
      const r = q[kind](REST, idFilters(sp, "filters"), pageFrom(sp));
      return { [kind]: out(r.items), pagination: pageJson(r) };
    });
  }
  G(/^\/akash\/market\/v1beta5\/orders\/info$/, (_m, sp) => {
    const o = q.order(REST, idFilters(sp, "id"));
    if (!o) throw notFound("order not found");
    return { order: out(o) };
  });
  G(/^\/akash\/market\/v1beta5\/bids\/info$/, (_m, sp) => {
    const b = q.bid(REST, idFilters(sp, "id"));
    if (!b) throw notFound("bid not found");
    return out(b);
  });
  G(/^\/akash\/market\/v1beta5\/leases\/info$/, (_m, sp) => {
    const l = q.lease(REST, idFilters(sp, "id"));
    if (!l) throw notFound("lease not found");
    return out(l);
  });
  G(/^\/akash\/market\/v1beta5\/params$/, () => ({ params: out(q.marketParams()) }));

  // akash escrow v1 (the proto's path is /types/accounts; /list kept as an alias)
  G(/^\/akash\/escrow\/v1\/types\/accounts(\/list)?$/, (_m, sp) => {
    const r = q.escrowAccounts(REST, sp.get("state") ?? "", sp.get("xid") ?? "", pageFrom(sp));
    return { accounts: out(r.items), pagination: pageJson(r) };
  });
  G(/^\/akash\/escrow\/v1\/types\/payments(\/list)?$/, (_m, sp) => {
    const r = q.payments(REST, sp.get("state") ?? "", sp.get("xid") ?? "", pageFrom(sp));
    return { payments: out(r.items), pagination: pageJson(r) };
  });

  // akash cert v1
  G(/^\/akash\/cert\/v1\/certificates\/list$/, (_m, sp) => {
    const r = q.certificates(
      REST,
      { owner: sp.get("filter.owner") ?? undefined, serial: sp.get("filter.serial") ?? undefined, state: sp.get("filter.state") ?? undefined },
      pageFrom(sp),
    );
    return { certificates: out(r.items), pagination: pageJson(r) };
  });

  // akash provider v1beta4 and audit v1
  G(/^\/akash\/provider\/v1beta4\/providers$/, (_m, sp) => {
    const r = q.providers(pageFrom(sp));
    return { providers: out(r.items), pagination: pageJson(r) };
  });
  G(new RegExp(`^/akash/provider/v1beta4/providers/${addr}$`), (m) => {
    const p = q.provider(m[1]!);
    if (!p) throw notFound(`invalid provider: ${m[1]}`);
    return { provider: out(p) };
  });
  G(/^\/akash\/audit\/v1\/audit\/attributes\/list$/, (_m, sp) => {
    const r = q.audits({}, pageFrom(sp));
    return { providers: out(r.items), pagination: pageJson(r) };
  });
  // x/audit keeper ProviderAttributes / ProviderAuditorAttributes: no record -> ErrProviderNotFound (NotFound),
  // the providers without pagination
  G(new RegExp(`^/akash/audit/v1/audit/attributes/${addr}/list$`), (m) => {
    const r = q.audits({ owner: m[1] });
    if (r.items.length === 0) throw notFound("invalid provider: address not found");
    return { providers: out(r.items), pagination: null };
  });
  G(new RegExp(`^/akash/audit/v1/audit/attributes/${addr}/${addr}$`), (m) => {
    const r = q.audits({ auditor: m[1], owner: m[2] });
    if (r.items.length === 0) throw notFound("invalid provider: address not found");
    return { providers: out(r.items), pagination: null };
  });
  // AuditorAttributes (GET /akash/provider/v1/auditor/{auditor}/list in the proto): the keeper paginates the whole
  // audit store without filtering on the auditor, so every auditor's records come back, as on the real chain
  G(new RegExp(`^/akash/provider/v1/auditor/${addr}/list$`), (_m, sp) => {
    const r = q.audits({}, pageFrom(sp));
    return { providers: out(r.items), pagination: pageJson(r) };
  });

  P(/^\/cosmos\/tx\/v1beta1\/simulate$/, (_m, _sp, body) => {
    const { tx_bytes } = parse(simulateBody, body);
    try {
      const r = deps.simulate(fromB64(tx_bytes));
      return { gas_info: { gas_wanted: "0", gas_used: String(r.gasUsed) }, result: { data: r.data, log: "", events: r.events, msg_responses: [] } };
    } catch (e) {
      const err = e instanceof ChainError ? e : new ChainError("sdk", 1, "internal", String(e));
      throw new HttpError(400, err.code, err.message);
    }
  });
  P(/^\/cosmos\/tx\/v1beta1\/txs$/, (_m, _sp, body) => {
    const { tx_bytes } = parse(broadcastBody, body);
    const bytes = fromB64(tx_bytes);
    // cosmos-sdk client CheckCometError: CometBFT's mempool errors become codes without a raw log
    const pre = app.mempoolPrecheck(bytes);
    const mempoolErr = pre === "too-large" ? sdkErr.txTooLarge() : pre === "in-cache" ? sdkErr.txInMempoolCache() : undefined;
    const r = mempoolErr
      ? { code: mempoolErr.code, codespace: mempoolErr.codespace, log: "", gasWanted: 0, gasUsed: 0, hash: txHash(bytes) }
      : app.checkTx(bytes);
    return {
      tx_response: {
        height: "0",
        txhash: r.hash,
        codespace: r.codespace,
        code: r.code,
        data: "",
        raw_log: r.log,
        logs: [],
        info: "",
        gas_wanted: String(r.gasWanted),
        gas_used: String(r.gasUsed),
        tx: null,
        timestamp: "",
        events: [],
      },
    };
  });
  for (const [re, fn] of oracleRestRoutes(app)) G(re, (m, sp) => fn(m, sp));
  P(/^\/devnet\/faucet$/, async (_m, _sp, body) => {
    const { address } = parse(faucetBody, body);
    return deps.faucet(address);
  });

  return async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    res.setHeader("Access-Control-Allow-Origin", req.headers.origin ?? "*");
    res.setHeader("Vary", "Origin");
    res.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    res.setHeader("Access-Control-Allow-Headers", req.headers["access-control-request-headers"] ?? "content-type");
    res.setHeader("Access-Control-Max-Age", "600");
    res.setHeader("Access-Control-Expose-Headers", HEIGHT_HEADER);
    if (req.method === "OPTIONS") return void res.writeHead(204).end();
    const url = new URL(req.url ?? "/", "http://x");
    const table = req.method === "POST" ? post : req.method === "GET" ? get : [];
    try {
      let body: unknown;
      if (req.method === "POST") {
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const c of req) {
          size += (c as Buffer).length;
          if (size > 2 * 1024 * 1024) throw new HttpError(413, 3, "request body too large");
          chunks.push(c as Buffer);
        }
        try {
          body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
        } catch {
          throw new HttpError(400, 3, "invalid JSON body");
        }
      }
      for (const [re, fn] of table) {
        const m = url.pathname.match(re);
        if (m) {
          // as cosmos-sdk's gateway: the height the answer was read at (taken before: state only moves forward)
          const height = app.height();
          const result = await fn(m, url.searchParams, body);
          res.writeHead(200, { "content-type": "application/json", [HEIGHT_HEADER]: String(height) }).end(JSON.stringify(result));
          return;
        }
      }
      throw new HttpError(404, 5, "Not Implemented");
    } catch (e) {
      const err = e instanceof HttpError ? e : new HttpError(500, 13, (e as Error).message);
      res.writeHead(err.status, { "content-type": "application/json" }).end(JSON.stringify({ code: err.code, message: err.message, details: [] }));
    }
  };
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body);
  if (!r.success) throw new HttpError(400, 3, r.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "));
  return r.data;
}
