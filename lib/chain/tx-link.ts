import type { Network } from "@/lib/networks";

/**
 * Where a tenant can read a transaction: a public explorer on mainnet, and on the devnet and the sandbox the RPC
 * node's own /tx answer (JSON), since no explorer the console could trust indexes them.
 */
export function txLink(network: Pick<Network, "id" | "rpcUrl">, hash: string): string {
  if (network.id === "akashnet-2") return `https://www.mintscan.io/akash/tx/${hash}`;
  return `${network.rpcUrl.replace(/\/$/, "")}/tx?hash=0x${hash}`;
}
