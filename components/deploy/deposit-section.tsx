"use client";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { denomSymbol, fromBaseUnits } from "@/lib/chain/denom";
import type { EscrowLifetime } from "@/lib/deploy/deposit";
import type { DeploymentPayload } from "@/lib/deploy/payload";
import type { Network } from "@/lib/networks";
import type { ConnectedWallet } from "@/lib/wallet/connected-wallet";
import { NetworkFee } from "./network-fee";

interface Props {
  network: Network;
  denom: string;
  /** the amount field's text */
  text: string;
  onText(text: string): void;
  /** the amount read from the text; null when it is not a positive amount */
  deposit: bigint | null;
  minimum: bigint | null;
  balance: bigint | undefined;
  lifetime: EscrowLifetime | null;
  payload: DeploymentPayload | undefined;
  /** the wallet when everything is ready to simulate the fee */
  feeWallet: ConnectedWallet | null;
  walletConnected: boolean;
}

/** The deposit: the amount (the chain's minimum by default), the balance, how long it lasts, and the fee. */
export function DepositSection({ network, denom, text, onText, deposit, minimum, balance, lifetime, payload, feeWallet, walletConnected }: Props) {
  const symbol = denomSymbol(denom);
  const belowMinimum = deposit !== null && minimum !== null && deposit < minimum;
  const error = deposit === null ? "Write the deposit like 5 or 5.5." : belowMinimum ? `The chain refuses deposits below ${fromBaseUnits(minimum!, 6)} ${symbol}.` : undefined;
  return (
    <section aria-labelledby="deposit-heading" className="rounded border border-neutral-200 bg-white p-4 text-sm">
      <h2 id="deposit-heading" className="font-medium">Deposit</h2>
      <p className="mt-1 text-neutral-600">
        The deposit goes into an escrow account that pays the provider block by block; what is left comes back when the deployment closes.
        {minimum !== null && ` The chain's minimum is ${fromBaseUnits(minimum, 6)} ${symbol}.`}
      </p>
      <Field label={`Amount (${symbol})`} error={error} inline className="mt-2">
        {(props) => <Input {...props} value={text} onChange={(e) => onText(e.target.value)} inputMode="decimal" className="w-36" />}
      </Field>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="text-neutral-500">Your balance</dt>
        <dd>{balance !== undefined ? `${fromBaseUnits(balance, 6)} ${symbol}` : walletConnected ? "loading…" : "connect a wallet"}</dd>
        <dt className="text-neutral-500">Lasts at least</dt>
        <dd data-testid="escrow-lifetime">{lifetime ? `${lifetime.label} (${lifetime.blocks.toLocaleString()} blocks at the SDL's max prices)` : "–"}</dd>
        <dt className="text-neutral-500">Network fee</dt>
        <dd data-testid="network-fee">
          <NetworkFee network={network} wallet={feeWallet} payload={payload} deposit={deposit !== null ? { denom, amount: deposit } : null} />
        </dd>
      </dl>
      {lifetime && lifetime.seconds < 86_400 && (
        <p role="note" className="mt-2 rounded bg-amber-50 px-2 py-1 text-amber-900">
          At the SDL&apos;s max prices this deposit lasts only {lifetime.label}; a deployment closes when its escrow runs dry. The accepted bid is usually
          cheaper, and you can top up later, but consider a larger deposit.
        </p>
      )}
    </section>
  );
}
