/**
 * A real devnet (devnet/start.ts) on free ports, with tenant1 signing through the console's own registry and
 * message builders, so that what a test reads back is what a tenant's transaction put on chain.
 * devnet/ stands for the outside world: tests reach into it, the console's code never does.
 */
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { GasPrice, SigningStargateClient } from "@cosmjs/stargate";
import { createDeploymentMsg } from "@/lib/chain/messages";
import { createRegistry } from "@/lib/chain/registry";
import { TENANT1 } from "../../devnet/accounts";
import type { SimulatedFleet } from "../../devnet/provider/start";
import { startDevnet, type Devnet, type DevnetOptions } from "../../devnet/start";
import { corpusDeployment, sdlDeployment } from "./corpus";

export interface DevnetFixture {
  devnet: Devnet;
  /** the simulated providers (profiles, decisions); undefined with `providers: false` */
  fleet: SimulatedFleet | undefined;
  /** tenant1's signing client */
  client: SigningStargateClient;
  /** creates a deployment of tenant1 from a corpus SDL (a file name) or SDL text; returns its dseq and the tx height */
  deploy(fileOrText: string, deposit?: { denom: string; amount: string }): Promise<{ dseq: string; height: number }>;
  waitBlocks(n: number): Promise<void>;
  stop(): Promise<void>;
}

let nextDseq = BigInt(Date.now()) * 10n;

export async function startDevnetFixture(opts: DevnetOptions = {}): Promise<DevnetFixture> {
  const devnet = await startDevnet({ rpcPort: 0, restPort: 0, adminPort: 0, providerBasePort: 0, blockTimeMs: 200, ...opts });
  const wallet = await DirectSecp256k1HdWallet.fromMnemonic(TENANT1.mnemonic, { prefix: "akash" });
  const client = await SigningStargateClient.connectWithSigner(devnet.endpoints.rpc, wallet, {
    registry: createRegistry(),
    gasPrice: GasPrice.fromString("0.025uakt"),
    broadcastPollIntervalMs: 50,
  });
  const waitBlocks = async (n: number) => {
    const target = devnet.chain.height() + n;
    while (devnet.chain.height() < target) await new Promise((r) => setTimeout(r, 20));
  };
  return {
    devnet,
    fleet: devnet.fleet as SimulatedFleet | undefined,
    client,
    waitBlocks,
    async deploy(file, deposit) {
      const { groups, hash } = file.includes("\n") ? await sdlDeployment(file) : await corpusDeployment(file);
      const denom = groups[0]?.resources[0]?.price?.denom ?? "uact";
      const dseq = (nextDseq++).toString();
      const owner = TENANT1.address;
      const msg = createDeploymentMsg({ owner, dseq, groups, hash, deposit: deposit ?? { denom, amount: "5000000" } });
      const res = await client.signAndBroadcast(owner, [msg], "auto");
      if (res.code !== 0) throw new Error(`deployment of ${file.includes("\n") ? "an SDL" : file} failed: ${res.rawLog}`);
      return { dseq, height: res.height };
    },
    async stop() {
      client.disconnect();
      await devnet.stop();
    },
  };
}
