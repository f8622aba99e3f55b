"use client";
// A copy of unsaved text in this browser, so a server that is down, a crash or a closed tab loses nothing.
// It holds SDL text and a draft name only; nothing secret ever goes here.
const PREFIX = "akash-console:draft-backup:";

export interface DraftBackup {
  content: string;
  name: string;
  savedAt: number;
}

export function backupKey(draftId: string | null): string {
  return PREFIX + (draftId ?? "new");
}

export function readBackup(key: string): DraftBackup | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<DraftBackup>;
    if (typeof parsed.content !== "string" || typeof parsed.name !== "string" || typeof parsed.savedAt !== "number") return null;
    return parsed as DraftBackup;
  } catch {
    return null;
  }
}

export function writeBackup(key: string, backup: DraftBackup): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(backup));
  } catch {
    // Storage full or disabled (private mode): the server copy is the only one; the status line says if it fails.
  }
}

export function clearBackup(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    /* see writeBackup */
  }
}
