/**
 * Gateway authentication as the real provider does it (AEP-64): a bearer JWT signed ES256K or ES256KADR36 by
 * the tenant's account key (looked up on chain by `iss`), or an mTLS client certificate registered on chain.
 */
import { serializeSignDoc, pubkeyToAddress, encodeSecp256k1Pubkey, type StdSignDoc } from "@cosmjs/amino";
import { Secp256k1, Secp256k1Signature, sha256 } from "@cosmjs/crypto";
import { fromBech32 } from "@cosmjs/encoding";
import { X509Certificate } from "node:crypto";
import type { DevnetChain } from "../contract";

export type AccessScope =
  | "send-manifest"
  | "get-manifest"
  | "logs"
  | "shell"
  | "events"
  | "status"
  | "restart"
  | "hostname-migrate"
  | "ip-migrate";

const SCOPES = new Set<string>(["send-manifest", "get-manifest", "logs", "shell", "events", "status", "restart", "hostname-migrate", "ip-migrate"]);

export interface GranularDeployment {
  dseq: number;
  scope: AccessScope[];
  gseq?: number;
  oseq?: number;
  services?: string[];
}
export interface Permission {
  provider: string;
  access: "full" | "scoped" | "granular";
  scope?: AccessScope[];
  deployments?: GranularDeployment[];
}
export interface Claims {
  iss: string;
  version: string;
  iat: number;
  nbf: number;
  exp: number;
  jti?: string;
  leases: { access: "full" | "scoped" | "granular"; scope?: AccessScope[]; permissions?: Permission[] };
}

export class AuthError extends Error {
  constructor(
    readonly status: 401 | 403,
    message: string,
  ) {
    super(message);
  }
}

function b64urlDecode(s: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new AuthError(401, "jwt: invalid encoding");
  return new Uint8Array(Buffer.from(s, "base64url"));
}

/** The ADR-36 sign doc a wallet's signArbitrary signs (what the ES256KADR36 signature covers). */
export function adr36SignBytes(signer: string, data: string): Uint8Array {
  const doc: StdSignDoc = {
    chain_id: "",
    account_number: "0",
    sequence: "0",
    fee: { gas: "0", amount: [] },
    msgs: [{ type: "sign/MsgSignData", value: { signer, data: Buffer.from(data, "utf8").toString("base64") } }],
    memo: "",
  };
  return serializeSignDoc(doc);
}

/**
 * Verifies the signature of a JWT with the given compressed secp256k1 key; returns header and payload.
 * ES256K: raw r||s over sha256(header.payload). ES256KADR36: r||s over the ADR-36 amino sign doc of
 * header.payload, signer = the key's akash address.
 */
export async function verifyJwtSignature(token: string, pubkey: Uint8Array, prefix = "akash"): Promise<{ header: Record<string, unknown>; payload: Record<string, unknown> }> {
  const parts = token.split(".");
  if (parts.length !== 3) throw new AuthError(401, "jwt: malformed token");
  const [h, p, s] = parts as [string, string, string];
  let header: Record<string, unknown>;
  let payload: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(b64urlDecode(h)).toString("utf8")) as Record<string, unknown>;
    payload = JSON.parse(Buffer.from(b64urlDecode(p)).toString("utf8")) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof AuthError) throw e;
    throw new AuthError(401, "jwt: malformed token");
  }
  const sig = b64urlDecode(s);
  if (sig.length !== 64) throw new AuthError(401, "jwt: signature is invalid");
  const signingString = `${h}.${p}`;
  let msg: Uint8Array;
  if (header.alg === "ES256K") {
    msg = new TextEncoder().encode(signingString);
  } else if (header.alg === "ES256KADR36") {
    const signer = pubkeyToAddress(encodeSecp256k1Pubkey(pubkey), prefix);
    msg = adr36SignBytes(signer, signingString);
  } else {
    throw new AuthError(401, `jwt: signing method ${String(header.alg)} is invalid`);
  }
  let ok = false;
  try {
    ok = await Secp256k1.verifySignature(Secp256k1Signature.fromFixedLength(sig), sha256(msg), pubkey);
  } catch {
    ok = false;
  }
  if (!ok) throw new AuthError(401, "jwt: signature is invalid");
  return { header, payload };
}

