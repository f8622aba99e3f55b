import "server-only";
import { SESSION_IDLE_MS } from "@/lib/auth/session-policy";
import { getDb } from "@/lib/db/client";
import { sweepExpired } from "@/lib/db/retention";
import { getServerEnv } from "@/lib/env/server";

/** Each instance sweeps at most this often, on the back of a write: no scheduler to run, and idle installs do no work. */
export const SWEEP_INTERVAL_MS = 10 * 60_000;
let lastSweep = 0;

export function maybeSweep(now = Date.now()): void {
  if (now - lastSweep < SWEEP_INTERVAL_MS) return;
  lastSweep = now;
  void sweepExpired(getDb(), { retentionDays: getServerEnv().CONSOLE_RETENTION_DAYS, sessionIdleMs: SESSION_IDLE_MS }).catch((e: unknown) =>
    console.error("[retention] sweep failed", e),
  );
}
