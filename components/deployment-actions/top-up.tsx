"use client";
import { useState } from "react";
import { MintAct } from "@/components/deploy/mint-act";
import { TxProgress } from "@/components/deploy/tx-progress";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useBalances } from "@/components/wallet/use-balances";
import { denomSymbol, fromBaseUnits, readBaseUnits } from "@/lib/chain/denom";
import { durationLabel } from "@/lib/deploy/deposit";
import { escrowTimeLeft, type EscrowInput } from "@/lib/deploy/escrow-time";
import type { Network } from "@/lib/networks";
import type { ConnectedWallet } from "@/lib/wallet/connected-wallet";
import { useTopUp } from "./use-top-up";

interface Props {
  network: Network;
  wallet: ConnectedWallet;
  dseq: string;
  /** the escrow now and what draws on it; the deposit's denom is the escrow's */
  escrow: Omit<EscrowInput, "averageBlockTimeSeconds"> & { denom: string };
  initiallyOpen?: boolean;
}

const lifetime = (seconds: number | null) => (seconds === null ? "no lease draws on it" : `${durationLabel(seconds)} at the lease price`);

/**
 * Top up: the amount, then the escrow balance and time left it buys, checked against the wallet's balance before
 * anything is signed. Short of ACT, the same mint as in the wizard.
 */
export function TopUp({ network, wallet, dseq, escrow, initiallyOpen = false }: Props) {
  const [open, setOpen] = useState(initiallyOpen);
  const [text, setText] = useState("");
  const topUp = useTopUp(network, wallet, dseq);
  const balances = useBalances(network, wallet.address);
  const symbol = denomSymbol(escrow.denom);
  const held = balances.data ? BigInt(escrow.denom === network.denoms.act.denom ? balances.data.act : balances.data.akt) : undefined;
  const amount = text.trim() ? readBaseUnits(text, 6) : null;
  const short = amount !== null && held !== undefined && amount > held ? amount - held : 0n;
  const now = escrowTimeLeft({ ...escrow, averageBlockTimeSeconds: network.averageBlockTimeSeconds });
  const after =
    amount !== null && amount > 0n
      ? escrowTimeLeft({ ...escrow, funds: [...escrow.funds, { denom: escrow.denom, amount: amount.toString() }], averageBlockTimeSeconds: network.averageBlockTimeSeconds })
      : null;
  const error = text.trim() && amount === null ? `Write an amount of ${symbol} like 5 or 12.5.` : short > 0n ? `That is more ${symbol} than the account holds (${fromBaseUnits(held!, 6)} ${symbol}).` : undefined;
  const deposit = () => amount !== null && amount > 0n && !error && topUp.mutate({ denom: escrow.denom, amount });

  if (!open) {
    return (
      <Button onClick={() => setOpen(true)}>
        Top up
      </Button>
    );
  }
  return (
    <section aria-label="Top up" className="space-y-2 rounded border border-neutral-200 p-3 text-sm">
      <p>
        Escrow now: {now ? `${fromBaseUnits(now.balance.split(".")[0]!, 6)} ${symbol}, ${lifetime(now.seconds)}` : "unknown"}.
      </p>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          deposit();
        }}
      >
        <Field label="Amount" description={`${symbol} from your balance${held !== undefined ? ` (you hold ${fromBaseUnits(held, 6)})` : ""}`} error={error}>
          {(props) => <Input {...props} value={text} onChange={(e) => setText(e.target.value)} inputMode="decimal" className="w-36" />}
        </Field>
        <Button type="submit" variant="primary" busy={topUp.busy} disabled={amount === null || amount <= 0n || Boolean(error)}>
          Deposit
        </Button>
        <Button variant="link" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </form>
      {after && !error && (
        <p data-testid="top-up-after">
          After the deposit: {fromBaseUnits(after.balance.split(".")[0]!, 6)} {symbol} in escrow, {lifetime(after.seconds)}.
        </p>
      )}
      {short > 0n && escrow.denom === network.denoms.act.denom && <MintAct network={network} wallet={wallet} shortfall={short} aktBalance={balances.data ? BigInt(balances.data.akt) : undefined} />}
      <TxProgress title="Depositing into the escrow" stage={topUp.stage} onRetry={deposit} />
      {topUp.stage?.stage === "included" && <p role="status">Deposited: the escrow balance above is read again from the chain.</p>}
    </section>
  );
}
