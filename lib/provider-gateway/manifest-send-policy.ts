import { AppError, isAppError, type AppErrorCode } from "@/lib/errors/app-error";

/**
 * When to send the manifest again. The browser's mutation drives it: one proxied PUT per attempt
 * (app/api/providers/[provider]/deployments/[dseq]/manifest), this policy in between.
 * - 404 (provider.no_lease) right after MsgCreateLease is normal: the provider's chain watcher sees the lease a few
 *   blocks later. Retried with exponential backoff and jitter for up to about a minute.
 * - 422 (provider.manifest_rejected): the manifest does not match the deployment's on-chain version. Final.
 * - 5xx, timeouts, connection failures, an expired token (the next attempt signs a new one): retried a few times.
 * - Everything else (TLS pin, a closed lease, a refused token, …): final, with the error as it came.
 * `nextManifestStep` is the pure decision; `sendManifestWithPolicy` the loop with injected time, sleep and randomness.
 */

export interface ManifestPolicy {
  /** how long a provider may keep answering "no lease" */
  noLeaseWindowMs: number;
  /** retries of transient failures (5xx, timeouts, …) after the first attempt */
  transientRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_MANIFEST_POLICY: ManifestPolicy = { noLeaseWindowMs: 60_000, transientRetries: 3, baseDelayMs: 1_000, maxDelayMs: 8_000 };

const TRANSIENT: ReadonlySet<AppErrorCode> = new Set([
  "provider.unavailable",
  "provider.timeout",
  "provider.unreachable",
  "provider.dns",
  "provider.bad_response",
  "token.expired",
  "rate_limited",
  "console.unreachable",
]);

export interface ManifestState {
  /** attempts made so far, including the one that just failed */
  attempts: number;
  /** transient failures so far, including this one when it is transient */
  transientFailures: number;
  /** ms since the first attempt started */
  elapsedMs: number;
}

export type ManifestStep = { retry: true; delayMs: number } | { retry: false; error: AppError };

/** Backoff with "equal jitter": half the exponential delay, plus a random part of the other half. */
export function backoffDelay(attempt: number, policy: ManifestPolicy, random: () => number): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

export function classifyFailure(err: unknown): "no_lease" | "rejected" | "transient" | "final" {
  if (!isAppError(err)) return "final";
  if (err.code === "provider.no_lease") return "no_lease";
  if (err.code === "provider.manifest_rejected") return "rejected";
  // the browser's fetch could not reach the console at all (lib/http/json-client.ts reports it as status 0)
  if (TRANSIENT.has(err.code) || (err.code === "internal" && err.status === 0)) return "transient";
  return "final";
}

export function nextManifestStep(err: unknown, state: ManifestState, policy: ManifestPolicy = DEFAULT_MANIFEST_POLICY, random: () => number = Math.random): ManifestStep {
  const error = isAppError(err) ? err : new AppError("internal", `Sending the manifest failed unexpectedly: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  const kind = classifyFailure(error);
  const delayMs = backoffDelay(state.attempts, policy, random);
  if (kind === "no_lease") {
    if (state.elapsedMs + delayMs <= policy.noLeaseWindowMs) return { retry: true, delayMs };
    const secs = Math.round(state.elapsedMs / 1000);
    return {
      retry: false,
      error: new AppError("provider.no_lease", `The provider still did not see the lease after ${secs} s and ${state.attempts} attempts. Check that the lease is active; then retry.`, {
        cause: error,
        details: { ...error.details, attempts: state.attempts },
      }),
    };
  }
  if (kind === "transient" && state.transientFailures <= policy.transientRetries) return { retry: true, delayMs };
  return { retry: false, error };
}

export interface ManifestAttemptReport {
  attempt: number;
  /** sent: the provider took it; retrying: failed, another attempt follows after delayMs; failed: given up */
  outcome: "sent" | "retrying" | "failed";
  error?: AppError;
  delayMs?: number;
  elapsedMs: number;
}

export interface SendManifestDeps {
  /** one PUT through the console's proxy; throws the route's AppError */
  put(attempt: number): Promise<void>;
  onAttempt?(report: ManifestAttemptReport): void;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  policy?: ManifestPolicy;
  signal?: AbortSignal;
}

const realSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(t), reject(signal.reason)), { once: true });
  });

/** Resolves once a PUT succeeded; rejects with the final AppError (or the signal's reason when aborted). */
export async function sendManifestWithPolicy(deps: SendManifestDeps): Promise<void> {
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? realSleep;
  const policy = deps.policy ?? DEFAULT_MANIFEST_POLICY;
  const started = now();
  let transientFailures = 0;
  for (let attempt = 1; ; attempt++) {
    deps.signal?.throwIfAborted();
    try {
      await deps.put(attempt);
      deps.onAttempt?.({ attempt, outcome: "sent", elapsedMs: now() - started });
      return;
    } catch (err) {
      if (deps.signal?.aborted) throw deps.signal.reason;
      if (classifyFailure(err) === "transient") transientFailures++;
      const step = nextManifestStep(err, { attempts: attempt, transientFailures, elapsedMs: now() - started }, policy, deps.random);
      const error = isAppError(err) ? err : undefined;
      if (!step.retry) {
        deps.onAttempt?.({ attempt, outcome: "failed", error: step.error, elapsedMs: now() - started });
        throw step.error;
      }
      deps.onAttempt?.({ attempt, outcome: "retrying", error, delayMs: step.delayMs, elapsedMs: now() - started });
      await sleep(step.delayMs, deps.signal);
    }
  }
}
