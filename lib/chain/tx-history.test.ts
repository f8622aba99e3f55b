import { StargateClient } from "@cosmjs/stargate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TENANT1 } from "@/devnet/accounts";
import { closeDeploymentMsg, depositMsg, updateDeploymentMsg } from "@/lib/chain/messages";
import { createRegistry } from "@/lib/chain/registry";
import { deploymentHistory } from "@/lib/chain/tx-history";
import { startGatewayFixture, type GatewayFixture } from "@/test/support/proxy-lease";

let gf: GatewayFixture;
beforeAll(async () => {
  gf = await startGatewayFixture();
});
afterAll(() => gf?.stop());

describe("deploymentHistory", () => {
  it("lists a deployment's create, lease, deposit, update and close in height order, and nothing of another deployment", async () => {
    const P0 = gf.providers[0]!;
    const { lease } = await gf.lease(P0);
    const other = await gf.lease(P0);
    const send = async (msg: Parameters<typeof gf.fx.client.signAndBroadcast>[1][number]) => {
      const r = await gf.fx.client.signAndBroadcast(TENANT1.address, [msg], "auto");
      expect(r.code).toBe(0);
      return r.transactionHash;
    };
    const deposit = await send(depositMsg({ owner: TENANT1.address, dseq: lease.dseq, amount: { denom: "uact", amount: "2500000" } }));
    await send(depositMsg({ owner: TENANT1.address, dseq: other.lease.dseq, amount: { denom: "uact", amount: "7000000" } }));
    await send(updateDeploymentMsg({ owner: TENANT1.address, dseq: lease.dseq, hash: new Uint8Array(32).fill(7) }));
    await send(closeDeploymentMsg({ owner: TENANT1.address, dseq: lease.dseq }));

    const rpc = await StargateClient.connect(gf.fx.devnet.endpoints.rpc);
    const history = await deploymentHistory((q) => rpc.searchTx(q), createRegistry(), TENANT1.address, lease.dseq);
    rpc.disconnect();
    expect(history.map((h) => h.kind)).toEqual(["created", "lease created", "deposit", "updated", "lease closed", "closed"]);
    expect(history.find((h) => h.kind === "deposit")).toMatchObject({ hash: deposit, detail: "2500000 uact" });
    expect(history.find((h) => h.kind === "lease created")!.detail).toBe(P0);
    const heights = history.map((h) => h.height);
    expect(heights).toEqual([...heights].sort((a, b) => a - b));
  });
});
