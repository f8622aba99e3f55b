import type { OfflineSigner } from "@cosmjs/proto-signing";
import { GasPrice, SigningStargateClient } from "@cosmjs/stargate";
import { createAminoTypes, createRegistry } from "@/lib/chain/registry";
import { checkNodeChainId } from "@/lib/env/chain-id";
import type { Network } from "@/lib/networks";

/**
 * A SigningStargateClient on the console's network with the console's messages: the registry encodes them for
 * direct signers, the amino types for Ledger's amino-only signer (cosmjs picks by the signer's kind).
 *
 * The node must be on the chain the console is built for before anything is signed: cosmjs signs for whatever chain
 * id the node reports, so an RPC override pointing at another chain would otherwise get a signature for that chain.
 */
export async function createSigningClient(network: Network, signer: OfflineSigner): Promise<SigningStargateClient> {
  const client = await SigningStargateClient.connectWithSigner(network.rpcUrl, signer, {
    registry: createRegistry(),
    aminoTypes: createAminoTypes(),
    gasPrice: GasPrice.fromString(network.gasPrice),
  });
  const wrongChain = checkNodeChainId(network, await client.getChainId());
  if (wrongChain) {
    client.disconnect();
    throw wrongChain;
  }
  return client;
}
