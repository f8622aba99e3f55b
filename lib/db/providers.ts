import "server-only";
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { inventorySchema, type Inventory } from "@/lib/market/provider-status";

/**
 * What we know of providers beyond the chain: the last snapshot of their on-chain record (so the bid table still
 * has names when the REST node is down) and our own probes of their gateways (uptime). Everything is keyed by
 * network, and the probe schedule lives in the database so that several instances share one schedule.
 */

/** at most one probe per provider per this period, across instances */
export const PROBE_INTERVAL_MS = 5 * 60_000;
export const UPTIME_WINDOW_MS = 24 * 60 * 60_000;
/** how long finished probes are kept: the longest uptime the console shows (the directory's 7 days) */
export const PROBE_HISTORY_MS = 7 * UPTIME_WINDOW_MS;
/** a claimed probe not finished yet: ignored by the uptime (it may never finish if its instance died) */
const PENDING = "pending";

const attributesJson = z.array(z.object({ key: z.string(), value: z.string() }));
const auditorsJson = z.array(z.string());

export interface ProviderSnapshotRecord {
  owner: string;
  hostUri: string;
  attributes: { key: string; value: string }[];
  auditedBy: string[];
  updatedAt: Date;
}

export interface ProbeStats {
  /** finished probes in the window */
  total: number;
  ok: number;
  lastAt: Date | null;
  lastOk: boolean | null;
  lastError: string | null;
}

