/**
 * akash.oracle.v1 Query (chain-sdk protos/akash/oracle/v1/query_akash: Prices, Params, AggregatedPrice), over REST
 * (grpc-gateway paths /akash/oracle/v1/..., snake_case JSON, int64 as strings, LegacyDec with 18 decimals) and
 * abci_query (gRPC method paths, chain-sdk's codecs). The keeper reads prices by the oracle's own denom ("akt"),
 * not the chain's ("uakt"): the query does not normalize, as x/oracle's does not.
 */
import * as v1 from "@akashnetwork/chain-sdk/private-types/akash.v1";
import type { App } from "./app";
import { decToString, type Codec } from "./codec";
import { ORACLE_BASE_DENOM, ORACLE_DENOM, ORACLE_SOURCES, oracleParams } from "./modules/oracle";
import { paginate, type Page } from "./queries";
import { notFound } from "./rest-error";
import type { OraclePriceRec, OracleState } from "./state";

/** google.protobuf.Timestamp in JSON (jsonpb): RFC 3339 with 0, 3, 6 or 9 fractional digits. */
function jsonTimestamp(rfc3339Nanos: string): string {
  return rfc3339Nanos.replace(/\.(\d{9})Z$/, (_m, f: string) => {
    const trimmed = f.replace(/(000)+$/, "");
    return trimmed ? `.${trimmed}Z` : "Z";
  });
}

function aggregated(o: OracleState, denom: string) {
  if (denom !== ORACLE_DENOM || !o.aggregate || !o.health) return undefined;
  return { aggregate: o.aggregate, health: o.health };
}

export interface PricesFilter {
  assetDenom?: string;
  baseDenom?: string;
  height?: number;
}

/** Newest first unless `reverse` (x/oracle inverts the store's ascending order). */
function prices(o: OracleState, f: PricesFilter, page: Page = {}) {
  const matching = o.prices.filter(
    (p) => (!f.assetDenom || f.assetDenom === ORACLE_DENOM) && (!f.baseDenom || f.baseDenom === ORACLE_BASE_DENOM) && (!f.height || p.height === f.height),
  );
  return paginate([...matching].reverse(), page);
}

const priceId = (p: OraclePriceRec) => ({ source: p.source, denom: ORACLE_DENOM, baseDenom: ORACLE_BASE_DENOM, height: String(p.height) });

type RestRoute = (m: RegExpMatchArray, sp: URLSearchParams) => unknown;

export function oracleRestRoutes(app: App): [RegExp, RestRoute][] {
  const o = () => app.state.oracle;
  return [
    [
      /^\/akash\/oracle\/v1\/params$/,
      () => ({
        params: {
          sources: ORACLE_SOURCES,
          min_price_sources: oracleParams.minPriceSources,
          max_price_staleness_blocks: String(oracleParams.maxPriceStalenessBlocks),
          twap_window: String(oracleParams.twapWindow),
          max_price_deviation_bps: String(oracleParams.maxPriceDeviationBps),
          feed_contracts_params: [],
        },
      }),
    ],
    [
      /^\/akash\/oracle\/v1\/aggregated_price\/([^/]+)$/,
      (m) => {
        const denom = decodeURIComponent(m[1]!);
        const r = aggregated(o(), denom);
        if (!r) throw notFound(`aggregated price of ${denom}/${ORACLE_BASE_DENOM}: collections: not found`);
        const { aggregate: a, health: h } = r;
        return {
          aggregated_price: {
            denom,
            twap: decToString(a.twap),
            median_price: decToString(a.median),
            min_price: decToString(a.min),
            max_price: decToString(a.max),
            timestamp: jsonTimestamp(a.timestamp),
            num_sources: a.numSources,
            deviation_bps: String(a.deviationBps),
          },
          price_health: {
            denom,
            is_healthy: h.isHealthy,
            has_min_sources: h.hasMinSources,
            deviation_ok: h.deviationOk,
            total_sources: h.totalSources,
            total_healthy_sources: h.totalHealthySources,
            failure_reason: h.failureReason,
          },
        };
      },
    ],
    [
      /^\/akash\/oracle\/v1\/prices$/,
      (_m, sp) => {
        const num = (k: string) => (sp.has(k) ? Number(sp.get(k)) : undefined);
        const r = prices(
          o(),
          { assetDenom: sp.get("filters.asset_denom") ?? undefined, baseDenom: sp.get("filters.base_denom") ?? undefined, height: num("filters.height") },
          { offset: num("pagination.offset"), limit: num("pagination.limit"), countTotal: sp.get("pagination.count_total") === "true", reverse: sp.get("pagination.reverse") === "true" },
        );
        return {
          prices: r.items.map((p) => {
            const id = priceId(p);
            return { id: { source: id.source, denom: id.denom, base_denom: id.baseDenom, height: id.height }, state: { price: decToString(p.price), timestamp: jsonTimestamp(p.timestamp) } };
          }),
          pagination: { next_key: r.nextKey ? Buffer.from(r.nextKey).toString("base64") : null, total: String(r.total) },
        };
      },
    ],
  ];
}

