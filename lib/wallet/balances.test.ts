import { describe, expect, it } from "vitest";
import { resolveNetwork } from "@/lib/networks";
import { fetchBalances } from "@/lib/wallet/balances";
import { websocketUrl } from "@/lib/wallet/new-blocks";

const devnet = resolveNetwork("devnet");
const respond = (body: unknown, status = 200) => (async () => new Response(JSON.stringify(body), { status })) as typeof fetch;

describe("fetchBalances", () => {
  it("picks AKT and ACT out of the bank response, 0 for a denom the account lacks", async () => {
    const fetch = respond({ balances: [{ denom: "ibc/27394FB0", amount: "5" }, { denom: "uakt", amount: "999999000000" }], pagination: { next_key: null, total: "2" } });
    expect(await fetchBalances(devnet, "akash1x", { fetch })).toEqual({ akt: "999999000000", act: "0" });
  });

  it("says which endpoint failed and how", async () => {
    await expect(fetchBalances(devnet, "akash1x", { fetch: respond({}, 502) })).rejects.toMatchObject({
      code: "chain.unreachable",
      message: expect.stringContaining("http://127.0.0.1:1317 answered HTTP 502"),
    });
    await expect(fetchBalances(devnet, "akash1x", { fetch: respond({ balances: [{ denom: "uakt", amount: "1.5" }] }) })).rejects.toMatchObject({
      code: "chain.unexpected_response",
      message: expect.stringMatching(/not a bank balances response/),
    });
  });

  it("reports a REST endpoint that refuses the connection as chain.unreachable", async () => {
    const closed = { ...devnet, restUrl: "http://127.0.0.1:1" };
    await expect(fetchBalances(closed, "akash1x")).rejects.toMatchObject({ code: "chain.unreachable", message: expect.stringContaining("does not answer") });
  });
});

describe("websocketUrl", () => {
  it("is the RPC endpoint's /websocket over ws or wss", () => {
    expect(websocketUrl("http://127.0.0.1:26657")).toBe("ws://127.0.0.1:26657/websocket");
    expect(websocketUrl("https://rpc.akashnet.net:443")).toBe("wss://rpc.akashnet.net/websocket");
  });
});
