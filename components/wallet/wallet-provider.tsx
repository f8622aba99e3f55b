"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { authApi } from "@/lib/auth/api-client";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { getNetworkFromEnv, type Network } from "@/lib/networks";
import { chainKeys } from "@/lib/query/chain";
import { getKeplrWallet, isKeplrInstalled } from "@/lib/wallet/keplr";
import { getLeapWallet, isLeapInstalled } from "@/lib/wallet/leap";
import { notSignedInError, signInWithWallet } from "@/lib/wallet/sign-in";
import type { WalletAdapter, WalletKey, WalletKind } from "@/lib/wallet/types";
import { mapWalletError } from "@/lib/wallet/wallet-errors";
import { type ConnectedWallet, toConnectedWallet } from "@/lib/wallet/connected-wallet";

export type { WalletKind } from "@/lib/wallet/types";
export type { ConnectedWallet } from "@/lib/wallet/connected-wallet";

export interface WalletState {
  network: Network;
  wallet: ConnectedWallet | null;
  status: "idle" | "connecting" | "connected" | "error";
  error: AppError | null;
  available: Record<WalletKind, boolean>;
  /** the server session's address (null when not signed in) */
  sessionAddress: string | null;
  /** Resolves when done; a failure is reported in `error`, never thrown. */
  connect(kind: WalletKind): Promise<void>;
  signIn(): Promise<void>;
  disconnect(): Promise<void>;
}

const WalletContext = createContext<WalletState | null>(null);
/** Which wallet to reconnect on the next visit: a kind, never a key or an address. */
const STORAGE_KEY = "akash-console.wallet-kind";
const KINDS: readonly WalletKind[] = ["keplr", "leap", "devnet"];

async function createAdapter(kind: WalletKind, network: Network): Promise<WalletAdapter> {
  if (kind === "keplr") return getKeplrWallet(network, window);
  if (kind === "leap") return getLeapWallet(network, window);
  // loaded on demand: most tenants never use it, and it pulls in bip39 and the HD wallets
  const { DevnetTestWallet } = await import("@/lib/wallet/devnet-wallet");
  return new DevnetTestWallet(network);
}

const asAppError = (e: unknown, kind: WalletKind) => (isAppError(e) ? e : mapWalletError(e, kind));

