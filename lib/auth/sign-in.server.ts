import "server-only";
import { randomBytes } from "node:crypto";
import { fromBase64 } from "@cosmjs/encoding";
import { type Adr36Failure, verifyAdr36 } from "@/lib/auth/adr36";
import type { VerifyBody } from "@/lib/auth/schemas";
import { signInMessage } from "@/lib/auth/sign-in-message";
import type { SessionsRepository } from "@/lib/db/sessions";
import { AppError } from "@/lib/errors/app-error";

/** Long enough to read the wallet's prompt and approve it on a Ledger; short enough that a leaked one is stale. */
export const NONCE_TTL_MS = 5 * 60_000;

export async function issueNonce(sessions: SessionsRepository, host: string, now = new Date()): Promise<{ nonce: string; message: string }> {
  const nonce = randomBytes(24).toString("base64url");
  await sessions.createNonce(nonce, now, new Date(now.getTime() + NONCE_TTL_MS));
  return { nonce, message: signInMessage({ host, nonce, issuedAt: now }) };
}

const NONCE_REFUSED = {
  unknown: "This sign-in request is unknown to the console (it may have been issued by another server or cleaned up). Sign in again.",
  expired: "This sign-in request expired (they are valid for 5 minutes). Sign in again.",
  used: "This sign-in request was already used. Sign in again to get a new one.",
} as const;

const SIGNATURE_REFUSED: Record<Adr36Failure, string> = {
  malformed_pubkey: "The wallet sent a public key the console cannot read (expected a compressed secp256k1 key). Sign-in refused.",
  malformed_signature: "The wallet sent a signature the console cannot read (expected 64 bytes). Sign-in refused.",
  address_mismatch: "The public key the wallet sent does not belong to the address it claims. Sign-in refused; reconnect the wallet and try again.",
  bad_signature: "The signature does not match the sign-in message for this address, so the console cannot tell that you hold it. Sign-in refused; try again.",
};

/**
 * Checks a signed nonce and returns the address it proves. The nonce is consumed before the signature is checked,
 * so every attempt, good or bad, costs a fresh nonce: a captured nonce cannot be retried with other signatures.
 */
export async function verifySignIn(sessions: SessionsRepository, body: VerifyBody, host: string, now = new Date()): Promise<string> {
  const nonce = await sessions.consumeNonce(body.nonce, now);
  if (!nonce.ok) throw new AppError("unauthorized", NONCE_REFUSED[nonce.reason], { details: { reason: `nonce_${nonce.reason}` } });
  const message = signInMessage({ host, nonce: body.nonce, issuedAt: nonce.createdAt });
  const result = await verifyAdr36({ address: body.address, pubkey: fromBase64(body.pubkey), signature: fromBase64(body.signature), data: message });
  if (!result.ok) throw new AppError("unauthorized", SIGNATURE_REFUSED[result.reason], { details: { reason: result.reason } });
  return body.address;
}
