import { queryOptions } from "@tanstack/react-query";
import { nextDseq } from "@/lib/chain/dseq";
import { createRestClient } from "@/lib/chain/rest";
import { mapTxError } from "@/lib/chain/tx-errors";
import { AppError } from "@/lib/errors/app-error";
import type { DeploymentPayload } from "@/lib/deploy/payload";
import type { Network, NetworkId } from "@/lib/networks";
import { fetchBalances, type WalletBalances } from "@/lib/wallet/balances";
import type { ConnectedWallet } from "@/lib/wallet/connected-wallet";

/**
 * Reads of the chain (the network's REST endpoint). Keys go from general to specific, so one prefix refreshes
 * everything a transaction may have changed: `chainKeys.all(network.id)` after a lease, `chainKeys.balances(...)`
 * after minting ACT.
 */
export const chainKeys = {
  all: (networkId: NetworkId) => ["chain", networkId] as const,
  /** every account's balances on the network (dropped on disconnect) */
  allBalances: (networkId: NetworkId) => [...chainKeys.all(networkId), "balances"] as const,
  balances: (networkId: NetworkId, address: string) => [...chainKeys.allBalances(networkId), address] as const,
  deployment: (networkId: NetworkId, owner: string, dseq: string) => [...chainKeys.all(networkId), "deployment", owner, dseq] as const,
};

const rest = (network: Network) => createRestClient(network.restUrl);
/** a deployment's state changes at most once per block */
const everyBlock = (network: Network) => Math.max(1_000, network.averageBlockTimeSeconds * 1000);

export const chainQueries = {
  /** The account's AKT and ACT: the one balance read the header, the deposit step and the mint form share. */
  balances: (network: Network, address: string) =>
    queryOptions({
      queryKey: chainKeys.balances(network.id, address),
      queryFn: ({ signal }) => fetchBalances(network, address, { signal }),
      staleTime: 0,
    }),
  deploymentParams: (network: Network) =>
    queryOptions({
      queryKey: [...chainKeys.all(network.id), "params", "deployment"] as const,
      queryFn: ({ signal }) => rest(network).deploymentParams({ signal }),
      staleTime: 5 * 60_000,
    }),
  /** null when the chain has no such deployment */
  deployment: (network: Network, owner: string, dseq: string) =>
    queryOptions({
      queryKey: [...chainKeys.deployment(network.id, owner, dseq), "info"] as const,
      queryFn: ({ signal }) => rest(network).deployment(owner, dseq, { signal }),
      refetchInterval: everyBlock(network),
    }),
  leases: (network: Network, owner: string, dseq: string) =>
    queryOptions({
      queryKey: [...chainKeys.deployment(network.id, owner, dseq), "leases"] as const,
      queryFn: ({ signal }) => rest(network).leases({ owner, dseq }, { signal }),
      refetchInterval: everyBlock(network),
    }),
  /**
   * The fee MsgCreateDeployment will cost, by simulating this very message. A failing simulation is the earliest
   * warning of a transaction the chain would refuse (no AKT for the fee, a deposit over the balance).
   */
  createDeploymentFee: (
    network: Network,
    wallet: Pick<ConnectedWallet, "address" | "getSigningClient">,
    payload: Pick<DeploymentPayload, "groupSpecs" | "hash" | "manifestVersion">,
    deposit: { denom: string; amount: bigint },
  ) =>
    queryOptions({
      queryKey: [...chainKeys.all(network.id), "simulate", "create-deployment", wallet.address, payload.manifestVersion, deposit.denom, deposit.amount.toString()] as const,
      queryFn: async () => {
        try {
          const client = await wallet.getSigningClient();
          const dseq = await nextDseq(() => client.getHeight());
          // the message types load with the fee estimate, not with every page that reads the chain
          const [{ createDeploymentMsg }, { feeForGas }] = await Promise.all([import("@/lib/chain/messages"), import("@/lib/wallet/sign-and-broadcast")]);
          const msg = createDeploymentMsg({ owner: wallet.address, dseq, groups: payload.groupSpecs, hash: payload.hash, deposit: { denom: deposit.denom, amount: deposit.amount } });
          return feeForGas(await client.simulate(wallet.address, [msg], ""), network.gasPrice);
        } catch (e) {
          throw mapTxError(e);
        }
      },
      retry: false,
    }),
  /** AKT/USD from the chain's oracle, with its time; null when the chain has no price */
  aktPrice: (network: Network) =>
    queryOptions({
      queryKey: [...chainKeys.all(network.id), "akt-price"] as const,
      queryFn: ({ signal }) => rest(network).aktPrice({ signal }),
      staleTime: 30_000,
      refetchInterval: 60_000,
    }),
  /** the deployment's transactions from the node's index (lib/chain/tx-history.ts); cosmjs loads when asked */
  history: (network: Network, owner: string, dseq: string) =>
    queryOptions({
      queryKey: [...chainKeys.deployment(network.id, owner, dseq), "history"] as const,
      queryFn: async () => {
        const [{ StargateClient }, { createRegistry }, { deploymentHistory }] = await Promise.all([
          import("@cosmjs/stargate"),
          import("@/lib/chain/registry"),
          import("@/lib/chain/tx-history"),
        ]);
        const client = await StargateClient.connect(network.rpcUrl).catch((e: unknown) => {
          throw new AppError("chain.unreachable", `The transaction history cannot be read: ${network.rpcUrl} does not answer.`, { cause: e });
        });
        try {
          return await deploymentHistory((q) => client.searchTx(q), createRegistry(), owner, dseq);
        } finally {
          client.disconnect();
        }
      },
      staleTime: 30_000,
    }),
};

/** The balance of one of the two denoms a deposit can be made in (base units); 0 for any other denom. */
export function balanceIn(balances: WalletBalances, network: Network, denom: string): bigint {
  if (denom === network.denoms.akt.denom) return BigInt(balances.akt);
  if (denom === network.denoms.act.denom) return BigInt(balances.act);
  return 0n;
}
