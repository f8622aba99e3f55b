"use client";
import type { ReactNode } from "react";
import { isAppError } from "@/lib/errors/app-error";
import { nextActionFor } from "@/lib/errors/next-action";
import { WALLET_LABELS, type WalletKind } from "@/lib/wallet/types";

export interface ErrorMessageProps {
  error: unknown;
  /** Runs the failed request again; offered as "Try again" (or "Refresh bids") when the code says it may help. */
  onRetry?: () => void;
  /** Connects the wallet again; offered when the wallet, its network or the session no longer match. */
  onReconnect?: () => void;
  /** "warning" for a failure that left the main work done (e.g. on chain, not yet recorded here) */
  tone?: "error" | "warning";
  /** layout (margins, padding, corners); replaces the default "rounded px-3 py-2" so classes never compete */
  className?: string;
  /** More actions of the caller's own (a link to the deployment, a dismiss button) */
  children?: ReactNode;
}

const TONES = {
  error: "bg-red-50 text-sm text-red-800",
  warning: "bg-amber-50 text-sm text-amber-900",
};
const ACTION = "font-medium underline";

/** What failed, in the error's own words, and the one next step its code calls for. */
export function ErrorMessage({ error, onRetry, onReconnect, tone = "error", className, children }: ErrorMessageProps) {
  const code = isAppError(error) ? error.code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const action = nextActionFor(code);
  const installUrl = isAppError(error) && typeof error.details?.installUrl === "string" ? error.details.installUrl : undefined;
  const wallet = isAppError(error) ? WALLET_LABELS[error.details?.wallet as WalletKind] : undefined;

  let next: ReactNode = null;
  if ((action === "retry" || action === "refresh-bids") && onRetry) {
    next = <button type="button" onClick={onRetry} className={ACTION}>{action === "refresh-bids" ? "Refresh bids" : "Try again"}</button>;
  } else if (action === "reconnect" && (onReconnect ?? onRetry)) {
    next = <button type="button" onClick={onReconnect ?? onRetry} className={ACTION}>{onReconnect ? "Reconnect the wallet" : "Try again"}</button>;
  } else if (action === "install-wallet" && installUrl) {
    next = (
      <a href={installUrl} target="_blank" rel="noopener noreferrer" className={ACTION}>
        Install {wallet ?? "the wallet"}
      </a>
    );
  } else if (action === "reload") {
    next = <button type="button" onClick={() => window.location.reload()} className={ACTION}>Reload the page</button>;
  }

  return (
    <div role="alert" data-error-code={code ?? "unknown"} className={`${TONES[tone]} ${className ?? "rounded px-3 py-2"}`}>
      <p>{message}</p>
      {(next || children) && <div className="mt-1 flex flex-wrap items-center gap-3">{next}{children}</div>}
    </div>
  );
}
