/** x/provider v1beta4 and x/audit v1: provider records (host URI, attributes) and auditors' signed attributes. */
import { akashV1, akashV1beta4 } from "../codec";
import type { Ctx } from "../context";
import { providerErr } from "../errors";
import { requireAddress } from "./deployment";

function checkHostUri(uri: string): void {
  let u: URL;
  try {
    u = new URL(uri);
  } catch {
    throw providerErr.invalidHostURI(uri);
  }
  if (u.protocol !== "https:") throw providerErr.invalidHostURI(`${uri}: scheme must be https`);
}

export function createProvider(ctx: Ctx, msg: akashV1beta4.MsgCreateProvider): void {
  requireAddress(msg.owner, "owner");
  checkHostUri(msg.hostUri);
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
  requireAddress(msg.owner, "owner");
  checkHostUri(msg.hostUri);
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
  ctx.gas.read();
  if (!ctx.state.providers.has(msg.owner)) throw providerErr.notFound(`id: ${msg.owner}`);
  const key = `${msg.auditor}/${msg.owner}`;
  const prev = ctx.state.audits.get(key)?.attributes ?? [];
  const merged = new Map(prev.map((a) => [a.key, a.value]));
  for (const a of msg.attributes) merged.set(a.key, a.value);
  ctx.gas.write();
  ctx.state.audits.set(key, {
    owner: msg.owner,
    auditor: msg.auditor,
    attributes: [...merged.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, value]) => ({ key, value })),
  });
  ctx.emitTyped("akash.audit.v1.EventTrustedAuditorCreated", { owner: msg.owner, auditor: msg.auditor });
}
