const MIB = 1024 * 1024;

/**
 * What one owner may store. A browser without a wallet costs nothing to create, so its caps are low; a signed-in
 * address proved it holds a key and gets room for real work. Bytes count every draft's content and every kept
 * version (UTF-8).
 */
export interface DraftQuota {
  drafts: number;
  bytes: number;
  versionsPerDraft: number;
}

export const QUOTAS: { signedIn: DraftQuota; anonymous: DraftQuota } = {
  signedIn: { drafts: 200, bytes: 64 * MIB, versionsPerDraft: 50 },
  anonymous: { drafts: 20, bytes: 8 * MIB, versionsPerDraft: 10 },
};

/** deployment records per address and network (a tenant's whole history on one console) */
export const MAX_DEPLOYMENT_RECORDS = 1_000;

export function quotaFor(owner: string): DraftQuota {
  return owner.startsWith("anon:") ? QUOTAS.anonymous : QUOTAS.signedIn;
}
