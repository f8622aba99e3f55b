"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useWallet } from "@/components/wallet/wallet-provider";
import { useAsyncComputation } from "@/components/hooks/use-async-computation";
import { ErrorMessage } from "@/components/ui/error-message";
import { AppError } from "@/lib/errors/app-error";
import { escrowLifetime, maxPricePerBlock } from "@/lib/deploy/deposit";
import { fromBaseUnits, readBaseUnits } from "@/lib/chain/denom";
import { balanceIn, chainQueries } from "@/lib/query/chain";
import { PreviewPanel } from "@/components/sdl-editor/preview-panel";
import { NoneCanRun } from "@/components/market/pre-screen-panel";
import { usePreScreen } from "@/components/market/use-pre-screen";
import { AgainstClouds } from "@/components/deploy/against-clouds";
import { TxProgress } from "./tx-progress";
import { MintAct } from "./mint-act";
import { DepositSection } from "./deposit-section";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useCreateDeployment } from "./use-create-deployment";

interface Props {
  draft: { id: string; name: string; content: string };
}

/** Review: what goes on chain, the deposit and how long it lasts, the fee; then one signature creates the deployment. */
export function ReviewStep({ draft }: Props) {
  const router = useRouter();
  const { wallet, network } = useWallet();
  const payload = useAsyncComputation(draft.content, loadAndBuildPayload);
  const check = useAsyncComputation(
    draft.content,
    useCallback((text: string) => import("@/lib/sdl/check").then(({ checkSdl }) => checkSdl(text, { averageBlockTimeSeconds: network.averageBlockTimeSeconds })), [network.averageBlockTimeSeconds]),
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
  const prescreen = usePreScreen(check.data?.groups ?? null);
  const screen = prescreen.screen;

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
          <Alert tone="info">Connect a wallet (top right) to see your balance and create the deployment. Nothing is signed until you approve it in the wallet.</Alert>
        )}
        <DepositSection
          network={network}
          denom={denom}
          text={depositText ?? (minimum !== null ? fromBaseUnits(minimum, 6) : "")}
          onText={setDepositText}
          deposit={deposit}
          minimum={minimum}
          balance={balance}
          lifetime={lifetime}
          payload={payload.data}
          feeWallet={ready ? wallet : null}
          walletConnected={Boolean(wallet)}
        />
        {check.data?.groups && <AgainstClouds groups={check.data.groups} maxUsd={check.data.estimate?.usdPerMonth ?? null} providers={prescreen.providers} network={network} />}
        {wallet && denom === "uact" && shortfall > 0n && <MintAct network={network} wallet={wallet} shortfall={shortfall} aktBalance={aktBalance} />}
        {screen && screen.known > 0 && screen.canRun.length === 0 && <NoneCanRun screen={screen} />}
        <Button variant="primary" size="lg" disabled={!wallet || !payload.data || deposit === null || belowMinimum || shortfall > 0n || busy} busy={busy} onClick={submit}>
          Create deployment
        </Button>
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

/** chain-sdk's manifest builder loads with the review, after the page's first paint */
const loadAndBuildPayload = (sdl: string) => import("@/lib/deploy/payload").then(({ buildDeploymentPayload }) => buildDeploymentPayload(sdl));
