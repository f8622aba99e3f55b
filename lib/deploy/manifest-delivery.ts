import { AppError, isAppError } from "@/lib/errors/app-error";
import { sendManifestWithPolicy, type SendManifestDeps } from "@/lib/provider-gateway/manifest-send-policy";

/**
 * Getting a deployment's manifest to every provider that holds one of its leases. A provider takes the whole
 * manifest once per deployment (`PUT /deployment/{dseq}/manifest`) and serves each of its leases from it, so the
 * leases are sent per provider, in parallel; each lease reports its own state. The retry rules are
 * lib/provider-gateway/manifest-send-policy.ts; what the provider answered is recorded (sent, or why not) so a
 * later visit knows whether to send again. Pure over injected calls: the hook supplies the proxy, the token and
 * the record.
 */

export interface DeliveryLease {
  provider: string;
  gseq: number;
  oseq: number;
}

export type LeaseDelivery =
  | { state: "sending"; attempt: number; retryInMs: number | null; lastError: AppError | null }
  | { state: "sent" }
  | { state: "failed"; error: AppError };

export const leaseKey = (l: Pick<DeliveryLease, "gseq" | "oseq">) => `${l.gseq}/${l.oseq}`;

export interface DeliveryDeps {
  /** one PUT of the manifest to the provider through the console's proxy (a fresh token each attempt) */
  put(provider: string): Promise<void>;
  /** keeps the outcome with the console's record; a failure to record is not a failure to deliver */
  record(lease: DeliveryLease, outcome: { sent: true } | { sent: false; error: string }): Promise<unknown>;
  onUpdate(lease: DeliveryLease, delivery: LeaseDelivery): void;
  signal?: AbortSignal;
  /** the policy loop's time, sleep and randomness (tests) */
  policy?: Pick<SendManifestDeps, "now" | "sleep" | "random" | "policy">;
}

function groupByProvider(leases: readonly DeliveryLease[]): Map<string, DeliveryLease[]> {
  const byProvider = new Map<string, DeliveryLease[]>();
  for (const l of leases) byProvider.set(l.provider, [...(byProvider.get(l.provider) ?? []), l]);
  return byProvider;
}

async function deliverToProvider(provider: string, leases: DeliveryLease[], deps: DeliveryDeps): Promise<void> {
  const report = (d: LeaseDelivery) => leases.forEach((l) => deps.onUpdate(l, d));
  report({ state: "sending", attempt: 1, retryInMs: null, lastError: null });
  try {
    await sendManifestWithPolicy({
      ...deps.policy,
      signal: deps.signal,
      put: () => deps.put(provider),
      onAttempt: (a) => {
        if (a.outcome === "retrying") report({ state: "sending", attempt: a.attempt + 1, retryInMs: a.delayMs ?? null, lastError: a.error ?? null });
      },
    });
  } catch (err) {
    if (deps.signal?.aborted) return;
    const error = isAppError(err) ? err : new AppError("internal", `Sending the manifest failed unexpectedly: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    report({ state: "failed", error });
    await Promise.allSettled(leases.map((l) => deps.record(l, { sent: false, error: error.message })));
    return;
  }
  report({ state: "sent" });
  await Promise.allSettled(leases.map((l) => deps.record(l, { sent: true })));
}

/** Sends to every provider of `leases` at once; resolves when each has an outcome (never rejects). */
export async function deliverManifest(leases: readonly DeliveryLease[], deps: DeliveryDeps): Promise<void> {
  await Promise.all([...groupByProvider(leases)].map(([provider, ofProvider]) => deliverToProvider(provider, ofProvider, deps)));
}

/** Providers close a lease whose manifest does not arrive within about five minutes. */
export const MANIFEST_DEADLINE_MS = 5 * 60_000;

export function manifestOverdue(leaseRecordedAt: Date, now: number): boolean {
  return now - leaseRecordedAt.getTime() > MANIFEST_DEADLINE_MS;
}
