import { z } from "zod";

/**
 * Zod schemas of the Cosmos REST (grpc-gateway) answers the console reads. The wire JSON is protobuf JSON with
 * snake_case names, int64/uint64 as strings, enums as lower-case names and LegacyDec as 18-decimal strings
 * (chain-sdk proto/node/akash/{deployment/v1beta4,market/v1beta5,escrow/v1,provider/v1beta4,audit/v1}).
 * Each schema turns its object into the camelCase shape the rest of the code uses, so the snake_case stops here.
 * Unknown fields pass silently: a chain upgrade that adds a field must not break the bid table.
 */

/** uint64 as the gateway writes it; a number is accepted too (some gateways render small uint32s as numbers). */
const u64 = z.union([z.string().regex(/^\d+$/, "must be a decimal integer"), z.number().int().nonnegative()]).transform(String);
const u32 = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/).transform(Number)]);
const nullableList = <T extends z.ZodType>(item: T) => z.array(item).nullish().transform((v) => v ?? []);

export const coinSchema = z.object({ denom: z.string(), amount: z.string().regex(/^\d+$/, "must be a whole number of base units") });
/** DecCoin: 18-decimal amount ("1234.500000000000000000"); some nodes drop the fraction, so it is optional. */
export const decCoinSchema = z.object({ denom: z.string(), amount: z.string().regex(/^\d+(\.\d+)?$/, "must be a decimal amount") });
export const attributeSchema = z.object({ key: z.string(), value: z.string() });

export const paginationSchema = z
  .object({ next_key: z.string().nullish(), total: u64.nullish() })
  .nullish()
  .transform((p) => ({ nextKey: p?.next_key || null, total: p?.total ?? null }));

export const deploymentIdSchema = z.object({ owner: z.string(), dseq: u64 });
export const groupIdSchema = deploymentIdSchema.extend({ gseq: u32 });
export const orderIdSchema = groupIdSchema.extend({ oseq: u32 });
export const bidIdSchema = orderIdSchema.extend({ provider: z.string(), bseq: u32.optional().default(0) });

const resourceValue = z.object({ val: z.string() }).nullish();
const resourceSchema = z
  .object({
    id: u32,
    cpu: z.object({ units: resourceValue, attributes: nullableList(attributeSchema) }).nullish(),
    memory: z.object({ quantity: resourceValue, attributes: nullableList(attributeSchema) }).nullish(),
    storage: nullableList(z.object({ name: z.string(), quantity: resourceValue, attributes: nullableList(attributeSchema) })),
    gpu: z.object({ units: resourceValue, attributes: nullableList(attributeSchema) }).nullish(),
    endpoints: nullableList(z.object({ kind: z.union([z.string(), z.number()]).nullish(), sequence_number: u32.nullish() })),
  })
  .nullish();

export const groupSpecSchema = z
  .object({
    name: z.string(),
    requirements: z
      .object({
        signed_by: z.object({ all_of: nullableList(z.string()), any_of: nullableList(z.string()) }).nullish(),
        attributes: nullableList(attributeSchema),
      })
      .nullish(),
    resources: nullableList(z.object({ resource: resourceSchema, count: u32, price: decCoinSchema.nullish() })),
  })
  .transform((g) => ({
    name: g.name,
    requirements: {
      signedBy: { allOf: g.requirements?.signed_by?.all_of ?? [], anyOf: g.requirements?.signed_by?.any_of ?? [] },
      attributes: g.requirements?.attributes ?? [],
    },
    resources: g.resources,
  }));

export const escrowAccountSchema = z
  .object({
    id: z.object({ scope: z.string(), xid: z.string() }),
    state: z.object({
      owner: z.string(),
      state: z.string(),
      transferred: nullableList(decCoinSchema),
      settled_at: u64,
      funds: nullableList(decCoinSchema),
      deposits: nullableList(z.object({ owner: z.string(), height: u64, source: z.string(), balance: decCoinSchema })),
    }),
  })
  .transform((a) => ({
    scope: a.id.scope,
    xid: a.id.xid,
    owner: a.state.owner,
    state: a.state.state,
    transferred: a.state.transferred,
    settledAt: a.state.settled_at,
    funds: a.state.funds,
    deposits: a.state.deposits,
  }));

export const deploymentResponseSchema = z
  .object({
    deployment: z.object({ id: deploymentIdSchema, state: z.string(), hash: z.string(), created_at: u64 }),
    groups: nullableList(z.object({ id: groupIdSchema, state: z.string(), group_spec: groupSpecSchema, created_at: u64 })),
    escrow_account: escrowAccountSchema.nullish(),
  })
  .transform((d) => ({
    id: d.deployment.id,
    state: d.deployment.state,
    hash: d.deployment.hash,
    createdAt: d.deployment.created_at,
    groups: d.groups.map((g) => ({ id: g.id, state: g.state, spec: g.group_spec, createdAt: g.created_at })),
    escrowAccount: d.escrow_account ?? null,
  }));

export const orderSchema = z
  .object({ id: orderIdSchema, state: z.string(), spec: groupSpecSchema.nullish(), created_at: u64 })
  .transform((o) => ({ id: o.id, state: o.state, spec: o.spec ?? null, createdAt: o.created_at }));

export const bidSchema = z
  .object({ id: bidIdSchema, state: z.string(), price: decCoinSchema, created_at: u64, resources_offer: nullableList(z.unknown()) })
  .transform((b) => ({ id: b.id, state: b.state, price: b.price, createdAt: b.created_at, resourcesOffer: b.resources_offer }));

