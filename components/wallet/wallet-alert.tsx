"use client";
import { useState } from "react";
import type { AppError } from "@/lib/errors/app-error";
import { WALLET_LABELS } from "@/lib/wallet/types";
import { useWallet } from "@/components/wallet/wallet-provider";

/**
 * The wallet's errors, in an aria-live region that is always in the page (a region added together with its text
 * is often not announced). A missing extension gets its install link as a real link.
 */
export function WalletAlert() {
  const { error } = useWallet();
  const [dismissed, setDismissed] = useState<AppError | null>(null);
  const shown = error && error !== dismissed ? error : null;
  const installUrl = typeof shown?.details?.installUrl === "string" ? shown.details.installUrl : undefined;
  const walletKind = shown?.details?.wallet;
  const label = walletKind === "keplr" || walletKind === "leap" ? WALLET_LABELS[walletKind] : "the wallet";

  return (
    <div aria-live="assertive" aria-atomic="true" className="absolute right-4 top-full z-30 mt-1 w-[28rem] max-w-[calc(100vw-2rem)]">
      {shown && (
        <div role="alert" data-error-code={shown.code} className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900 shadow">
          <p>{shown.message}</p>
          <div className="mt-2 flex gap-3">
            {installUrl && (
              <a href={installUrl} target="_blank" rel="noopener noreferrer" className="font-medium underline">
                Install {label}
              </a>
            )}
            <button type="button" onClick={() => setDismissed(shown)} className="ml-auto text-red-800 underline">
              Dismiss
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
