/**
 * The text the wallet shows when signing in. The server rebuilds it from the stored nonce and its issue time, so
 * the browser cannot slip in other text; the host tells the tenant which console asks (Keplr shows the origin
 * too), and the sentence about fees says why signing this is harmless.
 */
export function signInMessage(input: { host: string; nonce: string; issuedAt: Date }): string {
  return [
    `Sign in to the Akash Tenant Console at ${input.host}.`,
    "",
    "This proves you hold this address. It is not a transaction and costs no fees.",
    "",
    `Nonce: ${input.nonce}`,
    `Issued at: ${input.issuedAt.toISOString()}`,
  ].join("\n");
}
