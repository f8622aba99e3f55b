"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Popover } from "@/components/ui/popover";
import { type ConnectedWallet, useWallet } from "@/components/wallet/wallet-provider";
import { shortAddress } from "@/lib/chain/address";
import { WALLET_LABELS } from "@/lib/wallet/types";

/** The connected account: name and address on the button; copy, sign-in state, Sign out everywhere and Disconnect in its panel. */
export function AccountMenu({ wallet }: { wallet: ConnectedWallet }) {
  const { network, sessionAddress, signIn, disconnect, signOutEverywhere } = useWallet();
  const [copied, setCopied] = useState<"copied" | "denied" | null>(null);
  const signedIn = sessionAddress === wallet.address;

  // clipboard permission denied: the address is selectable text in the panel, so say that instead
  const copy = () =>
    navigator.clipboard.writeText(wallet.address).then(
      () => setCopied("copied"),
      () => setCopied("denied"),
    ).then(() => setTimeout(() => setCopied(null), 2000));

  return (
    <Popover
      label="Wallet account"
      className="w-80"
      trigger={(props) => (
        <Button {...props} aria-label={`Account ${wallet.name}, ${wallet.address}`} className="gap-2 px-2.5 py-1">
          <span className="hidden max-w-40 truncate font-medium sm:inline">{wallet.name}</span>
          <span data-testid="wallet-address" title={wallet.address} className="font-mono text-xs font-normal text-neutral-600">
            {shortAddress(wallet.address)}
          </span>
        </Button>
      )}
    >
      {(close) => (
        <>
          <p className="font-medium">{wallet.name}</p>
          <p className="text-xs text-neutral-500">
            {WALLET_LABELS[wallet.kind]}
            {wallet.isLedger ? " · Ledger" : ""} · {network.chainName}
          </p>
          <div className="mt-2 flex items-center gap-2">
            <code className="min-w-0 flex-1 break-all rounded bg-neutral-100 px-1.5 py-1 font-mono text-xs select-all">{wallet.address}</code>
            <Button size="sm" onClick={() => void copy()}>
              Copy address
            </Button>
          </div>
          <p role="status" className="h-4 text-xs text-green-700">{copied === "copied" ? "Address copied" : copied === "denied" ? "Copying is blocked here: select the address above" : ""}</p>
          <p className="mt-1 text-xs text-neutral-600">
            {signedIn ? "Signed in: drafts are saved for this address." : "Not signed in: drafts are saved for this browser only."}
          </p>
          <div className="mt-3 flex flex-wrap justify-end gap-2">
            {signedIn && (
              <Button
                title="Ends this address's sessions on every device and browser"
                onClick={() => {
                  close();
                  void signOutEverywhere();
                }}
              >
                Sign out everywhere
              </Button>
            )}
            {!signedIn && <Button onClick={() => void signIn()}>Sign in</Button>}
            <Button
              variant="primary"
              onClick={() => {
                close();
                void disconnect();
              }}
            >
              Disconnect
            </Button>
          </div>
        </>
      )}
    </Popover>
  );
}
