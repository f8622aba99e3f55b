"use client";
import { useQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";
import { Popover } from "@/components/ui/popover";
import { draftQueries } from "@/lib/query/drafts";
import { useRestoreDraftVersion } from "./use-draft-mutations";

/** The saved versions of a draft; restoring one puts its text in the editor (and autosave keeps the current one as a version). */
export function VersionHistory({ draftId, onRestore }: { draftId: string; onRestore(content: string): void }) {
  return (
    <Popover
      label="Version history"
      className="w-80 p-2"
      trigger={(props) => (
        <Button size="sm" {...props}>
          History
        </Button>
      )}
    >
      {(close) => (
        <Versions
          draftId={draftId}
          onRestore={(content) => {
            onRestore(content);
            close();
          }}
        />
      )}
    </Popover>
  );
}

/** Read when the panel opens (it is rendered only while open). */
function Versions({ draftId, onRestore }: { draftId: string; onRestore(content: string): void }) {
  const versions = useQuery(draftQueries.versions(draftId));
  const restore = useRestoreDraftVersion(draftId, onRestore);
  return (
    <>
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
              <Button size="sm" aria-label={`Restore version from ${new Date(v.createdAt).toLocaleString()}`} disabled={restore.isPending} onClick={() => restore.mutate({ versionId: v.id })}>
                Restore
              </Button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
