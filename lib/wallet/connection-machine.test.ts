import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import type { ConnectedWallet } from "@/lib/wallet/connected-wallet";
import { type ConnectionEvent, type ConnectionState, connectionReducer, initialConnection } from "@/lib/wallet/connection-machine";

const A = "akash15yk64u7zc9g9k2yr2wmzeva5qgwxps6ytfzgqy";
const B = "akash1ftvgh9rdfnn48rtjy2x4xw50tsr6vzfc8npy7k";
const wallet = (address: string): ConnectedWallet => ({
  kind: "keplr",
  address,
  name: address === A ? "tenant1" : "tenant2",
  isLedger: false,
  pubkey: new Uint8Array(33),
  getSigningClient: () => Promise.reject(new Error("not used by the reducer")),
  signArbitrary: () => Promise.reject(new Error("not used by the reducer")),
});
const rejected = new AppError("wallet.rejected", "You rejected the request in Keplr. Nothing was signed.");
const run = (events: ConnectionEvent[], from: ConnectionState = initialConnection) => events.reduce(connectionReducer, from);

describe("connectionReducer", () => {
  it("connects and signs in with one click: connecting, account-switched (from none), connecting, connected", () => {
    const steps: ConnectionEvent[] = [{ type: "connect", kind: "keplr" }, { type: "connected", wallet: wallet(A), signIn: true }, { type: "sign-in" }, { type: "signed-in", address: A }];
    const statuses = steps.map((_, i) => run(steps.slice(0, i + 1)).status);
    expect(statuses).toEqual(["connecting", "account-switched", "connecting", "connected"]);
    expect(run(steps)).toMatchObject({ wallet: { address: A }, session: A, error: null });
  });

  it("is connected at once when the server already has this wallet's session", () => {
    const state = run([{ type: "session", address: A }, { type: "connect", kind: "keplr" }, { type: "connected", wallet: wallet(A), signIn: true }]);
    expect(state.status).toBe("connected");
  });

  it("does not ask for a signature on a silent reconnect: the header offers Sign in instead", () => {
    expect(run([{ type: "connect", kind: "keplr" }, { type: "connected", wallet: wallet(A), signIn: false }]).status).toBe("session-mismatch");
  });

  it("goes to error when the first connection fails, and keeps the old wallet when a switch of wallet fails", () => {
    expect(run([{ type: "connect", kind: "keplr" }, { type: "connect-failed", error: rejected }])).toMatchObject({ status: "error", wallet: null, error: rejected });
    const kept = run([{ type: "session", address: A }, { type: "connected", wallet: wallet(A), signIn: false }, { type: "connect", kind: "leap" }, { type: "connect-failed", error: rejected }]);
    expect(kept).toMatchObject({ status: "connected", wallet: { address: A }, error: rejected });
  });

  it("stays connected but not signed in when the sign-in is rejected, and says why", () => {
    const state = run([{ type: "connected", wallet: wallet(A), signIn: false }, { type: "sign-in" }, { type: "sign-in-failed", address: A, error: rejected }]);
    expect(state).toMatchObject({ status: "session-mismatch", wallet: { address: A }, session: null, error: rejected });
    expect(run([{ type: "sign-in" }, { type: "signed-in", address: A }], state)).toMatchObject({ status: "connected", error: null });
  });

  it("marks an account switch in the wallet so the old session is ended and the new account signs in", () => {
    const signedIn = run([{ type: "session", address: A }, { type: "connected", wallet: wallet(A), signIn: false }]);
    const switched = connectionReducer(signedIn, { type: "account-changed", wallet: wallet(B) });
    expect(switched).toMatchObject({ status: "account-switched", wallet: { address: B }, session: A });
    expect(run([{ type: "session", address: null }, { type: "sign-in" }, { type: "signed-in", address: B }], switched)).toMatchObject({ status: "connected", session: B });
  });

  it("ignores an account-change event that names the same account, and needs no sign-in when switching back to the session's", () => {
    const signedIn = run([{ type: "session", address: A }, { type: "connected", wallet: wallet(A), signIn: false }]);
    expect(connectionReducer(signedIn, { type: "account-changed", wallet: wallet(A) })).toBe(signedIn);
    const away = run([{ type: "account-changed", wallet: wallet(B) }, { type: "sign-in" }, { type: "sign-in-failed", address: B, error: rejected }], signedIn);
    expect(connectionReducer(away, { type: "account-changed", wallet: wallet(A) }).status).toBe("connected");
  });

  it("does not count a sign-in that finished for the previous account as the new account's", () => {
    const switched = run([{ type: "connected", wallet: wallet(A), signIn: true }, { type: "sign-in" }, { type: "account-changed", wallet: wallet(B) }]);
    expect(connectionReducer(switched, { type: "signed-in", address: A })).toMatchObject({ status: "account-switched", wallet: { address: B }, session: A });
    // nor its failure: the wallet no longer holds that account
    expect(connectionReducer(switched, { type: "sign-in-failed", address: A, error: rejected })).toBe(switched);
  });

  it("follows the server's session while resting: a session that expires asks for a new sign-in", () => {
    const signedIn = run([{ type: "session", address: A }, { type: "connected", wallet: wallet(A), signIn: false }]);
    expect(connectionReducer(signedIn, { type: "session", address: null }).status).toBe("session-mismatch");
    // while a connection is in flight its own end decides the status
    const connecting = connectionReducer(signedIn, { type: "connect", kind: "leap" });
    expect(connectionReducer(connecting, { type: "session", address: null }).status).toBe("connecting");
  });

  it("returns to idle without an error when the silent reconnect on page load fails", () => {
    expect(run([{ type: "connect", kind: "keplr" }, { type: "reconnect-failed" }])).toEqual(initialConnection);
  });

  it("forgets the wallet on disconnect but not what the server said about the session", () => {
    const state = run([{ type: "session", address: A }, { type: "connected", wallet: wallet(A), signIn: false }, { type: "disconnect" }]);
    expect(state).toEqual({ ...initialConnection, session: A });
  });

  it("reports a failure without changing a resting status", () => {
    const signedIn = run([{ type: "session", address: A }, { type: "connected", wallet: wallet(A), signIn: false }]);
    const error = new AppError("wallet.unknown", "Keplr reported an error: keyring locked");
    expect(connectionReducer(signedIn, { type: "failed", error })).toMatchObject({ status: "connected", error });
    expect(connectionReducer(initialConnection, { type: "failed", error })).toMatchObject({ status: "idle", error });
  });
});
