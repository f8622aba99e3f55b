import "server-only";
import { createHash } from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import { AppError } from "@/lib/errors/app-error";
import { MAX_DEPLOYMENT_RECORDS, quotaFor } from "@/lib/drafts/quotas";
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportFile } from "@/lib/records/export-format";

const bytes = (s: string) => Buffer.byteLength(s, "utf8");

export interface ImportOutcome {
  drafts: { added: number; skipped: number };
  deployments: { added: number; skipped: number };
}

/**
 * A tenant's records out of and into this console. Import is all or nothing (one transaction: a quota or a bad row
 * undoes it whole) and idempotent: a draft keeps its id where it is free (or gets one derived from it, the same on
 * every import), a deployment is keyed by network and dseq, and what exists already is skipped.
 */
export function recordsRepository(db: PrismaClient) {
  return {
    async exportFor(owner: string, now = new Date()): Promise<ExportFile> {
      const [drafts, deployments] = await Promise.all([
        db.draft.findMany({ where: { owner }, orderBy: { createdAt: "asc" }, include: { versions: { orderBy: { createdAt: "asc" } } } }),
        db.deployment.findMany({ where: { owner }, orderBy: { createdAt: "asc" }, include: { leases: true } }),
      ]);
      return {
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        exportedAt: now.toISOString(),
        owner,
        drafts: drafts.map((d) => ({
          id: d.id,
          name: d.name,
          content: d.content,
          createdAt: d.createdAt.toISOString(),
          updatedAt: d.updatedAt.toISOString(),
          versions: d.versions.map((v) => ({ content: v.content, createdAt: v.createdAt.toISOString() })),
        })),
        deployments: deployments.map((d) => ({
          network: d.network,
          dseq: d.dseq,
          name: d.name,
          draftId: d.draftId,
          sdl: d.sdl,
          manifestVersion: d.manifestVersion,
          depositDenom: d.depositDenom,
          depositAmount: d.depositAmount,
          state: d.state as ExportFile["deployments"][number]["state"],
          createTxHash: d.createTxHash,
          createdAt: d.createdAt.toISOString(),
          closedAt: d.closedAt?.toISOString() ?? null,
          leases: d.leases.map((l) => ({
            gseq: l.gseq,
            oseq: l.oseq,
            bseq: l.bseq,
            provider: l.provider,
            priceDenom: l.priceDenom,
            priceAmount: l.priceAmount,
            state: l.state as ExportFile["deployments"][number]["leases"][number]["state"],
            createTxHash: l.createTxHash,
          })),
        })),
      };
    },

    async importFor(owner: string, file: ExportFile): Promise<ImportOutcome> {
      if (file.owner !== owner) {
        throw new AppError("request.invalid", `This file holds the records of ${file.owner}, but you are signed in as ${owner}. Sign in with that wallet to import it.`);
      }
      const quota = quotaFor(owner);
      return db.$transaction(async (tx) => {
        const outcome: ImportOutcome = { drafts: { added: 0, skipped: 0 }, deployments: { added: 0, skipped: 0 } };
        for (const d of file.drafts) {
          const derived = `imp${createHash("sha256").update(`${owner}:${d.id}`).digest("hex").slice(0, 21)}`;
          const [same, taken, again] = await Promise.all([
            tx.draft.findFirst({ where: { id: d.id, owner }, select: { id: true } }),
            tx.draft.findUnique({ where: { id: d.id }, select: { id: true } }),
            tx.draft.findUnique({ where: { id: derived }, select: { id: true } }),
          ]);
          if (same || again) {
            outcome.drafts.skipped++;
            continue;
          }
          const versions = (d.versions.length ? d.versions : [{ content: d.content, createdAt: d.updatedAt }]).slice(-quota.versionsPerDraft);
          await tx.draft.create({
            data: {
              id: taken ? derived : d.id,
              owner,
              name: d.name,
              content: d.content,
              size: bytes(d.content),
              createdAt: new Date(d.createdAt),
              versions: { create: versions.map((v) => ({ content: v.content, size: bytes(v.content), createdAt: new Date(v.createdAt) })) },
            },
          });
          outcome.drafts.added++;
        }
        for (const d of file.deployments) {
          const exists = await tx.deployment.findUnique({ where: { network_owner_dseq: { network: d.network, owner, dseq: d.dseq } }, select: { id: true } });
          if (exists) {
            outcome.deployments.skipped++;
            continue;
          }
          const { leases, createdAt, closedAt, ...fields } = d;
          await tx.deployment.create({
            data: { ...fields, owner, createdAt: new Date(createdAt), closedAt: closedAt ? new Date(closedAt) : null, leases: { create: leases } },
          });
          outcome.deployments.added++;
        }
        // the same caps as every other write, checked on the result so that nothing partial remains
        const [drafts, draftBytes, versionBytes] = await Promise.all([
          tx.draft.count({ where: { owner } }),
          tx.draft.aggregate({ where: { owner }, _sum: { size: true } }),
          tx.draftVersion.aggregate({ where: { draft: { owner } }, _sum: { size: true } }),
        ]);
        const used = (draftBytes._sum.size ?? 0) + (versionBytes._sum.size ?? 0);
        if (drafts > quota.drafts || used > quota.bytes) {
          throw new AppError("quota.exceeded", `Importing this file would leave you ${drafts} drafts and ${(used / 1_048_576).toFixed(1)} MiB, over this console's limits (${quota.drafts} drafts, ${quota.bytes / 1_048_576} MiB). Nothing was imported.`);
        }
        const perNetwork = await tx.deployment.groupBy({ by: ["network"], where: { owner }, _count: { _all: true } });
        const full = perNetwork.find((n) => n._count._all > MAX_DEPLOYMENT_RECORDS);
        if (full) throw new AppError("quota.exceeded", `Importing this file would leave ${full._count._all} deployment records on ${full.network}, over the ${MAX_DEPLOYMENT_RECORDS} this console keeps. Nothing was imported.`);
        return outcome;
      });
    },
  };
}
