import "server-only";
import { fromBase64 } from "@cosmjs/encoding";
import { type Adr36Failure, verifyAdr36 } from "@/lib/auth/adr36";
import { isDevnetAccount } from "@/lib/auth/devnet-accounts";
import { checkSignedNonce, issueSignedNonce } from "@/lib/auth/nonce.server";
import type { VerifyBody } from "@/lib/auth/schemas";
import { signInMessage } from "@/lib/auth/sign-in-message";
import type { SessionsRepository } from "@/lib/db/sessions";
import { AppError } from "@/lib/errors/app-error";
import type { Network } from "@/lib/networks";

export { NONCE_TTL_MS } from "@/lib/auth/session-policy";

/** What a sign-in is bound to besides the address: the console's canonical origin and the network it is built for. */
export interface SignInContext {
  key: Buffer;
  origin: string;
  network: Pick<Network, "id" | "chainId">;
}

export function issueNonce(ctx: SignInContext, address: string, now = new Date()): { nonce: string; message: string } {
  const { nonce, issuedAt, expiresAt } = issueSignedNonce(ctx.key, { origin: ctx.origin, chainId: ctx.network.chainId, address }, now);
  return { nonce, message: signInMessage({ origin: ctx.origin, address, chainId: ctx.network.chainId, nonce, issuedAt, expiresAt }) };
}

const NONCE_REFUSED = {
  malformed: "This sign-in request is not one the console issues. Sign in again.",
  forged: "This sign-in request was issued for another address, site or network (or by another console). Sign in again from this page.",
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
 * Checks a signed nonce and returns the address it proves. The nonce is marked used before the signature is
 * checked, so every attempt, good or bad, costs a fresh nonce: a captured nonce cannot be retried with other
 * signatures.
 */
export async function verifySignIn(sessions: SessionsRepository, body: VerifyBody, ctx: SignInContext, now = new Date()): Promise<string> {
  const refuse = (reason: keyof typeof NONCE_REFUSED) => new AppError("unauthorized", NONCE_REFUSED[reason], { details: { reason: `nonce_${reason}` } });
  const check = checkSignedNonce(ctx.key, body.nonce, { origin: ctx.origin, chainId: ctx.network.chainId, address: body.address }, now);
  if (!check.ok) throw refuse(check.reason);
  if (!(await sessions.markNonceUsed(body.nonce, check.expiresAt, now))) throw refuse("used");
  if (ctx.network.id !== "devnet" && isDevnetAccount(body.address)) {
    throw new AppError(
      "unauthorized",
      `${body.address} is one of the devnet's public test accounts: anyone can sign as it, so it cannot sign in on ${ctx.network.id}. Use an account of your own.`,
      { details: { reason: "devnet_account" } },
    );
  }
  const message = signInMessage({ origin: ctx.origin, address: body.address, chainId: ctx.network.chainId, nonce: body.nonce, issuedAt: check.issuedAt, expiresAt: check.expiresAt });
  const result = await verifyAdr36({ address: body.address, pubkey: fromBase64(body.pubkey), signature: fromBase64(body.signature), data: message });
  if (!result.ok) throw new AppError("unauthorized", SIGNATURE_REFUSED[result.reason], { details: { reason: result.reason } });
  return body.address;
}
