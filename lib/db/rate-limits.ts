import "server-only";
import type { PrismaClient } from "@prisma/client";
import { isUniqueViolation } from "@/lib/db/errors";

/**
 * Fixed-window counters in the database, so that every instance behind a load balancer counts against the same
 * limit. One upsert per hit: Prisma runs it as INSERT … ON CONFLICT DO UPDATE SET count = count + 1 on SQLite and
 * PostgreSQL, so concurrent hits on any instance each count once.
 */
export function rateLimitsRepository(db: PrismaClient) {
  return {
    async hit(key: string, windowMs: number, now = new Date()): Promise<{ count: number; resetAt: Date }> {
      const start = Math.floor(now.getTime() / windowMs) * windowMs;
      const resetAt = new Date(start + windowMs);
      const id = `${key}:${start}`;
      for (let attempt = 0; ; attempt++) {
        try {
          const row = await db.rateBucket.upsert({ where: { key: id }, create: { key: id, count: 1, resetAt }, update: { count: { increment: 1 } } });
          return { count: row.count, resetAt };
        } catch (err) {
          // a racing insert of the same new window: the row exists now, count again
          if (attempt < 3 && isUniqueViolation(err)) continue;
          throw err;
        }
      }
    },

    async purge(now = new Date()): Promise<number> {
      return (await db.rateBucket.deleteMany({ where: { resetAt: { lte: now } } })).count;
    },
  };
}

export type RateLimitsRepository = ReturnType<typeof rateLimitsRepository>;
