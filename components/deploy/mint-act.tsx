"use client";
import { useState } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Button } from "@/components/ui/button";
import { fromBaseUnits, readBaseUnits } from "@/lib/chain/denom";
import type { ConnectedWallet } from "@/lib/wallet/connected-wallet";
import type { Network } from "@/lib/networks";
import { TxProgress } from "./tx-progress";
import { useMintAct } from "./use-mint-act";

interface Props {
  network: Network;
  wallet: ConnectedWallet;
  /** uact still missing for the deposit */
  shortfall: bigint;
  aktBalance: bigint | undefined;
}

/**
 * ACT is minted by burning AKT (the BME module); the chain converts at its oracle price when the mint executes,
 * which may be a few blocks later on mainnet. So the tenant chooses how much AKT to burn, we send MsgMintACT on its
 * own, and the deposit step re-reads the ACT balance instead of assuming the outcome.
 */
export function MintAct({ network, wallet, shortfall, aktBalance }: Props) {
  const [akt, setAkt] = useState(() => fromBaseUnits(shortfall, 6));
  const mint = useMintAct(network, wallet);
  const amount = readBaseUnits(akt, 6);
  const tooMuch = amount !== null && aktBalance !== undefined && amount > aktBalance;
  const send = () => amount !== null && mint.mutate({ uakt: amount });

  return (
    <section aria-labelledby="mint-heading" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
      <h3 id="mint-heading" className="font-medium">Not enough ACT for the deposit</h3>
      <p className="mt-1">
        This SDL is priced in ACT and the deposit needs {fromBaseUnits(shortfall, 6)} ACT more than the account holds. ACT is
        minted by burning AKT at the chain&apos;s oracle price (1 ACT is worth 1 USD). Mint some, then create the deployment.
      </p>
      <Field
        label="AKT to burn"
        inline
        className="mt-2"
        description={aktBalance !== undefined ? `you hold ${fromBaseUnits(aktBalance, 6)} AKT` : undefined}
        error={amount === null ? "Write an amount like 12.5." : tooMuch ? "That is more AKT than the account holds." : undefined}
      >
        {(props) => <Input {...props} value={akt} onChange={(e) => setAkt(e.target.value)} inputMode="decimal" className="w-32" />}
      </Field>
      <Button variant="primary" className="mt-2" disabled={mint.busy || amount === null || amount <= 0n || tooMuch} busy={mint.busy} onClick={send}>
        Mint ACT
      </Button>
      <div className="mt-2"><TxProgress title="Minting ACT" stage={mint.stage} onRetry={send} /></div>
    </section>
  );
}