export const leaseSchema = z
  .object({ id: bidIdSchema, state: z.string(), price: decCoinSchema, created_at: u64, closed_on: u64.nullish(), reason: z.string().nullish() })
  .transform((l) => ({ id: l.id, state: l.state, price: l.price, createdAt: l.created_at, closedOn: l.closed_on ?? null, reason: l.reason ?? null }));

export const providerSchema = z
  .object({
    owner: z.string(),
    host_uri: z.string(),
    attributes: nullableList(attributeSchema),
    info: z.object({ email: z.string().nullish(), website: z.string().nullish() }).nullish(),
  })
  .transform((p) => ({ owner: p.owner, hostUri: p.host_uri, attributes: p.attributes, info: { email: p.info?.email ?? "", website: p.info?.website ?? "" } }));

/** cert v1: `cert` and `pubkey` are bytes (base64 on the wire) holding PEM text; serial is a decimal string */
export const certificateSchema = z
  .object({
    certificate: z.object({ state: z.string(), cert: z.string().base64(), pubkey: z.string().base64().nullish() }),
    serial: z.string().regex(/^\d+$/, "must be a decimal serial"),
  })
  .transform((c) => ({ serial: c.serial, state: c.certificate.state, certPem: new TextDecoder().decode(Uint8Array.from(atob(c.certificate.cert), (ch) => ch.charCodeAt(0))) }));

export const auditedAttributesSchema = z.object({ owner: z.string(), auditor: z.string(), attributes: nullableList(attributeSchema) });

// ---- response envelopes, one per endpoint
export const balancesResponse = z.object({ balances: nullableList(coinSchema), pagination: paginationSchema });
export const deploymentParamsResponse = z
  .object({ params: z.object({ min_deposits: nullableList(coinSchema) }) })
  .transform((r) => ({ minDeposits: r.params.min_deposits }));
export const marketParamsResponse = z
  .object({
    params: z.object({ bid_min_deposit: coinSchema.nullish(), bid_min_deposits: nullableList(coinSchema), order_max_bids: u32.nullish() }),
  })
  .transform((r) => ({ bidMinDeposit: r.params.bid_min_deposit ?? null, bidMinDeposits: r.params.bid_min_deposits, orderMaxBids: r.params.order_max_bids ?? null }));
export const deploymentsResponse = z.object({ deployments: nullableList(deploymentResponseSchema), pagination: paginationSchema });
export const ordersResponse = z.object({ orders: nullableList(orderSchema), pagination: paginationSchema });
export const bidsResponse = z.object({
  bids: nullableList(z.object({ bid: bidSchema, escrow_account: escrowAccountSchema.nullish() }).transform((b) => b.bid)),
  pagination: paginationSchema,
});
export const leasesResponse = z.object({
  leases: nullableList(z.object({ lease: leaseSchema, escrow_payment: z.unknown() }).transform((l) => l.lease)),
  pagination: paginationSchema,
});
export const providerResponse = z.object({ provider: providerSchema });
export const providersResponse = z.object({ providers: nullableList(providerSchema), pagination: paginationSchema });
export const auditsResponse = z.object({ providers: nullableList(auditedAttributesSchema), pagination: paginationSchema });
export const certificatesResponse = z.object({ certificates: nullableList(certificateSchema), pagination: paginationSchema });
export const escrowAccountsResponse = z.object({ accounts: nullableList(escrowAccountSchema), pagination: paginationSchema });

/**
 * akash.oracle.v1 AggregatedPrice (GET /akash/oracle/v1/aggregated_price/{denom}): the price the BME module mints at.
 * LegacyDec strings (18 decimals) in USD per whole token.
 */
export const aggregatedPriceResponse = z
  .object({
    aggregated_price: z.object({ denom: z.string(), twap: z.string().regex(/^\d+(\.\d+)?$/), timestamp: z.string(), num_sources: z.coerce.number().nullish() }),
    price_health: z.object({ is_healthy: z.boolean().nullish(), failure_reason: z.union([z.string(), z.array(z.string())]).nullish() }).nullish(),
  })
  .transform((r) => ({
    usd: Number(r.aggregated_price.twap),
    at: r.aggregated_price.timestamp,
    healthy: r.price_health?.is_healthy ?? true,
    reason: [r.price_health?.failure_reason ?? []].flat().join("; ") || null,
  }));
export type OraclePrice = z.output<typeof aggregatedPriceResponse>;

export type Coin = z.infer<typeof coinSchema>;
export type ChainDecCoin = z.infer<typeof decCoinSchema>;
export type Attribute = z.infer<typeof attributeSchema>;
export type Pagination = z.output<typeof paginationSchema>;
export type ChainGroupSpec = z.output<typeof groupSpecSchema>;
export type ChainDeployment = z.output<typeof deploymentResponseSchema>;
export type ChainEscrowAccount = z.output<typeof escrowAccountSchema>;
export type ChainOrder = z.output<typeof orderSchema>;
export type ChainBid = z.output<typeof bidSchema>;
export type ChainBidId = z.output<typeof bidIdSchema>;
export type ChainLease = z.output<typeof leaseSchema>;
export type ChainProvider = z.output<typeof providerSchema>;
export type ChainCertificate = z.output<typeof certificateSchema>;
export type AuditedAttributes = z.output<typeof auditedAttributesSchema>;
export type DeploymentParams = z.output<typeof deploymentParamsResponse>;
export type MarketParams = z.output<typeof marketParamsResponse>;
