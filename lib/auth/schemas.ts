import { z } from "zod";
import { akashAddressSchema as addressSchema } from "@/lib/chain/address";

/** The bodies of app/api/auth; the server parses requests with them, the browser the responses. */
const base64 = (bytes: number, what: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, `${what} must be base64`)
    .refine((s) => Math.floor((s.length * 3) / 4) - (s.match(/=+$/)?.[0].length ?? 0) === bytes, `${what} must be ${bytes} bytes`);

const akashAddressSchema = addressSchema();

/** The nonce names the address it is for: the message the wallet signs says which account signs in (CAIP-122). */
export const nonceBodySchema = z.object({ address: akashAddressSchema });
export type NonceBody = z.infer<typeof nonceBodySchema>;

export const nonceResponseSchema = z.object({ nonce: z.string().min(16), message: z.string().min(1) });
export type NonceResponse = z.infer<typeof nonceResponseSchema>;

export const verifyBodySchema = z.object({
  address: akashAddressSchema,
  /** compressed secp256k1 public key */
  pubkey: base64(33, "pubkey"),
  /** r||s as in StdSignature.signature */
  signature: base64(64, "signature"),
  nonce: z.string().min(16).max(256),
});
export type VerifyBody = z.infer<typeof verifyBodySchema>;

export const sessionResponseSchema = z.object({ address: akashAddressSchema.nullable() });
export type SessionResponse = z.infer<typeof sessionResponseSchema>;
