"use client";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useWallet } from "@/components/wallet/wallet-provider";
import { buildDeploymentPayload } from "@/lib/deploy/payload";
import { escrowLifetime, maxPricePerBlock, minimumDeposit } from "@/lib/deploy/deposit";
import { createDeploymentMsg } from "@/lib/chain/messages";
import { denomSymbol, formatAmount, fromBaseUnits, toBaseUnits } from "@/lib/chain/denom";
import { nextDseq } from "@/lib/chain/dseq";
import { feeForGas, type TxStage } from "@/lib/wallet/sign-and-broadcast";
import { signWithWallet } from "./sign-with-wallet";
import { mapTxError } from "@/lib/chain/tx-errors";
import { deploymentsApi } from "@/lib/deploy/api-client";
import { PreviewPanel } from "@/components/sdl-editor/preview-panel";
import { checkSdl } from "@/lib/sdl/check";
import { TxProgress } from "./tx-progress";
import { MintAct } from "./mint-act";
import { useBalance, useDeploymentParams } from "./use-chain";

interface Props {
  draft: { id: string; name: string; content: string };
}

/** Review: what goes on chain, the deposit and how long it lasts, the fee; then one signature creates the deployment. */
export function ReviewStep({ draft }: Props) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const { wallet, network } = useWallet();
  const payload = useQuery({ queryKey: ["deploy-payload", draft.id, draft.content], queryFn: () => buildDeploymentPayload(draft.content), retry: false });
  const check = useQuery({
    queryKey: ["sdl-check", network.id, draft.content],
    queryFn: () => checkSdl(draft.content, { averageBlockTimeSeconds: network.averageBlockTimeSeconds }),
  });
  const params = useDeploymentParams(network);
  const denom = payload.data?.denom ?? "uact";
  const balance = useBalance(network, wallet?.address, denom);
  const aktBalance = useBalance(network, wallet?.address, "uakt");
  const [depositText, setDepositText] = useState<string | null>(null);
  const [stage, setStage] = useState<TxStage | null>(null);

  const minimum = useMemo(() => {
    if (!params.data) return null;
    try {
      return minimumDeposit(params.data.minDeposits, denom);
    } catch {
      return null;
    }
  }, [params.data, denom]);
  const deposit = parseDeposit(depositText ?? (minimum !== null ? fromBaseUnits(minimum, 6) : ""));
  const lifetime = payload.data && deposit ? escrowLifetime(deposit, maxPricePerBlock(payload.data.groupSpecs), network.averageBlockTimeSeconds) : null;
  const belowMinimum = deposit !== null && minimum !== null && deposit < minimum;
  const shortfall = deposit !== null && balance.data !== undefined && balance.data < deposit ? deposit - balance.data : 0n;
  const busy = stage !== null && stage.stage !== "failed";
  const ready = Boolean(wallet && payload.data && deposit !== null && !belowMinimum && shortfall === 0n);
  // The fee the wallet will be asked for, by simulating this very message; a failing simulation is the earliest
  // warning of a transaction the chain would refuse (no AKT for the fee, deposit over the balance).
  const fee = useQuery({
    queryKey: ["simulate-create-deployment", network.id, wallet?.address, payload.data?.manifestVersion, deposit?.toString()],
    enabled: ready,
    retry: false,
    queryFn: async () => {
      const client = await wallet!.getSigningClient();
      const dseq = await nextDseq(() => client.getHeight());
      const msg = createDeploymentMsg({ owner: wallet!.address, dseq, groups: payload.data!.groupSpecs, hash: payload.data!.hash, deposit: { denom, amount: deposit! } });
      try {
        return feeForGas(await client.simulate(wallet!.address, [msg], ""), network.gasPrice);
      } catch (err) {
        throw mapTxError(err);
      }
    },
  });

  const create = async () => {
    if (!wallet || !payload.data || deposit === null) return;
    const client = await wallet.getSigningClient();
    const dseq = await nextDseq(() => client.getHeight());
    const msg = createDeploymentMsg({ owner: wallet.address, dseq, groups: payload.data.groupSpecs, hash: payload.data.hash, deposit: { denom, amount: deposit } });
    try {
      const result = await signWithWallet(wallet, network, [msg], setStage);
      await deploymentsApi.save({
        dseq,
        name: draft.name,
        draftId: draft.id,
        sdl: draft.content,
        manifestJson: payload.data.manifestJson,
        manifestVersion: payload.data.manifestVersion,
        deposit: { denom: denom as "uakt" | "uact", amount: deposit.toString() },
        createTxHash: result.txHash,
      });
      router.push(`/deployments/${dseq}`);
    } catch {
      // the failed stage shows the message; the draft is untouched
    }
  };

  return (
    <div className="flex min-h-0 flex-1">
      <div className="min-w-0 flex-1 space-y-4 overflow-auto p-6">
        <h1 className="text-xl font-semibold">Review “{draft.name}”</h1>
        {payload.isError && <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">{payload.error.message}</p>}
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
            <dd>{balance.data !== undefined ? `${fromBaseUnits(balance.data, 6)} ${denomSymbol(denom)}` : wallet ? "loading…" : "connect a wallet"}</dd>
            <dt className="text-neutral-500">Lasts at least</dt>
            <dd data-testid="escrow-lifetime">{lifetime ? `${lifetime.label} (${lifetime.blocks.toLocaleString()} blocks at the SDL's max prices)` : "–"}</dd>
            <dt className="text-neutral-500">Network fee</dt>
            <dd data-testid="network-fee">
              {fee.data
                ? `about ${fee.data.amount.map(formatAmount).join(" + ")} (simulated)`
                : fee.isError
                  ? <span role="alert" className="text-red-700">{fee.error.message}</span>
                  : ready ? "simulating…" : "paid in AKT; simulated once a wallet is connected"}
            </dd>
          </dl>
          {lifetime && lifetime.seconds < 86_400 && (
            <p role="note" className="mt-2 rounded bg-amber-50 px-2 py-1 text-amber-900">
              At the SDL&apos;s max prices this deposit lasts only {lifetime.label}; a deployment closes when its escrow runs dry.
              The accepted bid is usually cheaper, and you can top up later, but consider a larger deposit.
            </p>
          )}
        </section>
        {wallet && denom === "uact" && shortfall > 0n && (
          <MintAct network={network} wallet={wallet} shortfall={shortfall} aktBalance={aktBalance.data} onMinted={() => void queryClient.invalidateQueries({ queryKey: ["chain", network.id, "balance"] })} />
        )}
        <button
          type="button"
          disabled={!wallet || !payload.data || deposit === null || belowMinimum || shortfall > 0n || busy}
          onClick={() => void create()}
          className="rounded bg-neutral-900 px-4 py-2 text-white disabled:opacity-50"
        >
          Create deployment
        </button>
        <TxProgress title="Creating the deployment" stage={stage} />
      </div>
      <aside className="flex w-[440px] shrink-0 flex-col border-l border-neutral-200 bg-neutral-50">
        <PreviewPanel result={check.data ?? null} />
      </aside>
    </div>
  );
}

function parseDeposit(text: string): bigint | null {
  try {
    const v = toBaseUnits(text.trim(), 6);
    return v > 0n ? v : null;
  } catch {
    return null;
  }
}
