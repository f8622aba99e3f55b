import "server-only";
import type { PrismaClient } from "@prisma/client";

/**
 * Sign-in nonces and sessions. Both live in the database, not in process memory, so that any instance behind a
 * load balancer can verify a nonce another one issued and recognise a session another one created.
 */
export type NonceCheck = { ok: true; createdAt: Date } | { ok: false; reason: "unknown" | "expired" | "used" };

export interface SessionRecord {
  address: string;
  expiresAt: Date;
}

export function sessionsRepository(db: PrismaClient) {
  return {
    async createNonce(nonce: string, createdAt: Date, expiresAt: Date): Promise<void> {
      await db.authNonce.create({ data: { nonce, createdAt, expiresAt } });
    },

    /**
     * Marks the nonce used if it exists, is unexpired and unused. The check and the mark are one conditional
     * UPDATE, so two requests racing with the same signed nonce (on one instance or two) cannot both win.
     */
    async consumeNonce(nonce: string, now: Date): Promise<NonceCheck> {
      const { count } = await db.authNonce.updateMany({ where: { nonce, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
      const row = await db.authNonce.findUnique({ where: { nonce } });
      if (count === 1 && row) return { ok: true, createdAt: row.createdAt };
      if (!row) return { ok: false, reason: "unknown" };
      // count 0 means this request did not set usedAt: a set one was another request's
      return { ok: false, reason: row.usedAt ? "used" : "expired" };
    },

    async createSession(tokenHash: string, address: string, expiresAt: Date, now = new Date()): Promise<void> {
      await db.session.create({ data: { tokenHash, address, expiresAt, createdAt: now } });
    },

    /** The session's address, or undefined when the token is unknown or its session has expired. */
    async findSession(tokenHash: string, now = new Date()): Promise<SessionRecord | undefined> {
      const row = await db.session.findUnique({ where: { tokenHash } });
      if (!row || row.expiresAt <= now) return undefined;
      return { address: row.address, expiresAt: row.expiresAt };
    },

    async deleteSession(tokenHash: string): Promise<void> {
      await db.session.deleteMany({ where: { tokenHash } });
    },

    /** Expired nonces and sessions are garbage; called now and then by the nonce route rather than by a cron job. */
    async purgeExpired(now = new Date()): Promise<{ nonces: number; sessions: number }> {
      const [nonces, sessions] = await Promise.all([
        db.authNonce.deleteMany({ where: { expiresAt: { lte: now } } }),
        db.session.deleteMany({ where: { expiresAt: { lte: now } } }),
      ]);
      return { nonces: nonces.count, sessions: sessions.count };
    },
  };
}

export type SessionsRepository = ReturnType<typeof sessionsRepository>;
