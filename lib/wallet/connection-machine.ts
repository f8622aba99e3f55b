import type { AppError } from "@/lib/errors/app-error";
import type { ConnectedWallet } from "@/lib/wallet/connected-wallet";
import type { WalletKind } from "@/lib/wallet/types";

/**
 * The connected wallet and the console's session as one state machine, so every combination the header can show is
 * named and tested (lib/wallet/connection-machine.test.ts) instead of spread over refs and setState calls:
 *
 * - idle: no wallet
 * - connecting: a wallet is being connected, or is signing the sign-in message (one click does both)
 * - connected: a wallet is connected and the server's session is that wallet's address
 * - session-mismatch: a wallet is connected but the session is another address's, or there is none ("Sign in")
 * - account-switched: the account the console serves changed (a connection by click, or a switch in the wallet)
 *   and the server's session is not that account's: the old session must end and the new account sign in
 * - error: connecting failed and no wallet is connected
 *
 * `session` is the server's answer (lib/query/session.ts) as last reported; the machine never guesses it.
 */
export type ConnectionStatus = "idle" | "connecting" | "connected" | "session-mismatch" | "account-switched" | "error";

export interface ConnectionState {
  status: ConnectionStatus;
  wallet: ConnectedWallet | null;
  /** the wallet being connected, while connecting */
  connectingKind: WalletKind | null;
  session: string | null;
  error: AppError | null;
}

export type ConnectionEvent =
  | { type: "session"; address: string | null }
  | { type: "connect"; kind: WalletKind }
  /** `signIn`: the tenant clicked "Connect", which signs in as well (one click); a silent reconnect does not */
  | { type: "connected"; wallet: ConnectedWallet; signIn: boolean }
  | { type: "connect-failed"; error: AppError }
  /** a silent reconnect on page load failed: the tenant did not ask for it, so there is nothing to report */
  | { type: "reconnect-failed" }
  | { type: "account-changed"; wallet: ConnectedWallet }
  | { type: "sign-in" }
  /** `address`: the account that signed, which may no longer be the wallet's (the tenant switched meanwhile) */
  | { type: "signed-in"; address: string }
  | { type: "sign-in-failed"; address: string; error: AppError }
  | { type: "failed"; error: AppError }
  | { type: "disconnect" };

export const initialConnection: ConnectionState = { status: "idle", wallet: null, connectingKind: null, session: null, error: null };

/** Where a state with a wallet and no work in flight rests: does the session belong to the wallet? */
function settle(state: ConnectionState): ConnectionState {
  if (!state.wallet) return { ...state, status: state.error ? "error" : "idle", connectingKind: null };
  return { ...state, status: state.session === state.wallet.address ? "connected" : "session-mismatch", connectingKind: null };
}

export function connectionReducer(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  switch (event.type) {
    case "session": {
      const next = { ...state, session: event.address };
      // work in flight decides its own end; a resting state follows the session
      return state.status === "connected" || state.status === "session-mismatch" ? settle(next) : next;
    }
    case "connect":
      // the wallet connected so far stays on screen until the new one answers
      return { ...state, status: "connecting", connectingKind: event.kind, error: null };
    case "connected": {
      const next = { ...state, wallet: event.wallet, error: null };
      return event.signIn && state.session !== event.wallet.address ? { ...next, status: "account-switched", connectingKind: null } : settle(next);
    }
    case "connect-failed":
      return settle({ ...state, error: event.error });
    case "reconnect-failed":
      return settle({ ...state, error: null });
    case "account-changed":
      if (event.wallet.address === state.wallet?.address) return state;
      // switched back to the account the session is for: nothing to end, nothing to sign
      if (event.wallet.address === state.session) return settle({ ...state, wallet: event.wallet, error: null });
      return { ...state, status: "account-switched", wallet: event.wallet, connectingKind: null, error: null };
    case "sign-in":
      if (!state.wallet) return state;
      return { ...state, status: "connecting", connectingKind: state.wallet.kind, error: null };
    case "signed-in":
      if (event.address === state.wallet?.address) return settle({ ...state, session: event.address, error: null });
      // a sign-in that finishes after the account changed proves the old address: the new one still needs its own
      return state.status === "connected" || state.status === "session-mismatch" ? settle({ ...state, session: event.address }) : { ...state, session: event.address };
    case "sign-in-failed":
      // the previous account's sign-in failing after a switch says nothing about the current one
      if (event.address !== state.wallet?.address) return state;
      return settle({ ...state, error: event.error });
    case "failed": {
      const next = { ...state, error: event.error };
      return state.status === "connecting" || state.status === "account-switched" ? settle(next) : next;
    }
    case "disconnect":
      return { ...initialConnection, session: state.session };
  }
}
