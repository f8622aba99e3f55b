/**
 * What the amino JSON encoder needs to know of each message it may meet in a tx body: field numbers, proto names,
 * kinds, and the options that change the encoding (amino.name, cosmos.Dec / cosmos.Int scalars, dont_omitempty,
 * legacy_coins). Written from chain-sdk's protos (proto/node/akash/..., ts/v1.0.0-alpha.25) and cosmos-sdk's
 * (bank, base coin). See ../amino-json.ts for the encoding rules.
 */
export type Kind = "string" | "bytes" | "bool" | "uint32" | "int32" | "uint64" | "int64" | "enum" | "message" | "timestamp" | "any";

export interface FieldDef {
  no: number;
  name: string;
  kind: Kind;
  repeated?: boolean;
  /** message full name, for kind "message" */
  type?: string;
  /** cosmos_proto.scalar "cosmos.Dec" with customtype LegacyDec, or "cosmos.Int" */
  scalar?: "dec" | "int";
  dontOmitEmpty?: boolean;
  legacyCoins?: boolean;
}

export interface MessageDef {
  /** option (amino.name) */
  aminoName?: string;
  fields: FieldDef[];
}

type Opts = Omit<FieldDef, "no" | "name" | "kind">;
const f = (no: number, name: string, kind: Kind, opts: Opts = {}): FieldDef => ({ no, name, kind, ...opts });
const msg = (no: number, name: string, type: string, opts: Opts = {}): FieldDef => ({ no, name, kind: "message", type, ...opts });

const COIN = "cosmos.base.v1beta1.Coin";
const DEC_COIN = "cosmos.base.v1beta1.DecCoin";
const ATTRIBUTE = "akash.base.attributes.v1.Attribute";
const RV = "akash.base.resources.v1beta4.ResourceValue";
const RESOURCES = "akash.base.resources.v1beta4.Resources";
const DEPOSIT = "akash.base.deposit.v1.Deposit";
const BID_ID = "akash.market.v1.BidID";
const LEASE_ID = "akash.market.v1.LeaseID";
const DEPLOYMENT_ID = "akash.deployment.v1.DeploymentID";
const PROVIDER_ATTRS = [f(1, "owner", "string"), f(2, "host_uri", "string"), msg(3, "attributes", ATTRIBUTE, { repeated: true }), msg(4, "info", "akash.provider.v1beta4.Info")];
const ORDER_ID_FIELDS = [f(1, "owner", "string"), f(2, "dseq", "uint64"), f(3, "gseq", "uint32"), f(4, "oseq", "uint32"), f(5, "provider", "string"), f(6, "bseq", "uint32")];

