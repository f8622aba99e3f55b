import "server-only";
import type { PrismaClient } from "@prisma/client";
import { PROBE_HISTORY_MS } from "@/lib/db/providers";

/**
 * What the console forgets, and when. SDLs hold tenants' secrets (`env` values), so nothing is kept longer than it
 * serves the tenant:
 * - a closed or failed deployment keeps its SDL for `retentionDays` (to redeploy it), then the SDL is erased and
 *   the record keeps only what the chain has anyway (dseq, state, leases);
 * - draft versions older than `retentionDays` are deleted, except each draft's newest;
 * - drafts of anonymous browsers untouched for `retentionDays` are deleted;
 * - used nonces, ended sessions and rate-limit windows are garbage, and so are provider probes older than the
 *   longest uptime shown (7 days).
 */
export interface RetentionPolicy {
  retentionDays: number;
  sessionIdleMs: number;
}

export interface SweepResult {
  erasedSdls: number;
  draftVersions: number;
  anonymousDrafts: number;
  nonces: number;
  sessions: number;
  rateBuckets: number;
  probes: number;
}

const BATCH = 1_000;

export async function sweepExpired(db: PrismaClient, policy: RetentionPolicy, now = new Date()): Promise<SweepResult> {
  const cutoff = new Date(now.getTime() - policy.retentionDays * 86_400_000);
  const [erased, anonymous, nonces, sessions, buckets, probes] = await Promise.all([
    db.deployment.updateMany({ where: { state: { in: ["closed", "failed"] }, updatedAt: { lte: cutoff }, sdlErasedAt: null }, data: { sdl: "", sdlErasedAt: now } }),
    db.draft.deleteMany({ where: { owner: { startsWith: "anon:" }, updatedAt: { lte: cutoff } } }),
    db.usedNonce.deleteMany({ where: { expiresAt: { lte: now } } }),
    db.session.deleteMany({ where: { OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lte: new Date(now.getTime() - policy.sessionIdleMs) } }] } }),
    db.rateBucket.deleteMany({ where: { resetAt: { lte: now } } }),
    db.providerProbe.deleteMany({ where: { at: { lte: new Date(now.getTime() - PROBE_HISTORY_MS) } } }),
  ]);
  return {
    erasedSdls: erased.count,
    draftVersions: await pruneOldVersions(db, cutoff),
    anonymousDrafts: anonymous.count,
    nonces: nonces.count,
    sessions: sessions.count,
    rateBuckets: buckets.count,
    probes: probes.count,
  };
}

async function pruneOldVersions(db: PrismaClient, cutoff: Date): Promise<number> {
  const old = await db.draftVersion.findMany({ where: { createdAt: { lte: cutoff } }, select: { id: true, draftId: true }, take: BATCH });
  if (old.length === 0) return 0;
  const draftIds = [...new Set(old.map((v) => v.draftId))];
  const newest = await Promise.all(draftIds.map((draftId) => db.draftVersion.findFirst({ where: { draftId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } })));
  const keep = new Set(newest.map((v) => v?.id));
  const { count } = await db.draftVersion.deleteMany({ where: { id: { in: old.map((v) => v.id).filter((id) => !keep.has(id)) } } });
  return count;
}
