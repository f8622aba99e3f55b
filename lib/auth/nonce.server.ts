import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { NONCE_TTL_MS } from "@/lib/auth/session-policy";

/**
 * Stateless sign-in nonces: 16 random bytes and the issue time, with an HMAC (server key) over them and over what
 * the message binds (origin, chain id, address). Issuing writes nothing, so unauthenticated callers cannot grow
 * the database; at verify the server recomputes the HMAC from the request it has (its canonical origin, its chain,
 * the claimed address), so a nonce issued for another origin, chain or address does not verify, and the message
 * is rebuilt from the nonce's own issue time. Hex: CAIP-122 wants an alphanumeric nonce.
 */
export interface NonceBinding {
  origin: string;
  chainId: string;
  address: string;
}

const RANDOM = 16;
const TIME = 6; // milliseconds since 1970 in 48 bits: good until the year 10889
const MAC = 16;
export const NONCE_HEX_LENGTH = 2 * (RANDOM + TIME + MAC);

function mac(key: Buffer, body: Buffer, b: NonceBinding): Buffer {
  return createHmac("sha256", key).update(body).update(`\n${b.origin}\n${b.chainId}\n${b.address}`).digest().subarray(0, MAC);
}

export function issueSignedNonce(key: Buffer, binding: NonceBinding, now = new Date()): { nonce: string; issuedAt: Date; expiresAt: Date } {
  const body = Buffer.alloc(RANDOM + TIME);
  randomBytes(RANDOM).copy(body);
  body.writeUIntBE(now.getTime(), RANDOM, TIME);
  return { nonce: Buffer.concat([body, mac(key, body, binding)]).toString("hex"), issuedAt: now, expiresAt: new Date(now.getTime() + NONCE_TTL_MS) };
}

export type NonceCheck = { ok: true; issuedAt: Date; expiresAt: Date } | { ok: false; reason: "malformed" | "forged" | "expired" };

export function checkSignedNonce(key: Buffer, nonce: string, binding: NonceBinding, now = new Date()): NonceCheck {
  if (nonce.length !== NONCE_HEX_LENGTH || !/^[0-9a-f]+$/.test(nonce)) return { ok: false, reason: "malformed" };
  const bytes = Buffer.from(nonce, "hex");
  const body = bytes.subarray(0, RANDOM + TIME);
  if (!timingSafeEqual(bytes.subarray(RANDOM + TIME), mac(key, body, binding))) return { ok: false, reason: "forged" };
  const issuedAt = new Date(body.readUIntBE(RANDOM, TIME));
  const expiresAt = new Date(issuedAt.getTime() + NONCE_TTL_MS);
  // a little clock skew between instances is fine; a nonce from the future is not
  if (expiresAt <= now || issuedAt.getTime() > now.getTime() + 60_000) return { ok: false, reason: "expired" };
  return { ok: true, issuedAt, expiresAt };
}
