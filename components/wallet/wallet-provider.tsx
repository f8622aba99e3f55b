"use client";
import { useQueryClient } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { getNetworkFromEnv, type Network } from "@/lib/networks";
import { chainKeys } from "@/lib/query/chain";
import { type ConnectedWallet, toConnectedWallet } from "@/lib/wallet/connected-wallet";
import { type ConnectionStatus, connectionReducer, initialConnection } from "@/lib/wallet/connection-machine";
import { createWalletAdapter } from "@/lib/wallet/create-adapter";
import { isKeplrInstalled } from "@/lib/wallet/keplr";
import { isLeapInstalled } from "@/lib/wallet/leap";
import { forgetWalletKind, rememberedWalletKind, rememberWalletKind } from "@/lib/wallet/remembered-wallet";
import { notSignedInError } from "@/lib/wallet/sign-in";
import type { WalletAdapter, WalletKey, WalletKind } from "@/lib/wallet/types";
import { mapWalletError } from "@/lib/wallet/wallet-errors";
import { currentSession, useSession, useSignIn, useSignOut, useSignOutEverywhere } from "./use-session";

export type { WalletKind } from "@/lib/wallet/types";
export type { ConnectedWallet } from "@/lib/wallet/connected-wallet";

export interface WalletState {
  network: Network;
  wallet: ConnectedWallet | null;
  /** lib/wallet/connection-machine.ts: "session-mismatch" is a connected wallet that is not signed in */
  status: ConnectionStatus;
  error: AppError | null;
  available: Record<WalletKind, boolean>;
  /** the server session's address (null when not signed in) */
  sessionAddress: string | null;
  /** Resolves when done; a failure is reported in `error`, never thrown. */
  connect(kind: WalletKind): Promise<void>;
  signIn(): Promise<void>;
  disconnect(): Promise<void>;
  /** ends every session of the signed-in address on every device; the wallet stays connected here */
  signOutEverywhere(): Promise<void>;
}

const WalletContext = createContext<WalletState | null>(null);
const asAppError = (e: unknown, kind: WalletKind) => (isAppError(e) ? e : mapWalletError(e, kind));

/**
 * The wallet for the whole app: the state lives in a pure reducer (lib/wallet/connection-machine.ts), the session
 * in the query cache (lib/query/session.ts) with sign-in/sign-out mutations; this component only runs the effects.
 */