type AbciRoute = [string, Codec, Codec, (req: unknown) => unknown];

/** abci_query routes; `notFound` makes the gRPC NotFound error the caller's other routes use. */
export function oracleAbciRoutes(app: App, notFoundErr: (what: string) => Error): AbciRoute[] {
  const o = () => app.state.oracle;
  return [
    [
      "/akash.oracle.v1.Query/Params",
      v1.Oracle_QueryParamsRequest as Codec,
      v1.Oracle_QueryParamsResponse as Codec,
      () => ({ params: { sources: ORACLE_SOURCES, ...oracleParams, maxPriceStalenessBlocks: String(oracleParams.maxPriceStalenessBlocks), twapWindow: String(oracleParams.twapWindow), maxPriceDeviationBps: String(oracleParams.maxPriceDeviationBps), feedContractsParams: [] } }),
    ],
    [
      "/akash.oracle.v1.Query/AggregatedPrice",
      v1.QueryAggregatedPriceRequest as Codec,
      v1.QueryAggregatedPriceResponse as Codec,
      (req) => {
        const denom = (req as v1.QueryAggregatedPriceRequest).denom;
        const r = aggregated(o(), denom);
        if (!r) throw notFoundErr(`aggregated price of ${denom}/${ORACLE_BASE_DENOM}: collections: not found`);
        const { aggregate: a, health: h } = r;
        return {
          aggregatedPrice: {
            denom,
            twap: decToString(a.twap),
            medianPrice: decToString(a.median),
            minPrice: decToString(a.min),
            maxPrice: decToString(a.max),
            timestamp: new Date(a.timestamp),
            numSources: a.numSources,
            deviationBps: String(a.deviationBps),
          },
          priceHealth: { denom, ...h },
        };
      },
    ],
    [
      "/akash.oracle.v1.Query/Prices",
      v1.QueryPricesRequest as Codec,
      v1.QueryPricesResponse as Codec,
      (req) => {
        const r = req as v1.QueryPricesRequest;
        const pg = r.pagination;
        const res = prices(
          o(),
          { assetDenom: r.filters?.assetDenom, baseDenom: r.filters?.baseDenom, height: r.filters ? Number(r.filters.height.toString()) : undefined },
          pg ? { key: pg.key, offset: Number(pg.offset.toString()), limit: Number(pg.limit.toString()), countTotal: pg.countTotal, reverse: pg.reverse } : undefined,
        );
        return {
          prices: res.items.map((p) => ({ id: priceId(p), state: { price: decToString(p.price), timestamp: new Date(p.timestamp) } })),
          pagination: { nextKey: res.nextKey ?? new Uint8Array(), total: String(res.total) },
        };
      },
    ],
  ];
}