export const SCHEMA: Record<string, MessageDef> = {
  // cosmos-sdk proto/cosmos/base/v1beta1/coin.proto
  [COIN]: { fields: [f(1, "denom", "string"), f(2, "amount", "string", { scalar: "int", dontOmitEmpty: true })] },
  [DEC_COIN]: { fields: [f(1, "denom", "string"), f(2, "amount", "string", { scalar: "dec" })] },
  // cosmos-sdk proto/cosmos/bank/v1beta1/tx.proto
  "cosmos.bank.v1beta1.MsgSend": {
    aminoName: "cosmos-sdk/MsgSend",
    fields: [f(1, "from_address", "string"), f(2, "to_address", "string"), msg(3, "amount", COIN, { repeated: true, dontOmitEmpty: true, legacyCoins: true })],
  },

  // chain-sdk proto/node/akash/base/...
  [ATTRIBUTE]: { fields: [f(1, "key", "string"), f(2, "value", "string")] },
  "akash.base.attributes.v1.SignedBy": { fields: [f(1, "all_of", "string", { repeated: true }), f(2, "any_of", "string", { repeated: true })] },
  "akash.base.attributes.v1.PlacementRequirements": {
    fields: [msg(1, "signed_by", "akash.base.attributes.v1.SignedBy"), msg(2, "attributes", ATTRIBUTE, { repeated: true })],
  },
  // bytes with gogoproto customtype math.Int but no cosmos_proto.scalar: plain base64 of the wire bytes
  [RV]: { fields: [f(1, "val", "bytes")] },
  "akash.base.resources.v1beta4.CPU": { fields: [msg(1, "units", RV), msg(2, "attributes", ATTRIBUTE, { repeated: true })] },
  "akash.base.resources.v1beta4.Memory": { fields: [msg(1, "quantity", RV), msg(2, "attributes", ATTRIBUTE, { repeated: true })] },
  "akash.base.resources.v1beta4.Storage": { fields: [f(1, "name", "string"), msg(2, "quantity", RV), msg(3, "attributes", ATTRIBUTE, { repeated: true })] },
  "akash.base.resources.v1beta4.GPU": { fields: [msg(1, "units", RV), msg(2, "attributes", ATTRIBUTE, { repeated: true })] },
  "akash.base.resources.v1beta4.Endpoint": { fields: [f(1, "kind", "enum"), f(2, "sequence_number", "uint32")] },
  [RESOURCES]: {
    fields: [
      f(1, "id", "uint32"),
      msg(2, "cpu", "akash.base.resources.v1beta4.CPU"),
      msg(3, "memory", "akash.base.resources.v1beta4.Memory"),
      msg(4, "storage", "akash.base.resources.v1beta4.Storage", { repeated: true }),
      msg(5, "gpu", "akash.base.resources.v1beta4.GPU"),
      msg(6, "endpoints", "akash.base.resources.v1beta4.Endpoint", { repeated: true }),
    ],
  },
  // Deposit.sources has gogoproto jsontag "deposit_sources": irrelevant here, the proto name is used
  [DEPOSIT]: { fields: [msg(1, "amount", COIN), f(5, "sources", "enum", { repeated: true })] },

  // deployment v1 / v1beta4
  [DEPLOYMENT_ID]: { fields: [f(1, "owner", "string"), f(2, "dseq", "uint64")] },
  "akash.deployment.v1beta4.ResourceUnit": {
    // `resource` is gogoproto.embed: flattened in Go structs and legacy amino, a nested object here
    fields: [msg(1, "resource", RESOURCES), f(2, "count", "uint32"), msg(3, "price", DEC_COIN)],
  },
  "akash.deployment.v1beta4.GroupSpec": {
    fields: [f(1, "name", "string"), msg(2, "requirements", "akash.base.attributes.v1.PlacementRequirements"), msg(3, "resources", "akash.deployment.v1beta4.ResourceUnit", { repeated: true })],
  },
  "akash.deployment.v1beta4.MsgCreateDeployment": {
    fields: [msg(1, "id", DEPLOYMENT_ID), msg(2, "groups", "akash.deployment.v1beta4.GroupSpec", { repeated: true }), f(3, "hash", "bytes"), msg(4, "deposit", DEPOSIT)],
  },
  "akash.deployment.v1beta4.MsgUpdateDeployment": { fields: [msg(1, "id", DEPLOYMENT_ID), f(3, "hash", "bytes")] },
  "akash.deployment.v1beta4.MsgCloseDeployment": { fields: [msg(1, "id", DEPLOYMENT_ID)] },

  // market v1 / v1beta5
  [BID_ID]: { fields: ORDER_ID_FIELDS },
  [LEASE_ID]: { fields: ORDER_ID_FIELDS },
  // MsgCreateLease.bid_id has gogoproto jsontag "id": the amino JSON key is still bid_id
  "akash.market.v1beta5.MsgCreateLease": { fields: [msg(1, "bid_id", BID_ID)] },
  "akash.market.v1beta5.MsgCloseLease": { fields: [msg(1, "id", LEASE_ID), f(2, "reason", "enum")] },
  "akash.market.v1beta5.MsgWithdrawLease": { fields: [msg(1, "id", LEASE_ID)] },
  "akash.market.v1beta5.MsgCloseBid": { fields: [msg(1, "id", BID_ID), f(2, "reason", "enum")] },
  "akash.market.v1beta5.StorageOfferPrice": { fields: [f(1, "name", "string"), msg(2, "price", DEC_COIN)] },
  "akash.market.v1beta5.EndpointOfferPrice": { fields: [f(1, "kind", "enum"), msg(2, "price", DEC_COIN)] },
  "akash.market.v1beta5.OfferPrices": {
    fields: [
      msg(2, "cpu", DEC_COIN),
      msg(3, "memory", DEC_COIN),
      msg(4, "storage", "akash.market.v1beta5.StorageOfferPrice", { repeated: true }),
      msg(5, "gpu", DEC_COIN),
      msg(6, "endpoints", "akash.market.v1beta5.EndpointOfferPrice", { repeated: true }),
    ],
  },
  "akash.market.v1beta5.ResourceOffer": { fields: [msg(1, "resources", RESOURCES), f(2, "count", "uint32"), msg(3, "prices", "akash.market.v1beta5.OfferPrices")] },
  "akash.market.v1beta5.MsgCreateBid": {
    fields: [msg(1, "id", BID_ID), msg(2, "price", DEC_COIN), msg(3, "deposit", DEPOSIT), msg(4, "resources_offer", "akash.market.v1beta5.ResourceOffer", { repeated: true })],
  },

  // escrow v1
  "akash.escrow.id.v1.Account": { fields: [f(1, "scope", "enum"), f(2, "xid", "string")] },
  "akash.escrow.v1.MsgAccountDeposit": { fields: [f(1, "signer", "string"), msg(2, "id", "akash.escrow.id.v1.Account"), msg(3, "deposit", DEPOSIT)] },

  // cert v1
  "akash.cert.v1.ID": { fields: [f(1, "owner", "string"), f(2, "serial", "string")] },
  "akash.cert.v1.MsgCreateCertificate": { fields: [f(1, "owner", "string"), f(2, "cert", "bytes"), f(3, "pubkey", "bytes")] },
  "akash.cert.v1.MsgRevokeCertificate": { fields: [msg(1, "id", "akash.cert.v1.ID")] },

  // bme v1: the only Akash tenant messages with an amino.name
  "akash.bme.v1.MsgMintACT": { aminoName: "akash/bme/v1/MsgMintACT", fields: [f(1, "owner", "string"), f(2, "to", "string"), msg(3, "coins_to_burn", COIN)] },

  // provider v1beta4, audit v1
  "akash.provider.v1beta4.Info": { fields: [f(1, "email", "string"), f(2, "website", "string")] },
  "akash.provider.v1beta4.MsgCreateProvider": { fields: PROVIDER_ATTRS },
  "akash.provider.v1beta4.MsgUpdateProvider": { fields: PROVIDER_ATTRS },
  "akash.audit.v1.MsgSignProviderAttributes": { fields: [f(1, "owner", "string"), f(2, "auditor", "string"), msg(3, "attributes", ATTRIBUTE, { repeated: true })] },

  // cosmos-sdk proto/cosmos/tx/v1beta1/tx.proto, only to reject unknown fields of the body as x/tx does
  "cosmos.tx.v1beta1.TxBody": {
    fields: [
      f(1, "messages", "any", { repeated: true }),
      f(2, "memo", "string"),
      f(3, "timeout_height", "uint64"),
      f(4, "unordered", "bool"),
      f(5, "timeout_timestamp", "timestamp"),
      f(1023, "extension_options", "any", { repeated: true }),
      f(2047, "non_critical_extension_options", "any", { repeated: true }),
    ],
  },
};
