import { z } from "zod";
import { type BackupOwner, expiredKeys, handoverAtSignIn, keysToClearOnDisconnect, mayRestore } from "@/lib/drafts/local-backup-scope";

// A copy of unsaved text in this browser, so a server that is down, a crash or a closed tab loses nothing. SDLs can
// carry secrets (env tokens, passwords): each copy is scoped to the owner that wrote it (lib/drafts/local-backup-scope.ts),
// never restored for another, removed when its owner signs out, and dropped after BACKUP_MAX_AGE_MS.
export { backupKey, type BackupOwner } from "@/lib/drafts/local-backup-scope";

const backupSchema = z.object({ content: z.string(), name: z.string(), savedAt: z.number() });
export type DraftBackup = z.infer<typeof backupSchema>;

/**
 * Storage full, or disabled (private mode, a locked-down browser: even reading `localStorage` throws): the server
 * copy is then the only one, and the autosave's status line says when that fails. Anything else is a bug and is thrown.
 */
function withStorage<T>(action: (storage: Storage) => T, otherwise: T): T {
  try {
    return action(window.localStorage);
  } catch (e) {
    if (e instanceof DOMException) return otherwise;
    throw e;
  }
}

function storedKeys(storage: Storage): string[] {
  return Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((k): k is string => k !== null);
}

/** The backup under `key` when `owner` may read it; another owner's (or an unscoped old) copy is no copy. */
export function readBackup(key: string, owner: BackupOwner): DraftBackup | null {
  if (!mayRestore(key, owner)) return null;
  const raw = withStorage((s) => s.getItem(key), null);
  if (!raw) return null;
  const parsed = backupSchema.safeParse(parseJson(raw));
  return parsed.success ? parsed.data : null;
}

/** A damaged copy (another version of the console, a hand edit) is no copy. */
function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch (e) {
    if (e instanceof SyntaxError) return null;
    throw e;
  }
}

export function writeBackup(key: string, backup: DraftBackup): void {
  withStorage((s) => s.setItem(key, JSON.stringify(backup)), undefined);
}

export function clearBackup(key: string): void {
  withStorage((s) => s.removeItem(key), undefined);
}

/** At sign-out or disconnect: every copy `owner` wrote in this browser (and every unscoped old one) is removed. */
export function clearBackupsOf(owner: BackupOwner): void {
  withStorage((s) => keysToClearOnDisconnect(storedKeys(s), owner).forEach((k) => s.removeItem(k)), undefined);
}

/** At sign-in the server hands this browser's anonymous drafts to the address; their copies follow them. */
export function handOverBackups(address: string): void {
  withStorage((s) => {
    for (const [from, to] of handoverAtSignIn(storedKeys(s), address)) {
      const value = s.getItem(from);
      if (value !== null) s.setItem(to, value);
      s.removeItem(from);
    }
  }, undefined);
}

/** Copies older than BACKUP_MAX_AGE_MS (or unreadable) are removed: the server copy has long replaced them. */
export function removeExpiredBackups(now: number): void {
  withStorage((s) => {
    const entries = storedKeys(s).map((key) => ({ key, savedAt: backupSchema.safeParse(parseJson(s.getItem(key) ?? "")).data?.savedAt ?? null }));
    expiredKeys(entries, now).forEach((k) => s.removeItem(k));
  }, undefined);
}
