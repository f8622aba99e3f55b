/**
 * Which browser backups of draft text (components/drafts/local-backup.ts, localStorage) belong to whom. SDLs carry
 * tenants' secrets, so a backup is scoped to the owner that wrote it, never shown to another wallet connected in the
 * same browser, and cleared when that wallet disconnects or signs out. Pure functions over key names: the
 * component keeps the storage calls.
 *
 * Keys: `akash-console:draft-backup:v2:<owner>:<draft id | "new">`, owner `anon` (no wallet) or the akash1…
 * address (not a secret). Keys of the first version (`akash-console:draft-backup:<id>`) had no owner: they are
 * cleared at the first disconnect and never restored.
 */
import { isAkashAddress } from "@/lib/chain/address";

export const BACKUP_PREFIX_V1 = "akash-console:draft-backup:";
export const BACKUP_PREFIX = "akash-console:draft-backup:v2:";
/** a backup older than this is stale: the server copy or a newer backup has long replaced it */
export const BACKUP_MAX_AGE_MS = 7 * 24 * 3600_000;

export type BackupOwner = { kind: "anonymous" } | { kind: "address"; address: string };


function ownerPart(owner: BackupOwner): string {
  if (owner.kind === "anonymous") return "anon";
  if (!isAkashAddress(owner.address)) throw new Error(`not an akash address: ${owner.address}`);
  return owner.address;
}

export function backupKey(owner: BackupOwner, draftId: string | null): string {
  return `${BACKUP_PREFIX}${ownerPart(owner)}:${draftId ?? "new"}`;
}

/** The owner a key belongs to; "legacy" for an unscoped key of the first version; null for any other key. */
export function ownerOfKey(key: string): BackupOwner | "legacy" | null {
  if (key.startsWith(BACKUP_PREFIX)) {
    const owner = key.slice(BACKUP_PREFIX.length).split(":")[0] ?? "";
    if (owner === "anon") return { kind: "anonymous" };
    return isAkashAddress(owner) ? { kind: "address", address: owner } : null;
  }
  return key.startsWith(BACKUP_PREFIX_V1) ? "legacy" : null;
}

function sameOwner(a: BackupOwner, b: BackupOwner): boolean {
  return a.kind === b.kind && (a.kind === "anonymous" || a.address === (b as { address: string }).address);
}

/** Whether `owner` may read the backup under `key` (restore it into the editor). */
export function mayRestore(key: string, owner: BackupOwner): boolean {
  const o = ownerOfKey(key);
  return o !== null && o !== "legacy" && sameOwner(o, owner);
}

/** Keys to remove when `owner` disconnects or signs out: all of theirs, and every unscoped legacy key. */
export function keysToClearOnDisconnect(keys: readonly string[], owner: BackupOwner): string[] {
  return keys.filter((k) => {
    const o = ownerOfKey(k);
    return o === "legacy" || (o !== null && sameOwner(o, owner));
  });
}

/**
 * At sign-in the server hands the browser's anonymous drafts to the address (app/api/auth/verify); the browser's
 * anonymous backups follow them: [from, to] renames.
 */
export function handoverAtSignIn(keys: readonly string[], address: string): [string, string][] {
  return keys
    .filter((k) => mayRestore(k, { kind: "anonymous" }))
    .map((k) => [k, `${BACKUP_PREFIX}${ownerPart({ kind: "address", address })}:${k.slice(`${BACKUP_PREFIX}anon:`.length)}`]);
}

/** Keys of backups saved longer ago than BACKUP_MAX_AGE_MS (or unreadable), to remove on load. */
export function expiredKeys(entries: readonly { key: string; savedAt: number | null }[], now: number): string[] {
  return entries.filter((e) => ownerOfKey(e.key) !== null && (e.savedAt === null || now - e.savedAt > BACKUP_MAX_AGE_MS)).map((e) => e.key);
}
