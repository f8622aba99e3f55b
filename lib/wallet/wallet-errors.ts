import { mapTxError } from "@/lib/chain/tx-errors";
import { AppError } from "@/lib/errors/app-error";
import { INSTALL_URLS, type WalletKind, WALLET_LABELS } from "@/lib/wallet/types";

/**
 * Wallet failures in words a tenant can act on. Keplr and Leap throw plain Errors whose text is all there is
 * ("Request rejected", "There is no chain info for …", Ledger transport errors), so matching is on that text;
 * lib/chain/tx-errors knows the chain's and the Ledger's, this adds the wallet's name.
 */
export function walletMissing(kind: Exclude<WalletKind, "devnet">): AppError {
  const label = WALLET_LABELS[kind];
  const installUrl = INSTALL_URLS[kind];
  return new AppError("wallet.missing", `${label} is not installed in this browser (or is disabled). Install it from ${installUrl}, then reload this page.`, {
    details: { installUrl, wallet: kind },
  });
}

export function mapWalletError(error: unknown, kind: WalletKind): AppError {
  const label = WALLET_LABELS[kind];
  const mapped = mapTxError(error);
  switch (mapped.code) {
    case "wallet.rejected":
      return new AppError("wallet.rejected", `You rejected the request in ${label}. Nothing was signed.`, { cause: error, details: { wallet: kind } });
    case "wallet.wrong_chain":
      return new AppError(
        "wallet.wrong_chain",
        `${label} does not know the console's network. Approve adding the network when ${label} asks, or switch ${label} to it, then connect again.`,
        { cause: error, details: { wallet: kind } },
      );
    case "wallet.ledger_closed":
      return new AppError("wallet.ledger_closed", `${mapped.message} (${label} is waiting for the Ledger.)`, { cause: error, details: { wallet: kind } });
    case "internal": {
      // An unrecognised wallet error: its own text is the best explanation there is (wallets don't put secrets in it).
      const text = error instanceof Error ? error.message : String(error);
      return new AppError("wallet.unknown", `${label} reported an error: ${text}`, { cause: error, details: { wallet: kind } });
    }
    default:
      return mapped;
  }
}
