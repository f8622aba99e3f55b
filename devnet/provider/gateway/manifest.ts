/**
 * PUT /deployment/{dseq}/manifest and GET /lease/.../manifest: the manifest is accepted only when the caller has an
 * active lease here and its version (chain-sdk's generateManifestVersion) is the deployment's on-chain hash.
 */
import { generateManifestVersion, type Manifest } from "@akashnetwork/chain-sdk";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { LeaseView } from "../../contract";
import type { Principal } from "../auth";
import { shortId } from "../rng";
import { kubeUnavailableError, runtimeFor, requireScope, type GatewayContext } from "./context";
import { readBody, send, sendText } from "./http-io";
import { leaseKey, type LeasePath, type ManifestGroup } from "./lease-runtime";

export async function putManifest(ctx: GatewayContext, req: IncomingMessage, res: ServerResponse, p: Principal, dseq: bigint): Promise<void> {
  requireScope(ctx, p, dseq, "send-manifest");
  const body = await readBody(req, 10 * 1024 * 1024);
  if (ctx.faults.takeManifest500()) return sendText(res, 500, "manifest: failed to submit: kube: internal error\n");
  let manifest: unknown;
  try {
    manifest = JSON.parse(body.toString("utf8"));
  } catch (e) {
    return sendText(res, 422, `${e instanceof Error ? e.message : "invalid json"}\n`);
  }
  if (!Array.isArray(manifest) || manifest.some((g) => !g || typeof g !== "object" || !Array.isArray((g as ManifestGroup).services))) {
    return sendText(res, 422, "json: cannot unmarshal manifest\n");
  }
  const leases = ctx.o.chain.leasesForProvider(ctx.address, p.owner, dseq).filter((l) => l.state === "active");
  if (leases.length === 0) return sendText(res, 404, "no lease for deployment\n");
  const deployment = ctx.o.chain.getDeployment(p.owner, dseq);
  if (!deployment || deployment.state !== "active") return sendText(res, 404, "no lease for deployment\n");
  const version = await generateManifestVersion(manifest as Manifest);
  if (!bytesEqual(version, deployment.hash)) return sendText(res, 422, "manifest version validation failed\n");
  const error = storeManifest(ctx, leases, deployment.groupSpecs, manifest as ManifestGroup[]);
  if (error) return sendText(res, 422, `${error}\n`);
  res.writeHead(200, { "Content-Length": 0 });
  res.end();
}

/** Runs each lease's group of the manifest (by the group spec's name, else by position); an error text if one is missing. */
export function storeManifest(ctx: GatewayContext, leases: LeaseView[], groupSpecs: unknown[], groups: ManifestGroup[]): string | undefined {
  for (const lease of leases) {
    const specName = nameOf(groupSpecs[lease.gseq - 1]);
    const group = (specName ? groups.find((g) => g.name === specName) : undefined) ?? groups[lease.gseq - 1] ?? groups[0];
    if (!group) return "manifest group not found";
    const key = leaseKey(lease);
    const prev = ctx.runtimes.get(key);
    ctx.runtimes.set(key, { group, receivedAt: Date.now(), generation: (prev?.generation ?? 0) + 1, namespace: shortId(24, key) });
  }
  return undefined;
}

/** The lease's manifest group, wrapped in a manifest (an array of groups) as the real gateway answers. */
export function getManifest(ctx: GatewayContext, res: ServerResponse, p: Principal, m: LeasePath): void {
  const { rt } = runtimeFor(ctx, p, m, "get-manifest");
  if (ctx.faults.kubeUnavailable) throw kubeUnavailableError();
  send(res, 200, [rt.group]);
}

function nameOf(spec: unknown): string | undefined {
  if (spec && typeof spec === "object" && "name" in spec && typeof (spec as { name: unknown }).name === "string") return (spec as { name: string }).name;
  return undefined;
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
