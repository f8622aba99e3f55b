import "server-only";
import type { PrismaClient } from "@prisma/client";
import { AppError } from "@/lib/errors/app-error";

import type { DeploymentRecordState as DeploymentState, LeaseRecordState as LeaseState } from "@/lib/deploy/record-states";

export interface LeaseRecord {
  gseq: number;
  oseq: number;
  provider: string;
  bseq: number;
  priceDenom: string;
  priceAmount: string;
  state: LeaseState;
  manifestError: string | null;
  createTxHash: string | null;
  /** when this console recorded the lease (providers drop a lease whose manifest does not come within ~5 minutes) */
  createdAt: Date;
}

export interface DeploymentRecord {
  id: string;
  owner: string;
  network: string;
  dseq: string;
  name: string;
  draftId: string | null;
  /** empty once the retention period after closing has passed (sdlErasedAt) */
  sdl: string;
  sdlErasedAt: Date | null;
  manifestVersion: string;
  depositDenom: string;
  depositAmount: string;
  state: DeploymentState;
  createTxHash: string | null;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  leases: LeaseRecord[];
}

export type NewDeployment = Omit<DeploymentRecord, "id" | "owner" | "createdAt" | "updatedAt" | "closedAt" | "leases" | "sdlErasedAt">;

type Row = Awaited<ReturnType<PrismaClient["deployment"]["findFirstOrThrow"]>> & { leases?: LeaseRow[] };
type LeaseRow = Awaited<ReturnType<PrismaClient["lease"]["findFirstOrThrow"]>>;

function toRecord(row: Row): DeploymentRecord {
  return {
    ...row,
    state: row.state as DeploymentState,
    leases: (row.leases ?? []).map((l) => ({
      gseq: l.gseq,
      oseq: l.oseq,
      provider: l.provider,
      bseq: l.bseq,
      priceDenom: l.priceDenom,
      priceAmount: l.priceAmount,
      state: l.state as LeaseState,
      manifestError: l.manifestError,
      createTxHash: l.createTxHash,
      createdAt: l.createdAt,
    })),
  };
}

/**
 * The deployments this console created, per owner address and network. A closed deployment keeps its SDL for the
 * retention period so it can be redeployed (lib/db/retention.ts); the manifest is never stored, it is derived from
 * the SDL when needed (lib/deploy/payload.ts). Every query is scoped by owner: another address never reads or
 * changes them.
 */