export function WalletProvider({ children }: { children: React.ReactNode }) {
  const network = useMemo(getNetworkFromEnv, []);
  const router = useRouter();
  const queryClient = useQueryClient();
  const [wallet, setWallet] = useState<ConnectedWallet | null>(null);
  const [status, setStatus] = useState<WalletState["status"]>("idle");
  const [error, setError] = useState<AppError | null>(null);
  const [available, setAvailable] = useState<Record<WalletKind, boolean>>({ keplr: false, leap: false, devnet: network.allowsDevnetTestWallet });
  const [sessionAddress, setSessionAddressState] = useState<string | null>(null);
  // refs mirror what async callbacks (account-change events) must read at the time they run
  const sessionRef = useRef<string | null>(null);
  const walletRef = useRef<ConnectedWallet | null>(null);
  const detachRef = useRef<() => void>(() => {});

  const setSession = useCallback(
    (address: string | null) => {
      const changed = sessionRef.current !== address;
      sessionRef.current = address;
      setSessionAddressState(address);
      // server components (the /drafts pages) read the session cookie: render them again for the new owner
      if (changed) router.refresh();
    },
    [router],
  );

  const showWallet = useCallback((w: ConnectedWallet | null) => {
    walletRef.current = w;
    setWallet(w);
  }, []);

  /** Signs in as `w`; on failure the wallet stays connected and `error` says that sign-in did not happen. */
  const trySignIn = useCallback(
    async (w: ConnectedWallet) => {
      try {
        const address = await signInWithWallet(w);
        if (walletRef.current?.address !== w.address) return; // the account changed meanwhile
        setSession(address);
        setError(null);
      } catch (e) {
        setError(notSignedInError(e, w.kind));
      }
    },
    [setSession],
  );

  const endServerSession = useCallback(async () => {
    if (!sessionRef.current) return;
    await authApi.logout().catch(() => undefined); // the cookie expires anyway; a failed logout must not block
    setSession(null);
  }, [setSession]);

  /** Makes `adapter` the current wallet and follows its account switches (Keplr/Leap keystore-change events). */
  const attach = useCallback(
    (adapter: WalletAdapter, key: WalletKey) => {
      detachRef.current();
      const connected = toConnectedWallet(adapter, key, network);
      showWallet(connected);
      setStatus("connected");
      detachRef.current = adapter.onAccountChange(() => {
        void (async () => {
          try {
            const next = await adapter.getKey();
            if (next.bech32Address === walletRef.current?.address) return;
            const switched = toConnectedWallet(adapter, next, network);
            showWallet(switched);
            // the old address's session must not keep serving the new account's pages
            if (sessionRef.current && sessionRef.current !== next.bech32Address) await endServerSession();
            await trySignIn(switched);
          } catch (e) {
            setError(asAppError(e, adapter.kind));
          }
        })();
      });
      return connected;
    },
    [network, showWallet, endServerSession, trySignIn],
  );

  const connect = useCallback(
    async (kind: WalletKind) => {
      setStatus("connecting");
      setError(null);
      let connected: ConnectedWallet;
      try {
        const adapter = await createAdapter(kind, network);
        connected = attach(adapter, await adapter.connect());
      } catch (e) {
        setStatus(walletRef.current ? "connected" : "error");
        setError(asAppError(e, kind));
        return;
      }
      window.localStorage.setItem(STORAGE_KEY, kind);
      if (sessionRef.current === connected.address) return;
      await endServerSession();
      setStatus("connecting"); // one click: connecting includes the sign-in signature
      await trySignIn(connected);
      setStatus("connected");
    },
    [network, attach, endServerSession, trySignIn],
  );

  const signIn = useCallback(async () => {
    const current = walletRef.current;
    if (!current) {
      setError(new AppError("wallet.missing", "Connect a wallet first: signing in proves you hold its address."));
      return;
    }
    setError(null);
    await trySignIn(current);
  }, [trySignIn]);

  const disconnect = useCallback(async () => {
    detachRef.current();
    detachRef.current = () => {};
    const previous = walletRef.current;
    showWallet(null);
    setStatus("idle");
    setError(null);
    window.localStorage.removeItem(STORAGE_KEY);
    if (previous) queryClient.removeQueries({ queryKey: chainKeys.balances(network.id, previous.address) });
    await endServerSession();
  }, [network.id, queryClient, showWallet, endServerSession]);

  // On load: what the server knows (session), which extensions exist, and a silent reconnect of the last wallet.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return; // React strict mode runs effects twice in development
    started.current = true;
    void (async () => {
      const [session, keplr, leap] = await Promise.all([
        authApi.session().catch(() => ({ address: null })),
        isKeplrInstalled(window),
        isLeapInstalled(window),
      ]);
      sessionRef.current = session.address;
      setSessionAddressState(session.address);
      const availableNow = { keplr, leap, devnet: network.allowsDevnetTestWallet };
      setAvailable(availableNow);
      const remembered = window.localStorage.getItem(STORAGE_KEY) as WalletKind | null;
      if (!remembered || !KINDS.includes(remembered) || !availableNow[remembered] || walletRef.current) return;
      setStatus("connecting");
      try {
        const adapter = await createAdapter(remembered, network);
        // silent: no chain suggestion; enable() does not prompt while the site is still approved
        const connected = attach(adapter, await adapter.connect({ silent: true }));
        // a session of another account (switched while the console was closed) is ended, not silently reused
        if (session.address && session.address !== connected.address) await endServerSession();
      } catch {
        window.localStorage.removeItem(STORAGE_KEY);
        setStatus("idle");
      }
    })();
  }, [network, attach, endServerSession]);

  useEffect(() => () => detachRef.current(), []);

  const value = useMemo<WalletState>(
    () => ({ network, wallet, status, error, available, sessionAddress, connect, signIn, disconnect }),
    [network, wallet, status, error, available, sessionAddress, connect, signIn, disconnect],
  );
  return <WalletContext.Provider value={value}>{children}</WalletContext.Provider>;
}

export function useWallet(): WalletState {
  const state = useContext(WalletContext);
  if (!state) throw new Error("useWallet() must be used inside <WalletProvider> (app/providers.tsx)");
  return state;
}