export function WalletProvider({ children }: { children: React.ReactNode }) {
  const network = useMemo(getNetworkFromEnv, []);
  const queryClient = useQueryClient();
  const [state, dispatch] = useReducer(connectionReducer, initialConnection);
  const [available, setAvailable] = useState<Record<WalletKind, boolean>>({ keplr: false, leap: false, devnet: network.allowsDevnetTestWallet });
  const session = useSession();
  const { mutateAsync: signInAs } = useSignIn();
  const { mutateAsync: signOut } = useSignOut();
  const { mutateAsync: endEverySession } = useSignOutEverywhere();
  // the subscription to the extension's account-change event: a handle to release, not a copy of state
  const detach = useRef<() => void>(() => {});

  const sessionAddress = session.data ?? null;
  useEffect(() => dispatch({ type: "session", address: sessionAddress }), [sessionAddress]);

  /** Signs in as `w`; on failure the wallet stays connected and `error` says that sign-in did not happen. */
  const signInWith = useCallback(
    async (w: ConnectedWallet) => {
      dispatch({ type: "sign-in" });
      await signInAs(w).then(
        (address) => dispatch({ type: "signed-in", address }),
        (e: unknown) => dispatch({ type: "sign-in-failed", address: w.address, error: notSignedInError(e, w.kind) }),
      );
    },
    [signInAs],
  );

  /** The old address's session must not keep serving another account's pages. */
  const endSessionUnlessFor = useCallback(
    async (address: string | null) => {
      const current = await currentSession(queryClient);
      if (current === null || current === address) return;
      await signOut().then(
        () => undefined,
        (e: unknown) => dispatch({ type: "failed", error: isAppError(e) ? e : new AppError("console.unreachable", "Signing out failed; try again.") }),
      );
    },
    [queryClient, signOut],
  );

  /** Makes `adapter` the current wallet and follows its account switches (Keplr/Leap keystore-change events). */
  const attach = useCallback(
    (adapter: WalletAdapter, key: WalletKey, signIn: boolean) => {
      detach.current();
      const connected = toConnectedWallet(adapter, key, network);
      dispatch({ type: "connected", wallet: connected, signIn });
      detach.current = adapter.onAccountChange(() => {
        adapter.getKey().then(
          (next) => dispatch({ type: "account-changed", wallet: toConnectedWallet(adapter, next, network) }),
          (e: unknown) => dispatch({ type: "failed", error: asAppError(e, adapter.kind) }),
        );
      });
      rememberWalletKind(window.localStorage, adapter.kind);
      return connected;
    },
    [network],
  );

  /** Connects, then (one click) the effect below ends another account's session and signs in. */
  const connect = useCallback(
    async (kind: WalletKind) => {
      dispatch({ type: "connect", kind });
      try {
        const adapter = await createWalletAdapter(kind, network, window);
        attach(adapter, await adapter.connect(), true);
      } catch (e) {
        dispatch({ type: "connect-failed", error: asAppError(e, kind) });
      }
    },
    [network, attach],
  );

  // The account the console serves changed (a connection by click, a switch in the wallet): end the old
  // account's session, then sign in as this one. Driven by the state, so it always signs for the current account.
  const needsSession = state.status === "account-switched" ? state.wallet : null;
  useEffect(() => {
    if (!needsSession) return;
    let current = true;
    void endSessionUnlessFor(needsSession.address).then(() => (current ? signInWith(needsSession) : undefined));
    // switched again before the old session ended: that account's own run signs in
    return () => {
      current = false;
    };
  }, [needsSession, endSessionUnlessFor, signInWith]);

  const signIn = useCallback(async () => {
    if (!state.wallet) {
      dispatch({ type: "failed", error: new AppError("wallet.missing", "Connect a wallet first: signing in proves you hold its address.") });
      return;
    }
    await signInWith(state.wallet);
  }, [state.wallet, signInWith]);

  const disconnect = useCallback(async () => {
    detach.current();
    detach.current = () => {};
    dispatch({ type: "disconnect" });
    forgetWalletKind(window.localStorage);
    queryClient.removeQueries({ queryKey: chainKeys.allBalances(network.id) });
    await endSessionUnlessFor(null);
  }, [network.id, queryClient, endSessionUnlessFor]);

  const signOutEverywhere = useCallback(
    () =>
      endEverySession().then(
        () => undefined,
        (e: unknown) => dispatch({ type: "failed", error: isAppError(e) ? e : new AppError("console.unreachable", "Signing out everywhere failed; try again.") }),
      ),
    [endEverySession],
  );

  // On load: which extensions exist, and a silent reconnect of the last wallet. StrictMode runs this twice in
  // development: the first run is cancelled before it connects anything.
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const [keplr, leap] = await Promise.all([isKeplrInstalled(window), isLeapInstalled(window)]);
      if (cancelled) return;
      const availableNow = { keplr, leap, devnet: network.allowsDevnetTestWallet };
      setAvailable(availableNow);
      const remembered = rememberedWalletKind(window.localStorage);
      if (!remembered || !availableNow[remembered]) return;
      dispatch({ type: "connect", kind: remembered });
      // silent: no chain suggestion; enable() does not prompt while the site is still approved
      const reconnected = await createWalletAdapter(remembered, network, window)
        .then(async (adapter) => ({ adapter, key: await adapter.connect({ silent: true }) }))
        .then(
          (ok) => ok,
          (e: unknown) => ({ error: e }),
        );
      if (cancelled) return;
      if ("error" in reconnected) {
        // the tenant did not ask for this reconnect (the site is no longer approved, the wallet is locked):
        // forget the wallet and offer "Connect wallet" rather than report an error nobody caused
        forgetWalletKind(window.localStorage);
        dispatch({ type: "reconnect-failed" });
        return;
      }
      const connected = attach(reconnected.adapter, reconnected.key, false);
      // a session of another account (switched while the console was closed) is ended, not silently reused
      await endSessionUnlessFor(connected.address);
    })();
    return () => {
      cancelled = true;
    };
  }, [network, attach, endSessionUnlessFor]);

  useEffect(() => () => detach.current(), []);

  const value = useMemo<WalletState>(
    () => ({ network, wallet: state.wallet, status: state.status, error: state.error, available, sessionAddress, connect, signIn, disconnect, signOutEverywhere }),
    [network, state.wallet, state.status, state.error, available, sessionAddress, connect, signIn, disconnect, signOutEverywhere],
  );
  return <WalletContext.Provider value={value}>{children}</WalletContext.Provider>;
}

export function useWallet(): WalletState {
  const state = useContext(WalletContext);
  if (!state) throw new Error("useWallet() must be used inside <WalletProvider> (app/providers.tsx)");
  return state;
}
