"use client";
import { Button } from "@/components/ui/button";
import { MenuItem, Popover } from "@/components/ui/popover";
import { useWallet } from "@/components/wallet/wallet-provider";
import { WALLET_LABELS, type WalletKind } from "@/lib/wallet/types";

/** "Connect wallet" and its menu: Keplr, Leap and, on the devnet only, the built-in test account. */
export function ConnectMenu() {
  const { network, status, available, connect } = useWallet();
  // the test account is offered only where it may sign: never on sandbox-2 or akashnet-2
  const kinds: WalletKind[] = network.allowsDevnetTestWallet ? ["keplr", "leap", "devnet"] : ["keplr", "leap"];
  const connecting = status === "connecting";
  return (
    <Popover
      kind="menu"
      label="Choose a wallet"
      className="w-72"
      trigger={(props) => (
        <Button variant="primary" {...props} disabled={connecting}>
          {connecting ? "Connecting…" : "Connect wallet"}
        </Button>
      )}
    >
      {(close) =>
        kinds.map((kind) => (
          <MenuItem
            key={kind}
            onClick={() => {
              close();
              void connect(kind);
            }}
          >
            <span>{WALLET_LABELS[kind]}</span>
            <span className="text-xs text-neutral-500">{hint(kind, available[kind])}</span>
          </MenuItem>
        ))
      }
    </Popover>
  );
}

function hint(kind: WalletKind, isAvailable: boolean): string {
  if (kind === "devnet") return "no extension needed";
  return isAvailable ? "detected" : "not detected";
}
