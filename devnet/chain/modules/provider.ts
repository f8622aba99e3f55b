/**
 * x/provider v1beta4 and x/audit v1: provider records (host URI, attributes) and auditors' signed attributes.
 * Validation as chain-sdk go/node/provider/v1beta4 MsgCreateProvider/MsgUpdateProvider.ValidateBasic (run at
 * CheckTx and again by the handler), errors as akash-network/node x/provider/handler and x/audit/keeper.
 */
import { fromBech32 } from "@cosmjs/encoding";
import { akashV1, akashV1beta4 } from "../codec";
import type { Ctx } from "../context";
import { ChainError, providerErr, sdkErr } from "../errors";
import { requireAddress } from "./checks";

const goQuote = (s: string) => JSON.stringify(s);

/** validateProviderURI: Go's url.Parse, then absolute, https, a host and an empty path ("https://h:1/" fails). */
function checkHostUri(uri: string): void {
  if ([...uri].some((c) => c <= " " || c === "\x7f")) throw providerErr.invalidHostURI(); // url.Parse rejects controls and spaces
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(uri);
  if (!scheme) throw providerErr.notAbsHostURI(`validating ${goQuote(uri)} for absolute URI`);
  if (scheme[1]!.toLowerCase() !== "https") throw providerErr.invalidHostURI(`scheme in ${goQuote(uri)} should be https`);
  const rest = uri.slice(scheme[0].length).replace(/[?#].*$/, "");
  const m = /^\/\/([^/]*)(.*)$/.exec(rest);
  const host = m ? m[1]!.replace(/^[^@]*@/, "") : "";
  if (!host) throw providerErr.invalidHostURI(`validating ${goQuote(uri)} for valid host`);
  if (m![2] !== "") throw providerErr.invalidHostURI(`path in ${goQuote(uri)} should be empty`);
}

const ATTRIBUTE_KEY = /^([a-zA-Z][\w/.-]{1,126})$/;

/** Attributes.ValidateWithRegex (chain-sdk go/node/types/attributes/v1, codespace "akash") */
function checkAttributes(attrs: { key: string }[]): void {
  const seen = new Set<string>();
  for (const a of attrs) {
    if (!ATTRIBUTE_KEY.test(a.key)) throw new ChainError("akash", 2, "attribute key does not match regexp");
    if (seen.has(a.key)) throw new ChainError("akash", 1, "attributes cannot have duplicate keys");
    seen.add(a.key);
  }
}

function validateProviderMsg(msg: akashV1beta4.MsgCreateProvider | akashV1beta4.MsgUpdateProvider, kind: "MsgCreate" | "MsgUpdate"): void {
  checkHostUri(msg.hostUri);
  try {
    if (fromBech32(msg.owner).prefix !== "akash") throw new Error("prefix");
  } catch {
    throw sdkErr.invalidAddress(`${kind}: Invalid Provider Address`);
  }
  checkAttributes(msg.attributes);
}

export const validateCreateProvider = (msg: akashV1beta4.MsgCreateProvider) => validateProviderMsg(msg, "MsgCreate");
export const validateUpdateProvider = (msg: akashV1beta4.MsgUpdateProvider) => validateProviderMsg(msg, "MsgUpdate");

export function createProvider(ctx: Ctx, msg: akashV1beta4.MsgCreateProvider): void {
  validateCreateProvider(msg);
  ctx.gas.read();
  if (ctx.state.providers.has(msg.owner)) throw providerErr.exists(`id: ${msg.owner}`);
  ctx.gas.write();
  ctx.state.providers.set(msg.owner, {
    owner: msg.owner,
    hostUri: msg.hostUri,
    attributes: msg.attributes.map((a) => ({ key: a.key, value: a.value })),
    info: { email: msg.info?.email ?? "", website: msg.info?.website ?? "" },
  });
  ctx.emitTyped("akash.provider.v1beta4.EventProviderCreated", { owner: msg.owner });
}

export function updateProvider(ctx: Ctx, msg: akashV1beta4.MsgUpdateProvider): void {
  validateUpdateProvider(msg);
  ctx.gas.read();
  const rec = ctx.state.providers.get(msg.owner);
  if (!rec) throw providerErr.notFound(`id: ${msg.owner}`);
  rec.hostUri = msg.hostUri;
  rec.attributes = msg.attributes.map((a) => ({ key: a.key, value: a.value }));
  rec.info = { email: msg.info?.email ?? "", website: msg.info?.website ?? "" };
  ctx.gas.write();
  ctx.emitTyped("akash.provider.v1beta4.EventProviderUpdated", { owner: msg.owner });
}

export function signProviderAttributes(ctx: Ctx, msg: akashV1.MsgSignProviderAttributes): void {
  requireAddress(msg.owner, "owner");
  requireAddress(msg.auditor, "auditor");
  // the audit keeper does not look the provider up: attributes can be signed before it registers
  const key = `${msg.auditor}/${msg.owner}`;
  ctx.gas.read();
  const prev = ctx.state.audits.get(key)?.attributes ?? [];
  const merged = new Map(prev.map((a) => [a.key, a.value]));
  for (const a of msg.attributes) merged.set(a.key, a.value);
  ctx.gas.write();
  ctx.state.audits.set(key, {
    owner: msg.owner,
    auditor: msg.auditor,
    attributes: [...merged.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, value]) => ({ key, value })),
  });
  ctx.emitTyped("akash.audit.v1.EventTrustedAuditorCreated", { owner: msg.owner, auditor: msg.auditor });
}
