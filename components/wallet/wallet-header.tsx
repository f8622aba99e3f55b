"use client";
import { formatBalance } from "@/lib/chain/denom";
import { Button } from "@/components/ui/button";
import { AktPrice } from "@/components/market/akt-price";
import { AccountMenu } from "@/components/wallet/account-menu";
import { ConnectMenu } from "@/components/wallet/connect-menu";
import { useBalances } from "@/components/wallet/use-balances";
import { WalletAlert } from "@/components/wallet/wallet-alert";
import { type ConnectedWallet, useWallet } from "@/components/wallet/wallet-provider";

/** The right side of the header: network, balances and account when connected, "Connect wallet" otherwise. */
export function WalletHeader() {
  const { network, wallet, status, signIn } = useWallet();
  return (
    <div className="ml-auto flex shrink-0 items-center gap-3">
      <span className="hidden rounded-full bg-neutral-100 px-2 py-0.5 text-xs text-neutral-700 sm:inline" title={network.chainId}>
        {network.chainName}
      </span>
      <AktPrice network={network} />
      {wallet ? (
        <>
          <Balances wallet={wallet} />
          {status === "session-mismatch" && (
            <Button size="sm" onClick={() => void signIn()} className="border-amber-400 bg-amber-50 text-amber-900 hover:bg-amber-100">
              Sign in
            </Button>
          )}
          <AccountMenu wallet={wallet} />
        </>
      ) : (
        <ConnectMenu />
      )}
      <WalletAlert />
    </div>
  );
}

function Balances({ wallet }: { wallet: ConnectedWallet }) {
  const { network } = useWallet();
  const { data, isError, error } = useBalances(network, wallet.address);
  const { akt, act } = network.denoms;
  const show = (amount: string | undefined, decimals: number) => (amount === undefined ? "…" : formatBalance(amount, decimals));
  return (
    <dl aria-label="Balances" className="hidden items-center gap-3 text-sm tabular-nums md:flex" title={isError ? error.message : undefined}>
      <div className="flex gap-1">
        <dt className="sr-only">{akt.symbol} balance</dt>
        <dd data-testid="balance-akt">
          {isError && !data ? "?" : show(data?.akt, akt.decimals)} {akt.symbol}
        </dd>
      </div>
      <div className="flex gap-1">
        <dt className="sr-only">{act.symbol} balance</dt>
        <dd data-testid="balance-act">
          {isError && !data ? "?" : show(data?.act, act.decimals)} {act.symbol}
        </dd>
      </div>
    </dl>
  );
}
