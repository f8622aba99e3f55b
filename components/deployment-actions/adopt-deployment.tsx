"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { deploymentKeys } from "@/lib/query/deployments";
import { adopt, type AdoptProps } from "./adopt";


/**
 * A deployment created elsewhere (the CLI, another console) is adopted by pasting its SDL: then this console tracks
 * its leases, sends their manifest, and can update, top up and close it like one of its own.
 */
export function AdoptDeployment(props: AdoptProps) {
  const [sdl, setSdl] = useState("");
  const [name, setName] = useState(`Deployment ${props.dseq}`);
  const queryClient = useQueryClient();
  const adopting = useMutation<unknown, AppError, void>({
    mutationFn: () => adopt({ ...props, name: name.trim() || `Deployment ${props.dseq}`, sdl }).catch((e: unknown) => {
      throw isAppError(e) ? e : new AppError("internal", "Adopting the deployment failed unexpectedly.", { cause: e });
    }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deploymentKeys.all(props.networkId) }),
  });
  return (
    <section aria-label="Adopt this deployment" className="space-y-2 rounded border border-neutral-200 p-3 text-sm">
      <h2 className="font-medium">Created elsewhere</h2>
      <p className="text-neutral-600">This console did not create deployment {props.dseq}. Paste the SDL it runs to manage it here (the SDL is checked against the version on chain).</p>
      <Field label="Name">{(p) => <Input {...p} value={name} onChange={(e) => setName(e.target.value)} className="w-72" />}</Field>
      <Field label="SDL of this deployment">
        {(p) => <textarea {...p} value={sdl} onChange={(e) => setSdl(e.target.value)} rows={10} className="w-full rounded border border-neutral-300 p-2 font-mono text-xs" />}
      </Field>
      <Button variant="primary" disabled={!sdl.trim()} busy={adopting.isPending} onClick={() => adopting.mutate()}>
        Adopt
      </Button>
      {adopting.error && <ErrorMessage error={adopting.error} />}
    </section>
  );
}
