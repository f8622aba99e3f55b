"use client";
import { useQuery } from "@tanstack/react-query";
import { ErrorMessage } from "@/components/ui/error-message";
import { formatAmount } from "@/lib/chain/denom";
import type { DeploymentPayload } from "@/lib/deploy/payload";
import type { Network } from "@/lib/networks";
import { chainQueries } from "@/lib/query/chain";
import type { ConnectedWallet } from "@/lib/wallet/connected-wallet";

interface Props {
  network: Network;
  /** null until the deployment could be sent (wallet connected, deposit valid and covered) */
  wallet: ConnectedWallet | null;
  payload: DeploymentPayload | undefined;
  deposit: { denom: string; amount: bigint } | null;
}

/** The fee the wallet will be asked for, simulated once the deployment could be sent. */
export function NetworkFee({ network, wallet, payload, deposit }: Props) {
  if (!wallet || !payload || !deposit) return <>paid in AKT; simulated once a wallet is connected</>;
  return <SimulatedFee network={network} wallet={wallet} payload={payload} deposit={deposit} />;
}

function SimulatedFee({ network, wallet, payload, deposit }: Props & { wallet: ConnectedWallet; payload: DeploymentPayload; deposit: { denom: string; amount: bigint } }) {
  const fee = useQuery(chainQueries.createDeploymentFee(network, wallet, payload, deposit));
  if (fee.data) return <>about {fee.data.amount.map(formatAmount).join(" + ")} (simulated)</>;
  if (fee.isError) return <ErrorMessage error={fee.error} onRetry={() => void fee.refetch()} className="rounded px-2 py-1" />;
  return <>simulating…</>;
}
