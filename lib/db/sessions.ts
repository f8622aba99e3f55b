import "server-only";
import { createHash } from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import { isUniqueViolation } from "@/lib/db/errors";

/**
 * Used sign-in nonces and sessions. Both live in the database, not in process memory, so that any instance behind
 * a load balancer refuses a nonce another one accepted and recognises a session another one created.
 */
export interface SessionRecord {
  address: string;
  expiresAt: Date;
}

export interface SessionLimits {
  idleMs: number;
  touchMs: number;
  maxPerAddress: number;
}

export function sessionsRepository(db: PrismaClient) {
  return {
    /**
     * Records a nonce as used; false when it already was. The primary key makes the check and the mark one
     * insert, so two requests racing with the same signed nonce (on one instance or two) cannot both win.
     */
    async markNonceUsed(nonce: string, expiresAt: Date, now = new Date()): Promise<boolean> {
      const id = createHash("sha256").update(nonce).digest("hex");
      try {
        await db.usedNonce.create({ data: { id, usedAt: now, expiresAt } });
        return true;
      } catch (err) {
        if (isUniqueViolation(err)) return false;
        throw err;
      }
    },

    /** Creates a session and revokes the address's oldest beyond `maxPerAddress`. */
    async createSession(tokenHash: string, address: string, expiresAt: Date, limits: Pick<SessionLimits, "maxPerAddress">, now = new Date()): Promise<void> {
      await db.session.create({ data: { tokenHash, address, expiresAt, createdAt: now, lastSeenAt: now } });
      const stale = await db.session.findMany({
        where: { address },
        orderBy: [{ createdAt: "desc" }, { tokenHash: "desc" }],
        skip: limits.maxPerAddress,
        select: { tokenHash: true },
      });
      if (stale.length) await db.session.deleteMany({ where: { tokenHash: { in: stale.map((s) => s.tokenHash) } } });
    },

    /** The session's address, or undefined when it is unknown, expired or idle too long. Refreshes its last use now and then. */
    async findSession(tokenHash: string, limits: Pick<SessionLimits, "idleMs" | "touchMs">, now = new Date()): Promise<SessionRecord | undefined> {
      const row = await db.session.findUnique({ where: { tokenHash } });
      if (!row || row.expiresAt <= now || row.lastSeenAt.getTime() + limits.idleMs <= now.getTime()) return undefined;
      if (now.getTime() - row.lastSeenAt.getTime() >= limits.touchMs) {
        await db.session.updateMany({ where: { tokenHash, lastSeenAt: row.lastSeenAt }, data: { lastSeenAt: now } });
      }
      return { address: row.address, expiresAt: row.expiresAt };
    },

    async deleteSession(tokenHash: string): Promise<void> {
      await db.session.deleteMany({ where: { tokenHash } });
    },

    /** "Sign out everywhere": every session of the address, on every instance. */
    async deleteSessionsOf(address: string): Promise<number> {
      return (await db.session.deleteMany({ where: { address } })).count;
    },
  };
}

export type SessionsRepository = ReturnType<typeof sessionsRepository>;
