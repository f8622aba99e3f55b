import type { StdSignature } from "@cosmjs/amino";
import { authApi } from "@/lib/auth/api-client";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { type WalletKind, WALLET_LABELS } from "@/lib/wallet/types";
import { mapWalletError } from "@/lib/wallet/wallet-errors";

export interface SignInWallet {
  kind: WalletKind;
  address: string;
  signArbitrary(data: string): Promise<StdSignature>;
}

/**
 * The browser's half of the sign-in: ask the server for a nonce and the message around it, have the wallet sign the
 * message (ADR-36), send address, public key and signature back. Nothing else leaves the browser.
 */
export async function signInWithWallet(wallet: SignInWallet, api: Pick<typeof authApi, "nonce" | "verify"> = authApi): Promise<string> {
  const { nonce, message } = await api.nonce(wallet.address);
  let signature: StdSignature;
  try {
    signature = await wallet.signArbitrary(message);
  } catch (e) {
    throw isAppError(e) ? e : mapWalletError(e, wallet.kind);
  }
  const { address } = await api.verify({ address: wallet.address, pubkey: signature.pub_key.value, signature: signature.signature, nonce });
  return address;
}

/** A failed sign-in after a successful connect: the wallet stays connected, and the message says so. */
export function notSignedInError(error: unknown, kind: WalletKind): AppError {
  const base = isAppError(error) ? error : mapWalletError(error, kind);
  const label = WALLET_LABELS[kind];
  return new AppError(
    base.code,
    `${base.message} ${label} is still connected, but you are not signed in to the console, so drafts are saved for this browser only. Choose "Sign in" to try again.`,
    { cause: error, details: { ...base.details, signedIn: false } },
  );
}
