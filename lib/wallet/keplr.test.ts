import { describe, expect, it, vi } from "vitest";
import type { StdSignature } from "@cosmjs/amino";
import { AppError } from "@/lib/errors/app-error";
import { resolveNetwork } from "@/lib/networks";
import { type KeplrLikeApi, needsChainSuggestion, type WalletWindow } from "@/lib/wallet/extension";
import { getKeplrWallet, isKeplrInstalled } from "@/lib/wallet/keplr";
import { getLeapWallet } from "@/lib/wallet/leap";
import { TENANT1 } from "../../devnet/accounts";

/** A window whose document loads when told to, and whose extension may be injected late, as in a browser. */
function fakeWindow(readyState: DocumentReadyState = "loading") {
  const doc = new EventTarget() as EventTarget & { readyState: DocumentReadyState };
  doc.readyState = readyState;
  const events = new EventTarget();
  const win = {
    document: doc,
    addEventListener: (t: string, l: () => void) => events.addEventListener(t, l),
    removeEventListener: (t: string, l: () => void) => events.removeEventListener(t, l),
  } as WalletWindow;
  return {
    win,
    finishLoading() {
      doc.readyState = "complete";
      doc.dispatchEvent(new Event("readystatechange"));
    },
    emit: (type: string) => events.dispatchEvent(new Event(type)),
  };
}

function fakeKeplr(overrides: Partial<KeplrLikeApi> = {}) {
  const calls: string[] = [];
  const api: KeplrLikeApi = {
    experimentalSuggestChain: vi.fn(async (info) => void calls.push(`suggest ${info.chainId}`)),
    enable: vi.fn(async (id) => void calls.push(`enable ${String(id)}`)),
    getKey: vi.fn(async () => ({ name: "main", bech32Address: TENANT1.address, isNanoLedger: false, pubKey: new Uint8Array(33).fill(2) })),
    getOfflineSignerAuto: vi.fn(async () => ({ getAccounts: async () => [] })),
    signArbitrary: vi.fn(async (): Promise<StdSignature> => ({ pub_key: { type: "tendermint/PubKeySecp256k1", value: "" }, signature: "" })),
    ...overrides,
  };
  return { api, calls };
}

const devnet = resolveNetwork("devnet");

describe("Keplr detection", () => {
  it("waits for the page to finish loading before deciding Keplr is missing", async () => {
    const w = fakeWindow("interactive");
    let settled: boolean | undefined;
    void isKeplrInstalled(w.win).then((v) => (settled = v));
    await Promise.resolve();
    expect(settled).toBeUndefined();
    w.win.keplr = fakeKeplr().api; // injected by the extension during load
    w.finishLoading();
    await vi.waitFor(() => expect(settled).toBe(true));
  });

  it("reports a missing Keplr with the install link once the page is loaded", async () => {
    const w = fakeWindow("complete");
    expect(await isKeplrInstalled(w.win)).toBe(false);
    const error = await getKeplrWallet(devnet, w.win).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "wallet.missing", details: { installUrl: "https://www.keplr.app/download" } });
    expect((error as AppError).message).toContain("https://www.keplr.app/download");
  });
});

describe("connecting", () => {
  it("suggests the devnet and the sandbox, then enables the chain; akashnet-2 is not suggested", async () => {
    expect(needsChainSuggestion(resolveNetwork("devnet"))).toBe(true);
    expect(needsChainSuggestion(resolveNetwork("sandbox-2"))).toBe(true);
    expect(needsChainSuggestion(resolveNetwork("akashnet-2"))).toBe(false);

    const { api, calls } = fakeKeplr();
    const w = fakeWindow("complete");
    w.win.keplr = api;
    const key = await (await getKeplrWallet(devnet, w.win)).connect();
    expect(calls).toEqual(["suggest akash-devnet-1", "enable akash-devnet-1"]);
    expect(api.experimentalSuggestChain).toHaveBeenCalledWith(devnet.keplrChainInfo);
    expect(key).toMatchObject({ name: "main", bech32Address: TENANT1.address, isNanoLedger: false });

    const main = fakeKeplr();
    w.win.keplr = main.api;
    await (await getKeplrWallet(resolveNetwork("akashnet-2"), w.win)).connect();
    expect(main.calls).toEqual(["enable akashnet-2"]);
  });

  it("does not suggest the chain on a silent reconnect", async () => {
    const { api, calls } = fakeKeplr();
    const w = fakeWindow("complete");
    w.win.keplr = api;
    await (await getKeplrWallet(devnet, w.win)).connect({ silent: true });
    expect(calls).toEqual(["enable akash-devnet-1"]);
  });

  it("turns Keplr's 'Request rejected' into a message naming Keplr", async () => {
    const { api } = fakeKeplr({ enable: async () => Promise.reject(new Error("Request rejected")) });
    const w = fakeWindow("complete");
    w.win.keplr = api;
    const error = await (await getKeplrWallet(devnet, w.win)).connect().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "wallet.rejected", message: "You rejected the request in Keplr. Nothing was signed." });
  });

  it("refuses an account that is not an Akash address", async () => {
    const { api } = fakeKeplr({ getKey: async () => ({ name: "x", bech32Address: "cosmos1abc", isNanoLedger: false, pubKey: new Uint8Array(33) }) });
    const w = fakeWindow("complete");
    w.win.keplr = api;
    await expect((await getKeplrWallet(devnet, w.win)).connect()).rejects.toMatchObject({ code: "wallet.wrong_chain" });
  });

  it("says when the wallet does not know the chain", async () => {
    const { api } = fakeKeplr({ enable: async () => Promise.reject(new Error("There is no chain info for akash-devnet-1")) });
    const w = fakeWindow("complete");
    w.win.keplr = api;
    await expect((await getKeplrWallet(devnet, w.win)).connect({ silent: true })).rejects.toMatchObject({ code: "wallet.wrong_chain" });
  });
});

describe("account switches", () => {
  it("listens to keplr_keystorechange for Keplr and leap_keystorechange for Leap", async () => {
    const w = fakeWindow("complete");
    w.win.keplr = fakeKeplr().api;
    w.win.leap = fakeKeplr().api;
    const keplr = await getKeplrWallet(devnet, w.win);
    const leap = await getLeapWallet(devnet, w.win);
    const onKeplr = vi.fn();
    const onLeap = vi.fn();
    const stop = keplr.onAccountChange(onKeplr);
    leap.onAccountChange(onLeap);
    w.emit("keplr_keystorechange");
    w.emit("leap_keystorechange");
    stop();
    w.emit("keplr_keystorechange");
    expect(onKeplr).toHaveBeenCalledTimes(1);
    expect(onLeap).toHaveBeenCalledTimes(1);
  });
});
