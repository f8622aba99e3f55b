import { z } from "zod";

// A copy of unsaved text in this browser, so a server that is down, a crash or a closed tab loses nothing.
// It holds SDL text and a draft name only; nothing secret ever goes here.
const PREFIX = "akash-console:draft-backup:";

const backupSchema = z.object({ content: z.string(), name: z.string(), savedAt: z.number() });
export type DraftBackup = z.infer<typeof backupSchema>;

export function backupKey(draftId: string | null): string {
  return PREFIX + (draftId ?? "new");
}

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

export function readBackup(key: string): DraftBackup | null {
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
