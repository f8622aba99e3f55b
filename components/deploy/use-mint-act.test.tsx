// @vitest-environment jsdom
import React from "react";
import { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { useMintAct } from "@/components/deploy/use-mint-act";
import { resolveNetwork, type Network } from "@/lib/networks";
import { chainQueries } from "@/lib/query/chain";
import { toConnectedWallet, type ConnectedWallet } from "@/lib/wallet/connected-wallet";
import { DevnetTestWallet } from "@/lib/wallet/devnet-wallet";
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

(globalThis as { React?: typeof React }).React = React;

let devnet: ChildProcess;
let network: Network;
let wallet: ConnectedWallet;

/**
 * The devnet runs in its own process here: under jsdom's globals its protobuf code does not decode transactions
 * (typed arrays of another realm), while the console's side, like a browser, works against a separate node.
 */
async function startDevnetProcess(): Promise<{ rpc: string; rest: string; admin: string }> {
  devnet = spawn(process.execPath, ["--import", "tsx", "devnet/main.ts", "--no-providers", "--block-time", "200", "--rpc-port", "0", "--rest-port", "0", "--admin-port", "0", "--provider-base-port", "0"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  for await (const line of createInterface({ input: devnet.stdout! })) {
    if (line.startsWith("{")) return JSON.parse(line) as { rpc: string; rest: string; admin: string };
  }
  throw new Error("the devnet exited before it was ready");
}

beforeAll(async () => {
  const endpoints = await startDevnetProcess();
  // the oracle's AKT price moves every block; pinned (TWAP included), 2 AKT mint exactly 4 ACT
  const pinned = await fetch(`${endpoints.admin}/oracle/price`, { method: "POST", body: JSON.stringify({ price: "2" }) });
  if (!pinned.ok) throw new Error(`pinning the oracle price: HTTP ${pinned.status} ${await pinned.text()}`);
  network = resolveNetwork("devnet", { NEXT_PUBLIC_RPC_URL: endpoints.rpc, NEXT_PUBLIC_REST_URL: endpoints.rest });
  const adapter = new DevnetTestWallet(network);
  wallet = toConnectedWallet(adapter, await adapter.getKey(), network);
});
afterAll(() => void devnet?.kill("SIGTERM"));
afterEach(cleanup);

/** The header's balance: the same query it reads, without its NewBlock subscription and never stale on its own. */
function HeaderBalance() {
  const { data } = useQuery({ ...chainQueries.balances(network, wallet.address), staleTime: Infinity });
  return <span data-testid="act">{data?.act ?? "…"}</span>;
}

function MintButton() {
  const mint = useMintAct(network, wallet);
  return (
    <>
      <button type="button" onClick={() => mint.mutate({ uakt: 2_000_000n })}>Mint</button>
      <span data-testid="stage">{mint.isSuccess ? "done" : mint.stage?.stage === "failed" ? mint.stage.error.message : "…"}</span>
    </>
  );
}

describe("useMintAct", () => {
  it("updates the header's ACT balance as soon as the mint is included, not on a later block", async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
    render(
      <QueryClientProvider client={queryClient}>
        <HeaderBalance />
        <MintButton />
      </QueryClientProvider>,
    );
    await waitFor(() => expect(screen.getByTestId("act").textContent).toMatch(/^\d+$/));
    const before = BigInt(screen.getByTestId("act").textContent!);

    fireEvent.click(screen.getByRole("button", { name: "Mint" }));
    // the mutation settles only after its invalidation has refetched: nothing else refreshes this query
    await waitFor(() => expect(screen.getByTestId("stage").textContent).toBe("done"), { timeout: 20_000 });
    // at the pinned price of 2 USD per AKT (ACT is 1 USD), 2 AKT mint 4 ACT
    expect(BigInt(screen.getByTestId("act").textContent!) - before).toBe(4_000_000n);
    queryClient.clear();
  });
});
