/**
 * x/cert v1: PEM certificates keyed by owner and the certificate's serial (as a decimal string, like the
 * chain's big.Int). The chain parses the X.509 certificate; so do we, with node:crypto.
 */
import { X509Certificate } from "node:crypto";
import { akashV1 } from "../codec";
import type { Ctx } from "../context";
import { certErr } from "../errors";
import type { CertRec } from "../state";
import { requireAddress } from "./deployment";

export const certKey = (owner: string, serial: string) => `${owner}/${serial}`;

export function createCertificate(ctx: Ctx, msg: akashV1.MsgCreateCertificate): void {
  requireAddress(msg.owner, "owner");
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(Buffer.from(msg.cert));
  } catch (e) {
    throw certErr.invalidCert((e as Error).message);
  }
  const pubPem = Buffer.from(msg.pubkey).toString("utf8");
  if (!pubPem.includes("PUBLIC KEY")) throw certErr.invalidPubkey();
  const serial = BigInt(`0x${x509.serialNumber}`).toString(10);
  ctx.gas.read();
  if (ctx.state.certs.has(certKey(msg.owner, serial))) throw certErr.exists(`serial ${serial}`);
  const rec: CertRec = { owner: msg.owner, serial, state: "valid", cert: msg.cert, pubkey: msg.pubkey };
  ctx.gas.write();
  ctx.state.certs.set(certKey(msg.owner, serial), rec);
}

export function revokeCertificate(ctx: Ctx, msg: akashV1.MsgRevokeCertificate): void {
  const owner = msg.id?.owner ?? "";
  const serial = msg.id?.serial ?? "";
  requireAddress(owner, "owner");
  if (!/^\d+$/.test(serial)) throw certErr.invalidSerial(serial);
  ctx.gas.read();
  const rec = ctx.state.certs.get(certKey(owner, serial));
  if (!rec) throw certErr.notFound();
  if (rec.state === "revoked") throw certErr.revoked();
  rec.state = "revoked";
  ctx.gas.write();
}
