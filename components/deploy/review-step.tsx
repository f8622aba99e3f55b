"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useWallet } from "@/components/wallet/wallet-provider";
import { useAsyncComputation } from "@/components/hooks/use-async-computation";
import { ErrorMessage } from "@/components/ui/error-message";
import { AppError } from "@/lib/errors/app-error";
import { buildDeploymentPayload } from "@/lib/deploy/payload";
import { escrowLifetime, maxPricePerBlock } from "@/lib/deploy/deposit";
import { denomSymbol, fromBaseUnits, readBaseUnits } from "@/lib/chain/denom";
import { balanceIn, chainQueries } from "@/lib/query/chain";
import { PreviewPanel } from "@/components/sdl-editor/preview-panel";
import { checkSdl } from "@/lib/sdl/check";
import { TxProgress } from "./tx-progress";
import { MintAct } from "./mint-act";
import { NetworkFee } from "./network-fee";
import { useCreateDeployment } from "./use-create-deployment";

interface Props {
  draft: { id: string; name: string; content: string };
}

/** Review: what goes on chain, the deposit and how long it lasts, the fee; then one signature creates the deployment. */
export function ReviewStep({ draft }: Props) {
  const router = useRouter();
  const { wallet, network } = useWallet();
  const payload = useAsyncComputation(draft.content, buildDeploymentPayload);
  const check = useAsyncComputation(
    draft.content,
    useCallback((text: string) => checkSdl(text, { averageBlockTimeSeconds: network.averageBlockTimeSeconds }), [network.averageBlockTimeSeconds]),
  );
  const params = useQuery(chainQueries.deploymentParams(network));
  const denom = payload.data?.denom ?? "uact";
  const balances = useQuery({
    ...chainQueries.balances(network, wallet?.address ?? ""),
    enabled: Boolean(wallet),
    refetchInterval: Math.max(2_000, network.averageBlockTimeSeconds * 1000),
  });
  const balance = balances.data ? balanceIn(balances.data, network, denom) : undefined;
  const aktBalance = balances.data ? BigInt(balances.data.akt) : undefined;
  const [depositText, setDepositText] = useState<string | null>(null);
  const create = useCreateDeployment(network, wallet);

  const minDeposit = params.data?.minDeposits.find((c) => c.denom === denom);
  const minimum = minDeposit ? BigInt(minDeposit.amount) : null;
  const deposit = positive(readBaseUnits(depositText ?? (minimum !== null ? fromBaseUnits(minimum, 6) : ""), 6));
  const lifetime = payload.data && deposit ? escrowLifetime(deposit, maxPricePerBlock(payload.data.groupSpecs), network.averageBlockTimeSeconds) : null;
  const belowMinimum = deposit !== null && minimum !== null && deposit < minimum;
  const shortfall = deposit !== null && balance !== undefined && balance < deposit ? deposit - balance : 0n;
  const created = create.data;
  // after a recorded creation the page navigates away: the button stays disabled until it has
  const busy = create.busy || (created !== undefined && created.recordError === null);
  const ready = Boolean(wallet && payload.data && deposit !== null && !belowMinimum && shortfall === 0n);

  const submit = () => {
    if (!payload.data || deposit === null || (denom !== "uakt" && denom !== "uact")) return;
    create.mutate(
      { draft, payload: payload.data, deposit: { denom, amount: deposit } },
      { onSuccess: (r) => (r.recordError ? undefined : router.push(`/deployments/${r.dseq}`)) },
    );
  };

  return (
    <div className="flex min-h-0 flex-1">
      <div className="min-w-0 flex-1 space-y-4 overflow-auto p-6">
        <h1 className="text-xl font-semibold">Review “{draft.name}”</h1>
        {payload.error && <ErrorMessage error={payload.error} />}
        {!wallet && (
          <p role="status" className="rounded border border-blue-200 bg-blue-50 px-3 py-2 text-sm">
            Connect a wallet (top right) to see your balance and create the deployment. Nothing is signed until you approve it in the wallet.
          </p>
        )}
        <section aria-labelledby="deposit-heading" className="rounded border border-neutral-200 bg-white p-4 text-sm">
          <h2 id="deposit-heading" className="font-medium">Deposit</h2>
          <p className="mt-1 text-neutral-600">
            The deposit goes into an escrow account that pays the provider block by block; what is left comes back when the deployment closes.
            {minimum !== null && ` The chain's minimum is ${fromBaseUnits(minimum, 6)} ${denomSymbol(denom)}.`}
          </p>
          <label className="mt-2 flex items-center gap-2">
            <span>Amount ({denomSymbol(denom)})</span>
            <input
              value={depositText ?? (minimum !== null ? fromBaseUnits(minimum, 6) : "")}
              onChange={(e) => setDepositText(e.target.value)}
              inputMode="decimal"
              aria-invalid={deposit === null || belowMinimum}
              className="w-36 rounded border border-neutral-300 px-2 py-1"
            />
          </label>
          {deposit === null && <p role="alert" className="mt-1 text-red-700">Write the deposit like 5 or 5.5.</p>}
          {belowMinimum && <p role="alert" className="mt-1 text-red-700">The chain refuses deposits below {fromBaseUnits(minimum!, 6)} {denomSymbol(denom)}.</p>}
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="text-neutral-500">Your balance</dt>
            <dd>{balance !== undefined ? `${fromBaseUnits(balance, 6)} ${denomSymbol(denom)}` : wallet ? "loading…" : "connect a wallet"}</dd>
            <dt className="text-neutral-500">Lasts at least</dt>
            <dd data-testid="escrow-lifetime">{lifetime ? `${lifetime.label} (${lifetime.blocks.toLocaleString()} blocks at the SDL's max prices)` : "–"}</dd>
            <dt className="text-neutral-500">Network fee</dt>
            <dd data-testid="network-fee">
              <NetworkFee network={network} wallet={ready ? wallet : null} payload={payload.data} deposit={deposit !== null ? { denom, amount: deposit } : null} />
            </dd>
          </dl>
          {lifetime && lifetime.seconds < 86_400 && (
            <p role="note" className="mt-2 rounded bg-amber-50 px-2 py-1 text-amber-900">
              At the SDL&apos;s max prices this deposit lasts only {lifetime.label}; a deployment closes when its escrow runs dry.
              The accepted bid is usually cheaper, and you can top up later, but consider a larger deposit.
            </p>
          )}
        </section>
        {wallet && denom === "uact" && shortfall > 0n && <MintAct network={network} wallet={wallet} shortfall={shortfall} aktBalance={aktBalance} />}
        <button
          type="button"
          disabled={!wallet || !payload.data || deposit === null || belowMinimum || shortfall > 0n || busy}
          onClick={submit}
          className="rounded bg-neutral-900 px-4 py-2 text-white disabled:opacity-50"
        >
          Create deployment
        </button>
        <TxProgress title="Creating the deployment" stage={create.stage} onRetry={submit} />
        {created?.recordError && (
          <ErrorMessage error={onChainNotRecorded(created.dseq, created.recordError, created.recoverable)} tone="warning">
            <Link href={`/deployments/${created.dseq}`} className="font-medium underline">Open deployment {created.dseq}</Link>
          </ErrorMessage>
        )}
      </div>
      <aside className="flex w-[440px] shrink-0 flex-col border-l border-neutral-200 bg-neutral-50">
        <PreviewPanel result={check.data ?? null} />
      </aside>
    </div>
  );
}

/** The deployment exists and is paid for; only this console's record of it is missing (and why). */
function onChainNotRecorded(dseq: string, cause: AppError, recoverable: boolean): AppError {
  const later = recoverable ? "It is recovered on your next visit." : "This browser could not keep a copy, so it cannot be recorded later.";
  return new AppError(cause.code, `Deployment ${dseq} is on chain, not yet recorded here (${cause.message}). ${later}`, { cause });
}

const positive = (v: bigint | null) => (v !== null && v > 0n ? v : null);
