"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";
import type { AppError } from "@/lib/errors/app-error";
import type { WalletKind } from "@/lib/wallet/types";
import { useWallet } from "@/components/wallet/wallet-provider";

const KINDS: readonly unknown[] = ["keplr", "leap", "devnet"] satisfies WalletKind[];

/**
 * The wallet's errors, in an aria-live region that is always in the page (a region added together with its text
 * is often not announced). The next step comes from the error's code: install link, try again, reconnect.
 */
export function WalletAlert() {
  const { error, wallet, connect, signIn } = useWallet();
  const [dismissed, setDismissed] = useState<AppError | null>(null);
  const shown = error && error !== dismissed ? error : null;
  const kind = KINDS.includes(shown?.details?.wallet) ? (shown?.details?.wallet as WalletKind) : wallet?.kind;
  // connected: what failed is the sign-in (or an account switch); not connected: the connection itself
  const retry = wallet ? () => void signIn() : kind ? () => void connect(kind) : undefined;

  return (
    <div aria-live="assertive" aria-atomic="true" className="absolute right-4 top-full z-30 mt-1 w-[28rem] max-w-[calc(100vw-2rem)]">
      {shown && (
        <ErrorMessage
          error={shown}
          onRetry={retry}
          onReconnect={kind ? () => void connect(kind) : undefined}
          className="rounded border border-red-300 p-3 text-red-900 shadow"
        >
          <Button variant="link" size="sm" onClick={() => setDismissed(shown)} className="ml-auto text-red-800">
            Dismiss
          </Button>
        </ErrorMessage>
      )}
    </div>
  );
}
