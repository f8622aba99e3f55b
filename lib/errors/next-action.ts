import type { AppErrorCode } from "@/lib/errors/app-error";

/**
 * What the tenant can do next about an error, chosen by its code. A Record over every code, so a new code cannot
 * be added without deciding what the error message offers for it.
 * - retry: the same request may succeed (a node or the server was down, the tenant closed the wallet window)
 * - refresh-bids: the bid is gone; reading the bids again shows what can still be accepted
 * - reconnect: the wallet, its network or the session no longer matches what the console signs for
 * - install-wallet: the extension is missing; the error's details carry the link
 * - reload: the page itself is out of date (the server answered a shape this page does not know)
 * - none: the message says what to change (the SDL, the deposit, the funds) and there is no button for that
 */
export type NextAction = "retry" | "refresh-bids" | "reconnect" | "install-wallet" | "reload" | "none";

const NEXT_ACTION: Record<AppErrorCode, NextAction> = {
  "sdl.invalid": "none",
  "wallet.missing": "install-wallet",
  "wallet.rejected": "retry",
  "wallet.wrong_chain": "reconnect",
  "wallet.ledger_closed": "retry",
  "wallet.unknown": "retry",
  "chain.insufficient_funds": "none",
  "chain.insufficient_fee": "retry",
  "chain.sequence_mismatch": "retry",
  "chain.deposit_too_low": "none",
  "chain.out_of_gas": "retry",
  "chain.order_closed": "refresh-bids",
  // it may still be included: sending it again at once would pay twice
  "chain.tx_timeout": "none",
  "chain.signature_invalid": "reconnect",
  "chain.tx_in_mempool": "none",
  "chain.tx_rejected": "none",
  "chain.deployment_closed": "none",
  "chain.minting_paused": "retry",
  "chain.unreachable": "retry",
  "chain.query_timeout": "retry",
  "chain.unexpected_response": "retry",
  "lease.not_found": "none",
  "lease.closed": "none",
  // a fresh token is a new wallet signature: the retry asks for it
  "token.invalid": "retry",
  "token.expired": "retry",
  "provider.unreachable": "retry",
  "provider.dns": "retry",
  "provider.timeout": "retry",
  // the provider serves a certificate the chain does not vouch for: nothing the tenant can retry into working
  "provider.tls_pin": "none",
  "provider.cert_expired": "none",
  "provider.http": "retry",
  "provider.unavailable": "retry",
  "provider.unauthorized": "retry",
  "provider.no_lease": "retry",
  "provider.manifest_rejected": "none",
  "provider.bad_response": "retry",
  "provider.stream_closed": "retry",
  "console.unreachable": "retry",
  "config.invalid": "none",
  "request.invalid": "none",
  "quota.exceeded": "none",
  not_found: "none",
  unauthorized: "reconnect",
  rate_limited: "retry",
  internal: "reload",
};

/** Errors that are not AppErrors (a bug, a library's own Error) get a reload: the page may be in a bad state. */
export function nextActionFor(code: AppErrorCode | undefined): NextAction {
  return code ? NEXT_ACTION[code] : "reload";
}