function scopesValid(list: unknown): list is AccessScope[] {
  return Array.isArray(list) && list.length > 0 && list.every((x) => typeof x === "string" && SCOPES.has(x)) && new Set(list).size === list.length;
}

/** Claims validation as the Go provider does it (presence of times, version v1, leases structure, time window). */
export function validateClaims(raw: Record<string, unknown>, nowSec = Math.floor(Date.now() / 1000)): Claims {
  const fail = (m: string): never => {
    throw new AuthError(401, `jwt: validation error: ${m}`);
  };
  const iss = raw.iss;
  if (typeof iss !== "string") fail("invalid issuer");
  try {
    if (fromBech32(iss as string).prefix !== "akash") fail("invalid issuer");
  } catch (e) {
    if (e instanceof AuthError) throw e;
    fail("invalid issuer");
  }
  for (const k of ["iat", "nbf", "exp"] as const) if (typeof raw[k] !== "number") fail(`missing ${k}`);
  if (raw.version !== "v1") fail("invalid version");
  const exp = raw.exp as number;
  const nbf = raw.nbf as number;
  const iat = raw.iat as number;
  if (exp <= nowSec) throw new AuthError(401, "jwt: token has invalid claims: token is expired");
  if (nbf > nowSec + 5) throw new AuthError(401, "jwt: token has invalid claims: token is not valid yet");
  if (iat > nowSec + 5) throw new AuthError(401, "jwt: token has invalid claims: token used before issued");
  const leases = raw.leases as Claims["leases"] | undefined;
  if (!leases || typeof leases !== "object") fail("missing leases");
  const l = leases as Claims["leases"];
  switch (l.access) {
    case "full":
      if (l.permissions?.length || l.scope?.length) fail("full access cannot have permissions or scope set");
      break;
    case "scoped":
      if (l.permissions) fail("scoped access cannot have permissions set");
      if (!scopesValid(l.scope)) fail("scope access must have a valid scope set");
      break;
    case "granular": {
      if (!Array.isArray(l.permissions) || l.permissions.length === 0) fail("granular access must have permissions set");
      const seen = new Set<string>();
      for (const perm of l.permissions!) {
        if (typeof perm.provider !== "string" || !perm.provider) fail("empty provider");
        if (seen.has(perm.provider)) fail(`duplicate provider ${perm.provider}`);
        seen.add(perm.provider);
        if (perm.access === "full") {
          if (perm.deployments?.length || perm.scope?.length) fail("permission with full access cannot have deployments or scope set");
        } else if (perm.access === "scoped") {
          if (perm.deployments) fail("permission with scoped access cannot have deployments set");
          if (!scopesValid(perm.scope)) fail("permission with scope access must have scope set");
        } else if (perm.access === "granular") {
          if (perm.scope) fail("permission with granular access cannot have scope set");
          if (!Array.isArray(perm.deployments) || perm.deployments.length === 0) fail("granular access must have deployments set");
          for (const d of perm.deployments!) {
            if (!scopesValid(d.scope)) fail("deployment permission scope must be set");
            if (!d.dseq) fail("dseq must be set");
            if (d.oseq && !d.gseq) fail("gseq must be set if oseq is set");
            if (!Array.isArray(d.services) || d.services.length === 0) fail("empty services");
            if (new Set(d.services).size !== d.services!.length) fail("duplicate service");
          }
        } else fail(`permission with invalid access type '${String(perm.access)}'`);
      }
      break;
    }
    default:
      fail(l.access ? `invalid access type '${String(l.access)}'` : "missing access type");
  }
  return raw as unknown as Claims;
}

export interface Principal {
  owner: string;
  method: "jwt" | "mtls";
  claims: Claims;
}

/** What the request asks for, to check the token's permissions. */
export interface Target {
  provider: string;
  owner: string;
  dseq: bigint;
  gseq?: number;
  oseq?: number;
  scope: AccessScope;
  service?: string;
}

