import { AppError } from "@/lib/errors/app-error";
import type { Network } from "@/lib/networks";

/**
 * The chain a node says it is (CometBFT /status `node_info.network`) must be the chain the console is built for:
 * endpoints can be overridden, and an override pointing a devnet build at another chain (or the reverse) would
 * let the devnet's test wallet and loopback providers loose on it, or sign for the wrong chain. Checked at server
 * start (lib/env/start-check.server.ts) and in the browser before signing.
 */
export function checkNodeChainId(network: Pick<Network, "id" | "chainId" | "rpcUrl">, reported: string): AppError | null {
  if (reported === network.chainId) return null;
  return new AppError(
    "wallet.wrong_chain",
    `The node at ${network.rpcUrl} is on chain "${reported}", but this console is built for ${network.id} ("${network.chainId}"). Nothing will be signed: point NEXT_PUBLIC_RPC_URL and NEXT_PUBLIC_REST_URL at a ${network.id} node, or build the console for "${reported}".`,
    { details: { expected: network.chainId, reported } },
  );
}

/** `node_info.network` of a CometBFT `/status` answer (JSON-RPC envelope or bare), or null when it has none. */
export function chainIdOfStatus(body: unknown): string | null {
  const result = (body as { result?: unknown })?.result ?? body;
  const network = (result as { node_info?: { network?: unknown } })?.node_info?.network;
  return typeof network === "string" && network.length > 0 ? network : null;
}
