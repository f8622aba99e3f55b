"use client";
import { useMemo } from "react";
import { useSession } from "@/components/wallet/use-session";
import type { BackupOwner } from "@/lib/drafts/local-backup";

/**
 * Whose browser backups the editor reads and writes: the signed-in address, else this browser's anonymous owner
 * (the same owner the server files the drafts under). Null until the session is known, so a copy is never written
 * or read under the wrong owner while the page loads. A server that cannot be reached has no session: anonymous.
 * The same object while the session stays the same: effects depend on it.
 */
export function useBackupOwner(): BackupOwner | null {
  const session = useSession();
  const known = !session.isPending;
  const address = session.data ?? null;
  return useMemo(() => (!known ? null : address ? { kind: "address", address } : { kind: "anonymous" }), [known, address]);
}