/** AEP-64 authorisation of a verified principal for a deployment/lease action. */
export function authorize(claims: Claims, t: Target): boolean {
  if (claims.iss !== t.owner) return false;
  const l = claims.leases;
  if (l.access === "full") return true;
  if (l.access === "scoped") return (l.scope ?? []).includes(t.scope);
  for (const perm of l.permissions ?? []) {
    if (perm.provider !== t.provider) continue;
    if (perm.access === "full") return true;
    if (perm.access === "scoped") return (perm.scope ?? []).includes(t.scope);
    for (const d of perm.deployments ?? []) {
      if (BigInt(d.dseq) !== t.dseq) continue;
      if (t.gseq !== undefined && d.gseq && d.gseq !== t.gseq) continue;
      if (t.oseq !== undefined && d.oseq && d.oseq !== t.oseq) continue;
      if (!d.scope.includes(t.scope)) continue;
      if (t.service && d.services?.length && !d.services.includes(t.service)) continue;
      return true;
    }
  }
  return false;
}

/** Whether the principal may talk to this provider at all (granular tokens name their providers). */
export function authorizeForProvider(claims: Claims, provider: string): boolean {
  if (claims.leases.access !== "granular") return true;
  return (claims.leases.permissions ?? []).some((p) => p.provider === provider);
}

export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const parts = header.trim().split(/\s+/);
  if (parts.length !== 2 || parts[0]!.toLowerCase() !== "bearer") throw new AuthError(401, "invalid authorization header");
  return parts[1];
}

/** Full check of a bearer token against the chain. */
export async function authenticateJwt(chain: DevnetChain, token: string): Promise<Principal> {
  const parts = token.split(".");
  let iss: unknown;
  try {
    iss = (JSON.parse(Buffer.from(parts[1] ?? "", "base64url").toString("utf8")) as Record<string, unknown>).iss;
  } catch {
    throw new AuthError(401, "jwt: malformed token");
  }
  if (typeof iss !== "string") throw new AuthError(401, "jwt: validation error: invalid issuer");
  const pubkey = chain.getAccountPubkey(iss);
  if (!pubkey) throw new AuthError(401, "jwt: invalid");
  const { payload } = await verifyJwtSignature(token, pubkey);
  const claims = validateClaims(payload);
  return { owner: claims.iss, method: "jwt", claims };
}

/**
 * mTLS: the peer certificate must be on chain, valid, for the owner in its CN, with the same serial and bytes,
 * and within its validity period. mTLS gives full access to the owner's leases (as in the real provider).
 */
export function authenticateClientCert(chain: DevnetChain, raw: Buffer): Principal {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(raw);
  } catch {
    throw new AuthError(401, "tls: invalid client certificate");
  }
  const cn = /(?:^|\n)CN=([^\n]+)/.exec(cert.subject)?.[1]?.trim();
  if (!cn || !cn.startsWith("akash1")) throw new AuthError(401, "tls: client certificate has no account in its common name");
  const now = Date.now();
  if (new Date(cert.validTo).getTime() < now || new Date(cert.validFrom).getTime() > now + 5000) {
    throw new AuthError(401, "tls: client certificate expired or not yet valid");
  }
  const serial = BigInt("0x" + cert.serialNumber).toString(10);
  const onChain = chain.getCertificates(cn).find((c) => c.serial === serial);
  if (!onChain) throw new AuthError(401, "tls: client certificate not found on chain");
  if (onChain.state !== "valid") throw new AuthError(401, "tls: client certificate has been revoked");
  try {
    if (!new X509Certificate(onChain.certPem).raw.equals(cert.raw)) throw new Error("mismatch");
  } catch {
    throw new AuthError(401, "tls: client certificate does not match the one on chain");
  }
  const nowSec = Math.floor(now / 1000);
  return {
    owner: cn,
    method: "mtls",
    claims: { iss: cn, version: "v1", iat: nowSec, nbf: nowSec, exp: nowSec + 900, leases: { access: "full" } },
  };
}