export function providersRepository(db: PrismaClient) {
  return {
    async saveSnapshot(network: string, p: Omit<ProviderSnapshotRecord, "updatedAt">): Promise<void> {
      const data = { network, owner: p.owner, hostUri: p.hostUri, attributes: JSON.stringify(p.attributes), auditedBy: JSON.stringify(p.auditedBy) };
      await db.providerSnapshot.upsert({ where: { id: `${network}:${p.owner}` }, create: { id: `${network}:${p.owner}`, ...data }, update: data });
    },

    async snapshots(network: string, owners: readonly string[]): Promise<Map<string, ProviderSnapshotRecord>> {
      const rows = await db.providerSnapshot.findMany({ where: { id: { in: owners.map((o) => `${network}:${o}`) } } });
      const out = new Map<string, ProviderSnapshotRecord>();
      for (const r of rows) {
        // the JSON columns are ours, but a hand-edited or older row must not break the page: skip it instead
        const attributes = attributesJson.safeParse(safeJson(r.attributes));
        const auditedBy = auditorsJson.safeParse(safeJson(r.auditedBy));
        if (!attributes.success || !auditedBy.success) continue;
        out.set(r.owner, { owner: r.owner, hostUri: r.hostUri, attributes: attributes.data, auditedBy: auditedBy.data, updatedAt: r.updatedAt });
      }
      return out;
    },

    /**
     * Claims the next probe of a provider, or returns null when another probe (finished or running, by any
     * instance) is younger than PROBE_INTERVAL_MS. Insert-then-check: every instance inserts its claim, then the
     * oldest claim in the window wins (ties by id), so two instances racing agree on one winner without a lock.
     */
    async claimProbe(network: string, owner: string, now = new Date()): Promise<string | null> {
      const since = new Date(now.getTime() - PROBE_INTERVAL_MS);
      const recent = await db.providerProbe.findFirst({ where: { network, owner, at: { gt: since } }, select: { id: true } });
      if (recent) return null;
      const mine = await db.providerProbe.create({ data: { network, owner, at: now, ok: false, error: PENDING } });
      const winner = await db.providerProbe.findFirst({ where: { network, owner, at: { gt: since } }, orderBy: [{ at: "asc" }, { id: "asc" }], select: { id: true } });
      if (winner?.id === mine.id) return mine.id;
      await db.providerProbe.delete({ where: { id: mine.id } }).catch(() => undefined);
      return null;
    },

    async completeProbe(id: string, r: { ok: boolean; latencyMs: number | null; error: string | null; inventory?: Inventory | null }): Promise<void> {
      const inventory = r.ok && r.inventory ? JSON.stringify(r.inventory) : null;
      await db.providerProbe.update({ where: { id }, data: { ok: r.ok, latencyMs: r.latencyMs, error: r.ok ? null : (r.error ?? "failed").slice(0, 500), inventory } });
    },

    /** finished probes of the last 24 h per provider (pending claims excluded) */
    async probeStats(network: string, owners: readonly string[], now = new Date()): Promise<Map<string, ProbeStats>> {
      const rows = await db.providerProbe.findMany({
        where: { network, owner: { in: [...owners] }, at: { gt: new Date(now.getTime() - UPTIME_WINDOW_MS) }, OR: [{ error: null }, { error: { not: PENDING } }] },
        orderBy: { at: "asc" },
        // (error <> 'pending' alone is NULL, so false, for successful probes: hence the explicit null branch)
        select: { owner: true, ok: true, at: true, error: true },
      });
      const out = new Map<string, ProbeStats>();
      for (const r of rows) {
        const s = out.get(r.owner) ?? { total: 0, ok: 0, lastAt: null, lastOk: null, lastError: null };
        s.total += 1;
        if (r.ok) s.ok += 1;
        s.lastAt = r.at;
        s.lastOk = r.ok;
        s.lastError = r.error;
        out.set(r.owner, s);
      }
      return out;
    },

    /** finished probes since `since`, counted per provider (one grouped query: a week of 5-minute probes is ~2,000 rows each) */
    async uptimeCounts(network: string, owners: readonly string[], since: Date): Promise<Map<string, { total: number; ok: number }>> {
      const rows = await db.providerProbe.groupBy({
        by: ["owner", "ok"],
        where: { network, owner: { in: [...owners] }, at: { gt: since }, OR: [{ error: null }, { error: { not: PENDING } }] },
        _count: { _all: true },
      });
      const out = new Map<string, { total: number; ok: number }>();
      for (const r of rows) {
        const c = out.get(r.owner) ?? { total: 0, ok: 0 };
        c.total += r._count._all;
        if (r.ok) c.ok += r._count._all;
        out.set(r.owner, c);
      }
      return out;
    },

    /** the newest finished probe of each provider: is it online now, and if not, why */
    async latestProbes(
      network: string,
      owners: readonly string[],
    ): Promise<Map<string, { at: Date; ok: boolean; error: string | null; latencyMs: number | null; inventory: Inventory | null }>> {
      const finished = { OR: [{ error: null }, { error: { not: PENDING } }] };
      const newest = await db.providerProbe.groupBy({ by: ["owner"], where: { network, owner: { in: [...owners] }, ...finished }, _max: { at: true } });
      const keys = newest.filter((n) => n._max.at).map((n) => ({ owner: n.owner, at: n._max.at! }));
      if (keys.length === 0) return new Map();
      const rows = await db.providerProbe.findMany({ where: { network, OR: keys, AND: finished }, select: { owner: true, at: true, ok: true, error: true, latencyMs: true, inventory: true } });
      // the column is ours, but an older or hand-edited row must not break the directory: unreadable reads as none
      const inventoryOf = (raw: string | null) => (raw ? (inventorySchema.safeParse(safeJson(raw)).data ?? null) : null);
      return new Map(rows.map((r) => [r.owner, { at: r.at, ok: r.ok, error: r.error, latencyMs: r.latencyMs, inventory: inventoryOf(r.inventory) }]));
    },

    /** the newest probe time per provider, pending claims included: what decides whether a probe is due */
    async lastProbeAt(network: string, owners: readonly string[]): Promise<Map<string, Date>> {
      const rows = await db.providerProbe.groupBy({ by: ["owner"], where: { network, owner: { in: [...owners] } }, _max: { at: true } });
      return new Map(rows.filter((r) => r._max.at).map((r) => [r.owner, r._max.at!]));
    },
  };
}

export type ProvidersRepository = ReturnType<typeof providersRepository>;

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
