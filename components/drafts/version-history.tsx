"use client";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { draftQueries } from "@/lib/query/drafts";
import { ErrorMessage } from "@/components/ui/error-message";
import { useRestoreDraftVersion } from "./use-draft-mutations";

/** The saved versions of a draft; restoring one puts its text in the editor (and autosave keeps the current one as a version). */
export function VersionHistory({ draftId, onRestore }: { draftId: string; onRestore(content: string): void }) {
  const [open, setOpen] = useState(false);
  const versions = useQuery({ ...draftQueries.versions(draftId), enabled: open });
  const restore = useRestoreDraftVersion(draftId, (content) => {
    onRestore(content);
    setOpen(false);
  });

  return (
    <div className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="version-history"
        className="rounded border border-neutral-300 px-3 py-1 text-sm hover:bg-neutral-100"
        onClick={() => setOpen((o) => !o)}
      >
        History
      </button>
      {open && (
        <div id="version-history" role="dialog" aria-label="Version history" className="absolute right-0 z-20 mt-1 w-80 rounded border border-neutral-200 bg-white p-2 shadow-lg">
          {versions.isPending && <p className="text-sm text-neutral-500">Loading versions…</p>}
          {versions.isError && <ErrorMessage error={versions.error} onRetry={() => void versions.refetch()} />}
          {restore.isError && <ErrorMessage error={restore.error} onRetry={() => restore.variables && restore.mutate(restore.variables)} />}
          {versions.data && (
            <ul aria-label="Saved versions" className="max-h-72 overflow-auto text-sm">
              {versions.data.items.map((v, i) => (
                <li key={v.id} className="flex items-center justify-between gap-2 py-1">
                  <span>
                    {new Date(v.createdAt).toLocaleString()}
                    {i === 0 ? " (latest)" : ""}
                    <span className="ml-1 text-xs text-neutral-500">{v.size} chars</span>
                  </span>
                  <button
                    type="button"
                    className="rounded border border-neutral-300 px-2 text-xs hover:bg-neutral-100"
                    aria-label={`Restore version from ${new Date(v.createdAt).toLocaleString()}`}
                    disabled={restore.isPending}
                    onClick={() => restore.mutate({ versionId: v.id })}
                  >
                    Restore
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
