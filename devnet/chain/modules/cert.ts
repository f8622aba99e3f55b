/**
 * x/cert v1: PEM certificates keyed by owner and the certificate's serial (as a decimal string, like the
 * chain's big.Int). Validation as chain-sdk go/node/cert/v1 ParseAndValidateCertificate does it (called by
 * MsgCreateCertificate.ValidateBasic, i.e. already at CheckTx, and again by the keeper), with node:crypto;
 * keeper errors as akash-network/node x/cert/keeper.
 */
import { X509Certificate, createPublicKey, type KeyObject } from "node:crypto";
import { fromBech32 } from "@cosmjs/encoding";
import { akashV1 } from "../codec";
import type { Ctx } from "../context";
import { ChainError, certErr, sdkErr } from "../errors";
import type { CertRec } from "../state";

export const certKey = (owner: string, serial: string) => `${owner}/${serial}`;

/** Go's pem.Decode for one block: leading text is skipped, nothing may follow the END line. */
function pemDecode(bytes: Uint8Array): { type: string; der: Buffer } | undefined {
  const text = Buffer.from(bytes).toString("latin1");
  const m = /-----BEGIN ([^\r\n-]*)-----\r?\n([\s\S]*?)-----END \1-----[ \t]*(?:\r?\n)?([\s\S]*)$/.exec(text);
  if (!m || m[3]!.length > 0) return undefined;
  const body = m[2]!.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body)) return undefined;
  return { type: m[1]!, der: Buffer.from(body, "base64") };
}

/** The x509 certificate, or the chain's error for it. */
export function parseAndValidateCertificate(owner: string, cert: Uint8Array, pubkey: Uint8Array): X509Certificate {
  const pub = pemDecode(pubkey);
  if (!pub) throw certErr.invalidPubkeyValue();
  if (pub.type !== "EC PUBLIC KEY") throw certErr.invalidPubkeyValue().suffixed("invalid pem block type");
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pub.der, format: "der", type: "spki" });
  } catch {
    throw certErr.invalidPubkeyValue().suffixed("x509: failed to parse public key");
  }
  if (key.asymmetricKeyType !== "ec") throw certErr.invalidPubkeyValue().suffixed("invalid public key type");

  const crt = pemDecode(cert);
  if (!crt) throw certErr.invalidCertValue();
  if (crt.type !== "CERTIFICATE") throw certErr.invalidCertValue().suffixed("invalid pem block type");
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(crt.der);
  } catch {
    // x509.ParseCertificate's own error, not a registered one: codespace undefined, code 1
    throw new ChainError("undefined", 1, "internal", undefined, "x509: malformed certificate");
  }
  let signed = false;
  try {
    signed = x509.verify(key);
  } catch {
    signed = false;
  }
  if (!signed) throw certErr.invalidCertValue().suffixed("invalid certificate signature");
  const cn = /(?:^|\n)CN=([^\n]*)/.exec(x509.subject)?.[1] ?? "";
  try {
    if (fromBech32(cn).prefix !== "akash") throw new Error(`invalid Bech32 prefix; expected akash, got ${fromBech32(cn).prefix}`);
  } catch (e) {
    throw certErr.invalidCertValue().suffixed(cn ? (e as Error).message : "empty address string is not allowed");
  }
  if (cn.toLowerCase() !== owner.toLowerCase()) throw certErr.invalidCertValue().suffixed("CommonName does not match owner");
  return x509;
}

function validAddress(addr: string): boolean {
  try {
    return fromBech32(addr).prefix === "akash";
  } catch {
    return false;
  }
}

/** MsgCreateCertificate.ValidateBasic */
export function validateCreateCertificate(msg: akashV1.MsgCreateCertificate): void {
  if (!validAddress(msg.owner)) throw sdkErr.invalidAddress("MsgCreateCertificate: Invalid Owner Address");
  parseAndValidateCertificate(msg.owner, msg.cert, msg.pubkey);
}

/** big.Int SetString(serial, 10) */
const serialValid = (s: string) => /^[+-]?\d+$/.test(s);

/** MsgRevokeCertificate.ValidateBasic */
export function validateRevokeCertificate(msg: akashV1.MsgRevokeCertificate): void {
  if (!validAddress(msg.id?.owner ?? "")) throw sdkErr.invalidAddress("MsgRevoke: Invalid Owner Address");
  if (!serialValid(msg.id?.serial ?? "")) throw certErr.invalidSerial();
}

export function createCertificate(ctx: Ctx, msg: akashV1.MsgCreateCertificate): void {
  const x509 = parseAndValidateCertificate(msg.owner, msg.cert, msg.pubkey);
  const serial = BigInt(`0x${x509.serialNumber}`).toString(10);
  ctx.gas.read();
  if (ctx.state.certs.has(certKey(msg.owner, serial))) throw certErr.exists();
  const rec: CertRec = { owner: msg.owner, serial, state: "valid", cert: msg.cert, pubkey: msg.pubkey };
  ctx.gas.write();
  ctx.state.certs.set(certKey(msg.owner, serial), rec);
}

export function revokeCertificate(ctx: Ctx, msg: akashV1.MsgRevokeCertificate): void {
  const owner = msg.id?.owner ?? "";
  const raw = msg.id?.serial ?? "";
  if (!serialValid(raw)) throw certErr.invalidSerial();
  const serial = BigInt(raw).toString(10);
  ctx.gas.read();
  const rec = ctx.state.certs.get(certKey(owner, serial));
  if (!rec) throw certErr.notFound();
  if (rec.state === "revoked") throw certErr.alreadyRevoked();
  rec.state = "revoked";
  ctx.gas.write();
}
