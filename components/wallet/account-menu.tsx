"use client";
import { useCallback, useId, useRef, useState } from "react";
import { WALLET_LABELS } from "@/lib/wallet/types";
import { shortAddress } from "@/lib/chain/address";
import { useDismiss } from "@/components/ui/use-dismiss";
import { type ConnectedWallet, useWallet } from "@/components/wallet/wallet-provider";

/** The connected account: name and address on the button; copy, sign-in state and Disconnect in its panel. */
export function AccountMenu({ wallet }: { wallet: ConnectedWallet }) {
  const { network, sessionAddress, signIn, disconnect, signOutEverywhere } = useWallet();
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState<"copied" | "denied" | null>(null);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(root, open, close, button);
  const signedIn = sessionAddress === wallet.address;

  // clipboard permission denied: the address is selectable text in the panel, so say that instead
  const copy = () =>
    navigator.clipboard.writeText(wallet.address).then(
      () => setCopied("copied"),
      () => setCopied("denied"),
    ).then(() => setTimeout(() => setCopied(null), 2000));

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={`Account ${wallet.name}, ${wallet.address}`}
        onClick={() => setOpen((o) => !o)}
        className="flex items-center gap-2 rounded border border-neutral-300 px-2.5 py-1 text-sm hover:bg-neutral-100"
      >
        <span className="hidden max-w-40 truncate font-medium sm:inline">{wallet.name}</span>
        <span data-testid="wallet-address" title={wallet.address} className="font-mono text-xs text-neutral-600">
          {shortAddress(wallet.address)}
        </span>
      </button>
      {open && (
        <div id={panelId} role="dialog" aria-label="Wallet account" className="absolute right-0 z-20 mt-1 w-80 max-w-[calc(100vw-1rem)] rounded border border-neutral-200 bg-white p-3 text-sm shadow-lg">
          <p className="font-medium">{wallet.name}</p>
          <p className="text-xs text-neutral-500">
            {WALLET_LABELS[wallet.kind]}
            {wallet.isLedger ? " · Ledger" : ""} · {network.chainName}
          </p>
          <div className="mt-2 flex items-center gap-2">
            <code className="min-w-0 flex-1 break-all rounded bg-neutral-100 px-1.5 py-1 font-mono text-xs select-all">{wallet.address}</code>
            <button type="button" onClick={() => void copy()} className="rounded border border-neutral-300 px-2 py-1 text-xs hover:bg-neutral-100">
              Copy address
            </button>
          </div>
          <p role="status" className="h-4 text-xs text-green-700">{copied === "copied" ? "Address copied" : copied === "denied" ? "Copying is blocked here: select the address above" : ""}</p>
          <p className="mt-1 text-xs text-neutral-600">
            {signedIn ? "Signed in: drafts are saved for this address." : "Not signed in: drafts are saved for this browser only."}
          </p>
          <div className="mt-3 flex flex-wrap justify-end gap-2">
            {signedIn && (
              <button
                type="button"
                title="Ends this address's sessions on every device and browser"
                onClick={() => {
                  setOpen(false);
                  void signOutEverywhere();
                }}
                className="rounded border border-neutral-300 px-2.5 py-1 hover:bg-neutral-100"
              >
                Sign out everywhere
              </button>
            )}
            {!signedIn && (
              <button type="button" onClick={() => void signIn()} className="rounded border border-neutral-300 px-2.5 py-1 hover:bg-neutral-100">
                Sign in
              </button>
            )}
            <button
              type="button"
              onClick={() => {
                setOpen(false);
                void disconnect();
              }}
              className="rounded bg-neutral-900 px-2.5 py-1 text-white hover:bg-neutral-700"
            >
              Disconnect
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
