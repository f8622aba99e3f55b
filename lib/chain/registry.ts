import { MsgAccountDeposit, MsgCreateCertificate, MsgMintACT, MsgRevokeCertificate } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { MsgCloseDeployment, MsgCreateDeployment, MsgUpdateDeployment } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { MsgCloseLease, MsgCreateLease } from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { type GeneratedType, Registry } from "@cosmjs/proto-signing";
import { type AminoConverter, type AminoConverters, AminoTypes } from "@cosmjs/stargate";
import { toAminoJson } from "@/lib/chain/amino-json";

/**
 * Every message the console signs, with chain-sdk's generated codecs. chain-sdk does not export a cosmjs Registry
 * (its getMessageType is internal and lazy) nor amino converters, so both are assembled here from its types.
 */
interface JsonDecodable {
  fromJSON(object: unknown): unknown;
}

export const MESSAGE_TYPES = {
  createDeployment: MsgCreateDeployment,
  updateDeployment: MsgUpdateDeployment,
  closeDeployment: MsgCloseDeployment,
  createLease: MsgCreateLease,
  closeLease: MsgCloseLease,
  accountDeposit: MsgAccountDeposit,
  createCertificate: MsgCreateCertificate,
  revokeCertificate: MsgRevokeCertificate,
  mintAct: MsgMintACT,
} as const;

export type MessageKind = keyof typeof MESSAGE_TYPES;

export function typeUrlOf(type: { readonly $type: string }): string {
  return `/${type.$type}`;
}

export const TYPE_URLS = Object.fromEntries(
  Object.entries(MESSAGE_TYPES).map(([kind, type]) => [kind, typeUrlOf(type)]),
) as { readonly [K in MessageKind]: `/${(typeof MESSAGE_TYPES)[K]["$type"]}` };

/** A cosmjs Registry holding exactly the console's messages (plus nothing implicit: fewer types, fewer surprises). */
export function createRegistry(): Registry {
  // chain-sdk's writer is @bufbuild/protobuf's BinaryWriter, structurally what cosmjs calls (it only uses .finish()).
  const entries = Object.values(MESSAGE_TYPES).map((type): [string, GeneratedType] => [typeUrlOf(type), type as unknown as GeneratedType]);
  return new Registry(entries);
}

/**
 * Amino names. cosmos-sdk 0.53's aminojson uses a message's `option (amino.name)` and, without one, its type URL
 * (x/tx aminojson getMessageAminoNameAny). In chain-sdk's protos only the bme messages carry amino.name
 * (proto/node/akash/bme/v1/msgs.proto: "akash/bme/v1/MsgMintACT"); deployment v1beta4, market v1beta5, escrow v1
 * and cert v1 messages have none. The Go codecs still register "akash-sdk/x/deployment/..." via RegisterConcrete,
 * but since 0.50 those names are not what the sign-mode handler uses.
 */
export const AMINO_NAMES: { readonly [K in MessageKind]: string } = {
  createDeployment: TYPE_URLS.createDeployment,
  updateDeployment: TYPE_URLS.updateDeployment,
  closeDeployment: TYPE_URLS.closeDeployment,
  createLease: TYPE_URLS.createLease,
  closeLease: TYPE_URLS.closeLease,
  accountDeposit: TYPE_URLS.accountDeposit,
  createCertificate: TYPE_URLS.createCertificate,
  revokeCertificate: TYPE_URLS.revokeCertificate,
  mintAct: "akash/bme/v1/MsgMintACT",
};

/** Which string fields are `cosmos.Dec` (LegacyDec) and need 18 fractional digits in amino JSON. */
const DECIMAL_PATHS: { readonly [K in keyof typeof AMINO_NAMES]?: ReadonlySet<string> } = {
  createDeployment: new Set(["groups.resources.price.amount"]),
};

function akashConverter(kind: keyof typeof AMINO_NAMES): AminoConverter {
  const type: JsonDecodable = MESSAGE_TYPES[kind];
  const decimalPaths = DECIMAL_PATHS[kind];
  return {
    aminoType: AMINO_NAMES[kind],
    toAmino: (value: object) => toAminoJson(value, decimalPaths),
    // ts-proto's fromJSON reads proto (snake_case) names, base64 bytes, string uint64 and numeric enums: the
    // amino document is valid input, so the message rebuilt after an amino signature encodes to the same bytes.
    fromAmino: (value: unknown) => type.fromJSON(value),
  };
}

export function createAminoConverters(): AminoConverters {
  return Object.fromEntries((Object.keys(AMINO_NAMES) as MessageKind[]).map((kind) => [TYPE_URLS[kind], akashConverter(kind)]));
}

export function createAminoTypes(): AminoTypes {
  return new AminoTypes(createAminoConverters());
}
