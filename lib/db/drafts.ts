import "server-only";
import type { PrismaClient } from "@prisma/client";

/**
 * Autosave writes often; history keeps one version per burst of edits: a save within this window of the latest
 * version replaces it instead of adding one, so "undo yesterday" is possible without thousands of rows.
 */
export const VERSION_COALESCE_MS = 30_000;
export const MAX_VERSIONS_PER_DRAFT = 50;

export interface DraftSummary {
  id: string;
  name: string;
  updatedAt: Date;
  createdAt: Date;
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

export function draftsRepository(db: PrismaClient) {
  return {
    async list(owner: string, page: { take: number; skip: number }): Promise<{ items: DraftSummary[]; total: number }> {
      const [rows, total] = await Promise.all([
        db.draft.findMany({ where: { owner }, orderBy: { updatedAt: "desc" }, take: page.take, skip: page.skip }),
        db.draft.count({ where: { owner } }),
      ]);
      return { items: rows.map(({ content, ...r }) => ({ ...r, size: content.length })), total };
    },

    async get(owner: string, id: string): Promise<DraftDetail | undefined> {
      const row = await db.draft.findFirst({ where: { id, owner } });
      return row ? { ...row, size: row.content.length } : undefined;
    },

    async create(owner: string, input: { name: string; content: string }): Promise<DraftDetail> {
      const row = await db.draft.create({
        data: { owner, name: input.name, content: input.content, versions: { create: { content: input.content } } },
      });
      return { ...row, size: row.content.length };
    },

    /** Returns undefined when the draft does not exist for this owner (never reveals another owner's draft). */
    async update(owner: string, id: string, patch: { name?: string; content?: string }, now = new Date()): Promise<DraftDetail | undefined> {
      return db.$transaction(async (tx) => {
        const current = await tx.draft.findFirst({ where: { id, owner } });
        if (!current) return undefined;
        const row = await tx.draft.update({ where: { id }, data: patch });
        if (patch.content !== undefined && patch.content !== current.content) {
          const latest = await tx.draftVersion.findFirst({ where: { draftId: id }, orderBy: { createdAt: "desc" } });
          if (latest && now.getTime() - latest.createdAt.getTime() < VERSION_COALESCE_MS) {
            await tx.draftVersion.update({ where: { id: latest.id }, data: { content: patch.content } });
          } else {
            await tx.draftVersion.create({ data: { draftId: id, content: patch.content, createdAt: now } });
            const stale = await tx.draftVersion.findMany({
              where: { draftId: id },
              orderBy: { createdAt: "desc" },
              skip: MAX_VERSIONS_PER_DRAFT,
              select: { id: true },
            });
            if (stale.length) await tx.draftVersion.deleteMany({ where: { id: { in: stale.map((s) => s.id) } } });
          }
        }
        return { ...row, size: row.content.length };
      });
    },

    /** Gives every draft of `from` to `to` (an anonymous browser's drafts to the address that signed in there). */
    async transferOwnership(from: string, to: string): Promise<number> {
      if (from === to) return 0;
      const { count } = await db.draft.updateMany({ where: { owner: from }, data: { owner: to } });
      return count;
    },

    async remove(owner: string, id: string): Promise<boolean> {
      const { count } = await db.draft.deleteMany({ where: { id, owner } });
      return count > 0;
    },

    async versions(owner: string, id: string): Promise<DraftVersionSummary[] | undefined> {
      const draft = await db.draft.findFirst({ where: { id, owner }, select: { id: true } });
      if (!draft) return undefined;
      const rows = await db.draftVersion.findMany({ where: { draftId: id }, orderBy: { createdAt: "desc" } });
      return rows.map((v) => ({ id: v.id, createdAt: v.createdAt, size: v.content.length }));
    },

    async version(owner: string, id: string, versionId: string): Promise<{ id: string; createdAt: Date; content: string } | undefined> {
      const v = await db.draftVersion.findFirst({ where: { id: versionId, draftId: id, draft: { owner } } });
      return v ? { id: v.id, createdAt: v.createdAt, content: v.content } : undefined;
    },
  };
}

export type DraftsRepository = ReturnType<typeof draftsRepository>;
