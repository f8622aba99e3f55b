import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveNetwork } from "@/lib/networks";
import { createSigningClient } from "@/lib/wallet/signing-client";
import { TENANT1 } from "../../devnet/accounts";
import { startDevnetFixture, type DevnetFixture } from "@/test/support/devnet";

let fx: DevnetFixture;
beforeAll(async () => {
  fx = await startDevnetFixture({ providers: false });
});
afterAll(() => fx.stop());

const signer = () => DirectSecp256k1HdWallet.fromMnemonic(TENANT1.mnemonic, { prefix: "akash" });

describe("the signing client", () => {
  it("connects when the node is on the configured chain", async () => {
    const network = resolveNetwork("devnet", { NEXT_PUBLIC_RPC_URL: fx.devnet.endpoints.rpc, NEXT_PUBLIC_REST_URL: fx.devnet.endpoints.rest });
    const client = await createSigningClient(network, await signer());
    expect(await client.getChainId()).toBe(network.chainId);
    client.disconnect();
  });

  it("refuses, before anything is signed, a node that reports another chain than the configured one", async () => {
    // a sandbox build whose RPC override points at the devnet: the node says its chain is the devnet's
    const network = resolveNetwork("sandbox-2", { NEXT_PUBLIC_RPC_URL: fx.devnet.endpoints.rpc, NEXT_PUBLIC_REST_URL: fx.devnet.endpoints.rest });
    await expect(createSigningClient(network, await signer())).rejects.toMatchObject({
      code: "wallet.wrong_chain",
      message: expect.stringContaining(`built for sandbox-2`),
    });
  });
});
