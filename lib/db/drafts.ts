import "server-only";
import type { Prisma, PrismaClient } from "@prisma/client";
import { AppError } from "@/lib/errors/app-error";
import { QUOTAS, quotaFor, type DraftQuota } from "@/lib/drafts/quotas";

/**
 * Autosave writes often; history keeps one version per burst of edits: a save within this window of the latest
 * version replaces it instead of adding one, so "undo yesterday" is possible without thousands of rows.
 */
export const VERSION_COALESCE_MS = 30_000;
export const MAX_VERSIONS_PER_DRAFT = QUOTAS.signedIn.versionsPerDraft;

export interface DraftSummary {
  id: string;
  name: string;
  updatedAt: Date;
  createdAt: Date;
  /** UTF-8 bytes of the content */
  size: number;
}

export interface DraftDetail extends DraftSummary {
  content: string;
}

export interface DraftVersionSummary {
  id: string;
  createdAt: Date;
  size: number;
}

const SUMMARY = { id: true, name: true, updatedAt: true, createdAt: true, size: true } as const;
const bytes = (s: string) => Buffer.byteLength(s, "utf8");
type Tx = Prisma.TransactionClient;

function quotaError(message: string) {
  return new AppError("quota.exceeded", message);
}

/** Bytes stored for an owner: every draft's content and every kept version, from the stored sizes. */
async function usedBytes(tx: Tx, owner: string): Promise<number> {
  const [drafts, versions] = await Promise.all([
    tx.draft.aggregate({ where: { owner }, _sum: { size: true } }),
    tx.draftVersion.aggregate({ where: { draft: { owner } }, _sum: { size: true } }),
  ]);
  return (drafts._sum.size ?? 0) + (versions._sum.size ?? 0);
}

function assertBytes(used: number, adding: number, quota: DraftQuota) {
  if (adding > 0 && used + adding > quota.bytes) {
    const mib = (n: number) => (n / 1_048_576).toFixed(1);
    throw quotaError(`Your drafts and their history use ${mib(used)} MiB of ${mib(quota.bytes)} MiB; this save needs ${mib(adding)} MiB more. Delete drafts you no longer need${quota === QUOTAS.anonymous ? ", or sign in with your wallet for more room" : ""}.`);
  }
}

export function draftsRepository(db: PrismaClient) {
  return {
    /** Summaries only: the SDLs are not read, their stored size is. */
    async list(owner: string, page: { take: number; skip: number }): Promise<{ items: DraftSummary[]; total: number }> {
      const [items, total] = await Promise.all([
        db.draft.findMany({ where: { owner }, orderBy: { updatedAt: "desc" }, take: page.take, skip: page.skip, select: SUMMARY }),
        db.draft.count({ where: { owner } }),
      ]);
      return { items, total };
    },

    async get(owner: string, id: string): Promise<DraftDetail | undefined> {
      const row = await db.draft.findFirst({ where: { id, owner }, select: { ...SUMMARY, content: true } });
      return row ?? undefined;
    },

    async create(owner: string, input: { name: string; content: string }, quota: DraftQuota = quotaFor(owner)): Promise<DraftDetail> {
      const size = bytes(input.content);
      return db.$transaction(async (tx) => {
        const count = await tx.draft.count({ where: { owner } });
        if (count >= quota.drafts) {
          throw quotaError(`You have ${count} drafts, the most one ${quota === QUOTAS.anonymous ? "browser without a wallet" : "account"} may keep. Delete drafts you no longer need${quota === QUOTAS.anonymous ? ", or sign in with your wallet for more" : ""}.`);
        }
        assertBytes(await usedBytes(tx, owner), 2 * size, quota);
        return tx.draft.create({
          data: { owner, name: input.name, content: input.content, size, versions: { create: { content: input.content, size } } },
          select: { ...SUMMARY, content: true },
        });
      });
    },

    /** Returns undefined when the draft does not exist for this owner (never reveals another owner's draft). */
    async update(owner: string, id: string, patch: { name?: string; content?: string }, now = new Date(), quota: DraftQuota = quotaFor(owner)): Promise<DraftDetail | undefined> {
      return db.$transaction(async (tx) => {
        const current = await tx.draft.findFirst({ where: { id, owner }, select: { content: true, size: true } });
        if (!current) return undefined;
        const changed = patch.content !== undefined && patch.content !== current.content;
        const size = patch.content === undefined ? current.size : bytes(patch.content);
        const latest = changed ? await tx.draftVersion.findFirst({ where: { draftId: id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] }) : null;
        const coalesce = latest !== null && now.getTime() - latest.createdAt.getTime() < VERSION_COALESCE_MS;
        if (changed) assertBytes(await usedBytes(tx, owner), size - current.size + (coalesce ? size - latest.size : size), quota);
        const row = await tx.draft.update({ where: { id }, data: { ...patch, size }, select: { ...SUMMARY, content: true } });
        if (changed) {
          if (coalesce) {
            await tx.draftVersion.update({ where: { id: latest.id }, data: { content: patch.content, size } });
          } else {
            await tx.draftVersion.create({ data: { draftId: id, content: patch.content!, size, createdAt: now } });
            const stale = await tx.draftVersion.findMany({
              where: { draftId: id },
              orderBy: [{ createdAt: "desc" }, { id: "desc" }],
              skip: quota.versionsPerDraft,
              select: { id: true },
            });
            if (stale.length) await tx.draftVersion.deleteMany({ where: { id: { in: stale.map((s) => s.id) } } });
          }
        }
        return row;
      });
    },

    /**
     * Gives every draft of `from` to `to` (an anonymous browser's drafts to the address that signed in there),
     * as far as `to`'s draft quota allows: the newest move, the rest stay with the old id and expire with it.
     */
    async transferOwnership(from: string, to: string, quota: DraftQuota = QUOTAS.signedIn): Promise<number> {
      if (from === to) return 0;
      return db.$transaction(async (tx) => {
        const room = Math.max(0, quota.drafts - (await tx.draft.count({ where: { owner: to } })));
        const moving = await tx.draft.findMany({ where: { owner: from }, orderBy: { updatedAt: "desc" }, take: room, select: { id: true } });
        const { count } = await tx.draft.updateMany({ where: { id: { in: moving.map((d) => d.id) } }, data: { owner: to } });
        return count;
      });
    },

    async remove(owner: string, id: string): Promise<boolean> {
      const { count } = await db.draft.deleteMany({ where: { id, owner } });
      return count > 0;
    },

    async versions(owner: string, id: string): Promise<DraftVersionSummary[] | undefined> {
      const draft = await db.draft.findFirst({ where: { id, owner }, select: { id: true } });
      if (!draft) return undefined;
      return db.draftVersion.findMany({ where: { draftId: id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true, createdAt: true, size: true } });
    },

    async version(owner: string, id: string, versionId: string): Promise<{ id: string; createdAt: Date; content: string } | undefined> {
      const v = await db.draftVersion.findFirst({ where: { id: versionId, draftId: id, draft: { owner } }, select: { id: true, createdAt: true, content: true } });
      return v ?? undefined;
    },
  };
}

export type DraftsRepository = ReturnType<typeof draftsRepository>;
