"use client";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { WALLET_LABELS, type WalletKind } from "@/lib/wallet/types";
import { useDismiss } from "@/components/ui/use-dismiss";
import { useWallet } from "@/components/wallet/wallet-provider";

/** "Connect wallet" and its menu: Keplr, Leap and, on the devnet only, the built-in test account. */
export function ConnectMenu() {
  const { network, status, available, connect } = useWallet();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(root, open, close, button);

  // the test account is offered only where it may sign: never on sandbox-2 or akashnet-2
  const kinds: WalletKind[] = network.allowsDevnetTestWallet ? ["keplr", "leap", "devnet"] : ["keplr", "leap"];
  const connecting = status === "connecting";

  useEffect(() => {
    if (open) items.current[0]?.focus();
  }, [open]);

  const onMenuKey = (e: React.KeyboardEvent) => {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    e.preventDefault();
    const at = items.current.findIndex((el) => el === document.activeElement);
    const next = (at + (e.key === "ArrowDown" ? 1 : kinds.length - 1)) % kinds.length;
    items.current[next]?.focus();
  };

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={connecting}
        onClick={() => setOpen((o) => !o)}
        className="rounded bg-neutral-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-neutral-700 disabled:opacity-60"
      >
        {connecting ? "Connecting…" : "Connect wallet"}
      </button>
      {open && (
        <div
          id={menuId}
          role="menu"
          aria-label="Choose a wallet"
          onKeyDown={onMenuKey}
          className="absolute right-0 z-20 mt-1 w-72 rounded border border-neutral-200 bg-white py-1 shadow-lg"
        >
          {kinds.map((kind, i) => (
            <button
              key={kind}
              ref={(el) => {
                items.current[i] = el;
              }}
              type="button"
              role="menuitem"
              onClick={() => {
                setOpen(false);
                void connect(kind);
              }}
              className="flex w-full items-baseline justify-between gap-2 px-3 py-2 text-left text-sm hover:bg-neutral-100 focus:bg-neutral-100 focus:outline-none"
            >
              <span>{WALLET_LABELS[kind]}</span>
              <span className="text-xs text-neutral-500">{hint(kind, available[kind])}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

function hint(kind: WalletKind, isAvailable: boolean): string {
  if (kind === "devnet") return "no extension needed";
  return isAvailable ? "detected" : "not detected";
}
