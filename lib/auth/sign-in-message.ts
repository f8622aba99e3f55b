/**
 * The text the wallet shows when signing in, in the CAIP-122 ("Sign-In with X", EIP-4361's chain-agnostic form)
 * layout, so wallets and tenants read a familiar shape: which site asks (domain and URI: the console's configured
 * origin, never a header of the request), for which account on which chain, and until when. The server rebuilds
 * it from the signed nonce at verify, so the browser cannot slip in other text.
 */
export interface SignInFields {
  /** the console's canonical origin, e.g. https://console.example.org */
  origin: string;
  address: string;
  /** the Cosmos chain id, e.g. akashnet-2 (written as the CAIP-2 id cosmos:akashnet-2) */
  chainId: string;
  nonce: string;
  issuedAt: Date;
  expiresAt: Date;
}

export const SIGN_IN_STATEMENT = "Sign in to the Akash Tenant Console. This proves you hold this address. It is not a transaction and costs no fees.";

export function signInMessage(f: SignInFields): string {
  return [
    `${new URL(f.origin).host} wants you to sign in with your Akash account:`,
    f.address,
    "",
    SIGN_IN_STATEMENT,
    "",
    `URI: ${f.origin}`,
    "Version: 1",
    `Chain ID: cosmos:${f.chainId}`,
    `Nonce: ${f.nonce}`,
    `Issued At: ${f.issuedAt.toISOString()}`,
    `Expiration Time: ${f.expiresAt.toISOString()}`,
  ].join("\n");
}
