import "server-only";
import { getDb } from "@/lib/db/client";
import { rateLimitsRepository } from "@/lib/db/rate-limits";
import { AppError } from "@/lib/errors/app-error";

export interface RateLimit {
  name: string;
  limit: number;
  windowMs: number;
  /** what is counted, for the message: "sign-in requests from your network address" */
  what: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * The limits, per client address (see request-context.server.ts) and per owner. Sized so that a tenant typing in
 * the editor (an autosave every second or two) never meets them, while a script cannot fill the database.
 */
export const RATE_LIMITS = {
  writesPerAddress: { name: "write:ip", limit: 600, windowMs: MINUTE, what: "changes from your network address" },
  writesPerOwner: { name: "write:owner", limit: 120, windowMs: MINUTE, what: "changes to your drafts and records" },
  noncesPerAddress: { name: "nonce:ip", limit: 30, windowMs: MINUTE, what: "sign-in requests from your network address" },
  newAnonymousPerAddress: { name: "anon:ip", limit: 60, windowMs: HOUR, what: "new browsers without a wallet from your network address" },
  newAnonymousTotal: { name: "anon:all", limit: 5_000, windowMs: HOUR, what: "new browsers without a wallet on this console" },
  providerLookupsPerAddress: { name: "providers:ip", limit: 120, windowMs: MINUTE, what: "provider look-ups from your network address" },
} as const satisfies Record<string, RateLimit>;

/** Counts one hit of `limit` for `subject` and refuses it with 429 when the window is full. */
export async function enforceRateLimit(limit: RateLimit, subject: string, now = new Date()): Promise<void> {
  const { count, resetAt } = await rateLimitsRepository(getDb()).hit(`${limit.name}:${subject}`, limit.windowMs, now);
  if (count > limit.limit) throw rateLimited(limit, resetAt, now);
}

export function rateLimited(limit: RateLimit, resetAt: Date, now = new Date()): AppError {
  const seconds = Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000));
  const per = limit.windowMs >= HOUR ? `${limit.windowMs / HOUR} h` : `${limit.windowMs / MINUTE} min`;
  return new AppError(
    "rate_limited",
    `Too many ${limit.what}: at most ${limit.limit} per ${per}. Try again in ${seconds} s (at ${resetAt.toISOString().slice(11, 19)} UTC).`,
    { details: { retryAfterSeconds: seconds, limit: limit.name } },
  );
}
