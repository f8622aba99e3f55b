"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";
import type { AppError } from "@/lib/errors/app-error";
import { recordsApi, type ImportOutcomeDto } from "@/lib/records/api-client";

/** Export every record of the signed-in owner as one file, and import such a file (on this or another console). */
export function RecordsTransfer() {
  const file = useRef<HTMLInputElement>(null);
  const queryClient = useQueryClient();
  const importing = useMutation<ImportOutcomeDto, AppError, File>({
    mutationFn: async (f) => recordsApi.importFile(await f.text()),
    onSuccess: () => queryClient.invalidateQueries(),
  });
  const outcome = importing.data;
  return (
    <section aria-label="Your records" className="flex flex-wrap items-center gap-2 text-sm">
      <a href={recordsApi.exportUrl} download className={buttonClasses({ size: "sm" })}>
        Export all records
      </a>
      <Button size="sm" busy={importing.isPending} onClick={() => file.current?.click()}>
        Import records
      </Button>
      <input
        ref={file}
        type="file"
        accept="application/json,.json"
        aria-label="Records file"
        className="hidden"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) importing.mutate(f);
          e.target.value = "";
        }}
      />
      {outcome && (
        <Alert tone="success">
          Imported {outcome.drafts.added} drafts and {outcome.deployments.added} deployment records
          {outcome.drafts.skipped + outcome.deployments.skipped > 0 && ` (${outcome.drafts.skipped + outcome.deployments.skipped} already here, left as they are)`}.
        </Alert>
      )}
      {importing.error && <ErrorMessage error={importing.error} />}
    </section>
  );
}