export function deploymentsRepository(db: PrismaClient) {
  const where = (owner: string, network: string, dseq: string) => ({ network_owner_dseq: { network, owner, dseq } });

  return {
    /**
     * Idempotent on (network, owner, dseq): a retried save after a flaky response does not duplicate. A new record
     * beyond `maxRecords` for the owner on this network is refused. A creation's save (it carries the create tx hash)
     * that meets a record of the same dseq which is another deployment replaces it whole, leases included, so the new
     * deployment never inherits the old one's SDL or manifest states: the chain was reset (a test network, a devnet
     * started without its state) and heights, hence dseqs, came round again. It is another deployment when its tx
     * differs, or when the record has moved past creation (leases, leased, closed), which a retried save of the same
     * creation never meets: a deterministic devnet replays the very same transaction, hash included.
     */
    async save(owner: string, input: NewDeployment, maxRecords = Number.POSITIVE_INFINITY): Promise<DeploymentRecord> {
      const exists = await db.deployment.findUnique({
        where: where(owner, input.network, input.dseq),
        select: { id: true, createTxHash: true, state: true, _count: { select: { leases: true } } },
      });
      const another = exists && input.createTxHash && ((exists.createTxHash && exists.createTxHash !== input.createTxHash) || exists.state !== "open" || exists._count.leases > 0);
      if (exists && another) {
        const [, row] = await db.$transaction([
          db.lease.deleteMany({ where: { deploymentId: exists.id } }),
          db.deployment.update({ where: { id: exists.id }, data: { ...input, createdAt: new Date(), closedAt: null, sdlErasedAt: null }, include: { leases: true } }),
        ]);
        return toRecord(row);
      }
      if (!exists && (await db.deployment.count({ where: { owner, network: input.network } })) >= maxRecords) {
        throw new AppError("quota.exceeded", `This console keeps at most ${maxRecords} deployment records per account and network; yours are full. The deployment is on chain all the same.`);
      }
      const row = await db.deployment.upsert({
        where: where(owner, input.network, input.dseq),
        create: { ...input, owner },
        update: { state: input.state, createTxHash: input.createTxHash ?? undefined },
        include: { leases: true },
      });
      return toRecord(row);
    },

    async get(owner: string, network: string, dseq: string): Promise<DeploymentRecord | undefined> {
      const row = await db.deployment.findUnique({ where: where(owner, network, dseq), include: { leases: true } });
      return row ? toRecord(row) : undefined;
    },

    async list(owner: string, network: string, page: { take: number; skip: number }): Promise<{ items: DeploymentRecord[]; total: number }> {
      const [rows, total] = await Promise.all([
        db.deployment.findMany({ where: { owner, network }, orderBy: { createdAt: "desc" }, take: page.take, skip: page.skip, include: { leases: true } }),
        db.deployment.count({ where: { owner, network } }),
      ]);
      return { items: rows.map(toRecord), total };
    },

    /** name and state of the owner's records among `dseqs` (the rows of one page of the list) */
    async summaries(owner: string, network: string, dseqs: readonly string[]): Promise<{ dseq: string; name: string; state: DeploymentState }[]> {
      if (dseqs.length === 0) return [];
      const rows = await db.deployment.findMany({ where: { owner, network, dseq: { in: [...dseqs] } }, select: { dseq: true, name: true, state: true } });
      return rows.map((r) => ({ ...r, state: r.state as DeploymentState }));
    },

    /** dseqs of the owner's records whose name or SDL (images, env, …) contains `text`, at most `limit` */
    async searchDseqs(owner: string, network: string, text: string, limit: number): Promise<string[]> {
      const rows = await db.deployment.findMany({
        where: { owner, network, OR: [{ name: { contains: text } }, { sdl: { contains: text } }] },
        select: { dseq: true },
        take: limit,
      });
      return rows.map((r) => r.dseq);
    },

    /**
     * The deployment was updated on chain to the manifest of `sdl`: the record keeps the new SDL, and every lease waits
     * for the new manifest again (the page sends it; a failure is retried on the next visit).
     */
    async updateSdl(owner: string, network: string, dseq: string, sdl: string, manifestVersion: string): Promise<DeploymentRecord | undefined> {
      const existing = await db.deployment.findUnique({ where: where(owner, network, dseq), select: { id: true } });
      if (!existing) return undefined;
      await db.$transaction([
        db.deployment.update({ where: { id: existing.id }, data: { sdl, manifestVersion } }),
        db.lease.updateMany({ where: { deploymentId: existing.id, state: "manifest_sent" }, data: { state: "manifest_pending", manifestError: null } }),
      ]);
      return this.get(owner, network, dseq);
    },

    async setState(owner: string, network: string, dseq: string, state: DeploymentState): Promise<DeploymentRecord | undefined> {
      const existing = await db.deployment.findUnique({ where: where(owner, network, dseq) });
      if (!existing) return undefined;
      const row = await db.deployment.update({
        where: { id: existing.id },
        data: { state, closedAt: state === "closed" ? new Date() : undefined },
        include: { leases: true },
      });
      return toRecord(row);
    },

    /** Records accepted leases (one per group); the deployment becomes "leased". */
    async recordLeases(owner: string, network: string, dseq: string, leases: Omit<LeaseRecord, "manifestError" | "createdAt">[]): Promise<DeploymentRecord | undefined> {
      const existing = await db.deployment.findUnique({ where: where(owner, network, dseq) });
      if (!existing) return undefined;
      await db.$transaction([
        ...leases.map((l) =>
          db.lease.upsert({
            where: { deploymentId_gseq_oseq: { deploymentId: existing.id, gseq: l.gseq, oseq: l.oseq } },
            create: { ...l, deploymentId: existing.id },
            // a lease recorded again (recovery after a closed tab) keeps what is known of its manifest
            update: { provider: l.provider, bseq: l.bseq, priceDenom: l.priceDenom, priceAmount: l.priceAmount, createTxHash: l.createTxHash ?? undefined },
          }),
        ),
        db.deployment.update({ where: { id: existing.id }, data: { state: "leased" } }),
      ]);
      return this.get(owner, network, dseq);
    },

    /**
     * What the browser learned sending the lease's manifest: sent, or the reason the last attempt failed (the lease
     * stays "manifest_pending", so a later visit sends it again). Undefined when there is no such lease of the owner.
     */
    async recordManifest(owner: string, network: string, dseq: string, lease: { gseq: number; oseq: number }, outcome: { sent: true } | { sent: false; error: string }): Promise<DeploymentRecord | undefined> {
      const existing = await db.deployment.findUnique({ where: where(owner, network, dseq), select: { id: true } });
      if (!existing) return undefined;
      const key = { deploymentId_gseq_oseq: { deploymentId: existing.id, gseq: lease.gseq, oseq: lease.oseq } };
      if (!(await db.lease.findUnique({ where: key, select: { id: true } }))) return undefined;
      await db.lease.update({ where: key, data: outcome.sent ? { state: "manifest_sent", manifestError: null } : { manifestError: outcome.error } });
      return this.get(owner, network, dseq);
    },
  };
}

export type DeploymentsRepository = ReturnType<typeof deploymentsRepository>;
