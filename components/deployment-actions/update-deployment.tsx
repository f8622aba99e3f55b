"use client";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { TxProgress } from "@/components/deploy/tx-progress";
import { useAsyncComputation } from "@/components/hooks/use-async-computation";
import { ProblemsPanel } from "@/components/sdl-editor/problems-panel";
import type { SdlEditorHandle } from "@/components/sdl-editor/sdl-editor";
import { useSdlCheck } from "@/components/sdl-editor/use-sdl-check";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";
import { useWallet } from "@/components/wallet/wallet-provider";
import { deploymentsApi } from "@/lib/deploy/api-client";
import { applyTextEdits } from "@/lib/sdl/apply-edits";
import { deploymentQueries } from "@/lib/query/deployments";
import { planUpdate } from "./update-plan";
import { useUpdateDeployment } from "./use-update-deployment";

const SdlEditor = dynamic(() => import("@/components/sdl-editor/sdl-editor"), {
  ssr: false,
  loading: () => <p className="p-4 text-sm text-neutral-500">Loading editor…</p>,
});

/**
 * Edit and update: the deployment's SDL in the editor, the update rules checked on every change (what needs a new
 * deployment is named before anything is signed), then MsgUpdateDeployment; the deployment page then sends the new
 * manifest to every provider.
 */
export function UpdateDeployment({ dseq, sdlSchema }: { dseq: string; sdlSchema: object }) {
  const { wallet, network, sessionAddress } = useWallet();
  const owner = sessionAddress ?? "";
  const record = useQuery({ ...deploymentQueries.detail(network.id, owner, dseq), enabled: Boolean(sessionAddress), staleTime: Infinity });
  const [text, setText] = useState<string | null>(null);
  const content = text ?? record.data?.sdl ?? "";
  const check = useSdlCheck(content);
  const editor = useRef<SdlEditorHandle | null>(null);
  const current = record.data?.sdl;
  const pair = useMemo(() => (text === null || current === undefined ? null : { current, next: text }), [text, current]);
  const plan = useAsyncComputation(pair, useCallback((p: { current: string; next: string }) => planUpdate(p.current, p.next), []));
  const update = useUpdateDeployment(network, wallet && wallet.address === sessionAddress ? wallet : null, dseq);
  const recordAgain = useMutation({
    mutationFn: (v: { sdl: string; manifestVersion: string }) => deploymentsApi.recordUpdate(dseq, v),
    onSuccess: () => window.location.assign(`/deployments/${dseq}?updated=1`),
  });

  const included = update.stage?.stage === "included";
  useEffect(() => {
    if (included && update.data && !update.data.recordError) window.location.assign(`/deployments/${dseq}?updated=1`);
  }, [included, update.data, dseq]);

  if (!sessionAddress || !wallet) return <p className="m-6 text-neutral-600">Connect and sign in with the owner&apos;s wallet to update deployment {dseq}.</p>;
  if (record.isError) return <ErrorMessage error={record.error} className="m-6" />;
  if (record.isPending) return <p className="m-6 text-neutral-500">Loading the deployment&apos;s SDL…</p>;
  if (!record.data.sdl) return <p className="m-6">This deployment&apos;s SDL is no longer kept here, so it cannot be edited. Redeploy from a draft instead.</p>;

  const errors = (check.result?.diagnostics ?? []).filter((d) => d.severity === "error").length;
  const allowed = plan.data?.kind === "allowed" && errors === 0 && !check.pending ? plan.data : null;
  const sign = () => allowed && text !== null && update.mutate({ sdl: text, manifestVersion: allowed.manifestVersion, hash: allowed.hash });

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <header className="flex flex-wrap items-center gap-3 border-b border-neutral-200 px-4 py-2">
        <h1 className="text-lg font-semibold">Update {record.data.name}</h1>
        <span className="font-mono text-sm text-neutral-500">dseq {dseq}</span>
        <Link href={`/deployments/${dseq}`} className="text-sm underline">Back to the deployment</Link>
        <Button variant="primary" className="ml-auto" onClick={sign} disabled={!allowed || update.busy || included} busy={update.busy}>
          Update deployment
        </Button>
      </header>
      <p className="px-4 py-1.5 text-sm text-neutral-600">
        An update may change images, commands, args, env and port numbers. The groups on chain stay as they are, and the provider runs the new workload only once it has the new manifest, which is sent right after the update is included.
      </p>
      <section aria-label="Update check" className="px-4 pb-2 text-sm">
        {text === null && <p className="text-neutral-500">Edit the SDL below; the update is checked as you type.</p>}
        {plan.data?.kind === "unchanged" && text !== null && <p>The manifest is the same as on chain: nothing to update yet.</p>}
        {plan.data?.kind === "refused" && (
          <Alert tone="error" title="This change needs a new deployment">
            <ul className="list-disc pl-5">
              {plan.data.differences.map((d) => (
                <li key={d.message}>{d.message}</li>
              ))}
            </ul>
          </Alert>
        )}
        {allowed && <p className="text-green-800">The update is allowed: only the manifest changes (version {allowed.manifestVersion.slice(0, 12)}…).</p>}
        {plan.error && <ErrorMessage error={plan.error} />}
        <TxProgress title="Updating the deployment" stage={update.stage} onRetry={sign} />
        {update.data?.recordError && (
          <ErrorMessage error={update.data.recordError} onRetry={() => text !== null && allowed && recordAgain.mutate({ sdl: text, manifestVersion: allowed.manifestVersion })}>
            <span>The update is on chain, but this console still has the old SDL, so the new manifest cannot be sent from here yet. Retry recording it; do not close this tab.</span>
          </ErrorMessage>
        )}
      </section>
      <div className="min-h-[300px] flex-1" data-testid="editor-container">
        <SdlEditor value={content} onChange={setText} diagnostics={check.result?.diagnostics ?? []} sdlSchema={sdlSchema} onReady={(h) => (editor.current = h)} />
      </div>
      <ProblemsPanel
        diagnostics={check.result?.diagnostics ?? []}
        pending={check.pending}
        onSelect={(d) => editor.current?.revealPosition(d.range.startLine, d.range.startColumn)}
        onApplyFix={(fix) => setText((t) => applyTextEdits(t ?? content, fix.edits))}
      />
    </div>
  );
}
