"use client";
import { useEffect, useRef, useState } from "react";
import { useBackupOwner } from "@/components/drafts/use-backup-owner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { backupKey, clearBackup, readBackup, removeExpiredBackups, type DraftBackup } from "@/lib/drafts/local-backup";

/**
 * Unsaved text this browser kept for this draft (lib/drafts/local-backup.ts), offered once when the page opens and
 * the owner is known: restore it, or discard it.
 */
export function BackupBanner({ draftId, savedContent, onRestore }: { draftId: string | null; savedContent: string; onRestore(backup: DraftBackup): void }) {
  const owner = useBackupOwner();
  const [backup, setBackup] = useState<DraftBackup | null>(null);
  const checked = useRef(false);
  useEffect(() => {
    if (!owner || checked.current) return;
    // only on first load: later backups are this session's own
    checked.current = true;
    removeExpiredBackups(Date.now());
    const found = readBackup(backupKey(owner, draftId), owner);
    if (found && found.content !== savedContent) setBackup(found);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [owner]);

  if (!backup) return null;
  return (
    <Alert tone="warning" role="alert" className="flex items-center gap-3 rounded-none border-x-0 border-t-0">
      <span>This browser kept unsaved changes from {new Date(backup.savedAt).toLocaleString()}.</span>
      <Button
        size="sm"
        onClick={() => {
          onRestore(backup);
          setBackup(null);
        }}
      >
        Restore them
      </Button>
      <Button
        variant="link"
        size="sm"
        onClick={() => {
          if (owner) clearBackup(backupKey(owner, draftId));
          setBackup(null);
        }}
      >
        Discard
      </Button>
    </Alert>
  );
}
