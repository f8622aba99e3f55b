"use client";
import { useRouter } from "next/navigation";
import { useSaveDraft } from "@/components/drafts/use-draft-mutations";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";

/**
 * Redeploy a closed deployment: its SDL becomes a new draft, opened at the review step (deposit, fee, sign), in one
 * click. The closed deployment and its record stay as they are.
 */
export function Redeploy({ name, sdl }: { name: string; sdl: string }) {
  const router = useRouter();
  const save = useSaveDraft();
  const redeploy = () => save.mutate({ id: null, name: `${name} (redeploy)`, content: sdl }, { onSuccess: (draft) => router.push(`/drafts/${draft.id}/deploy`) });
  return (
    <div className="space-y-1">
      <Button variant="primary" onClick={redeploy} busy={save.isPending}>
        Redeploy
      </Button>
      <p className="text-xs text-neutral-500">Opens this SDL as a new draft at the review step: a new deployment, with its own deposit.</p>
      {save.error && <ErrorMessage error={save.error} onRetry={redeploy} />}
    </div>
  );
}
