import type { OfflineSigner } from "@cosmjs/proto-signing";
import { GasPrice, SigningStargateClient } from "@cosmjs/stargate";
import { createAminoTypes, createRegistry } from "@/lib/chain/registry";
import type { Network } from "@/lib/networks";

/**
 * A SigningStargateClient on the console's network with the console's messages: the registry encodes them for
 * direct signers, the amino types for Ledger's amino-only signer (cosmjs picks by the signer's kind).
 */
export function createSigningClient(network: Network, signer: OfflineSigner): Promise<SigningStargateClient> {
  return SigningStargateClient.connectWithSigner(network.rpcUrl, signer, {
    registry: createRegistry(),
    aminoTypes: createAminoTypes(),
    gasPrice: GasPrice.fromString(network.gasPrice),
  });
}
