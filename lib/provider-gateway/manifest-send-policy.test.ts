import { describe, expect, it } from "vitest";
import { AppError, type AppErrorCode } from "@/lib/errors/app-error";
import {
  backoffDelay,
  DEFAULT_MANIFEST_POLICY,
  nextManifestStep,
  sendManifestWithPolicy,
  type ManifestAttemptReport,
} from "@/lib/provider-gateway/manifest-send-policy";

const fail = (code: AppErrorCode, message: string = code) => new AppError(code, message);

/** a virtual clock: sleep advances it, so a minute of retries runs in no time */
function harness(answers: (AppError | "ok")[]) {
  let clock = 1_000_000;
  const reports: ManifestAttemptReport[] = [];
  const puts: number[] = [];
  return {
    reports,
    puts,
    elapsed: () => clock - 1_000_000,
    run: () =>
      sendManifestWithPolicy({
        put: async (attempt) => {
          puts.push(attempt);
          clock += 200; // each PUT takes a little time
          const a = answers[Math.min(attempt - 1, answers.length - 1)]!;
          if (a !== "ok") throw a;
        },
        onAttempt: (r) => reports.push(r),
        now: () => clock,
        sleep: async (ms) => void (clock += ms),
        random: () => 0.5,
      }),
  };
}

describe("sendManifestWithPolicy", () => {
  it("sends once and reports it when the provider takes the manifest", async () => {
    const h = harness(["ok"]);
    await h.run();
    expect(h.reports).toEqual([{ attempt: 1, outcome: "sent", elapsedMs: 200 }]);
  });

  it("retries 404 (the provider does not see the lease yet) with growing delays until it takes it", async () => {
    const h = harness([fail("provider.no_lease"), fail("provider.no_lease"), fail("provider.no_lease"), "ok"]);
    await h.run();
    expect(h.reports.map((r) => r.outcome)).toEqual(["retrying", "retrying", "retrying", "sent"]);
    expect(h.reports.slice(0, 3).map((r) => r.delayMs)).toEqual([750, 1500, 3000]);
    expect(h.reports[0]!.error?.code).toBe("provider.no_lease");
  });

  it("gives up on 404 after about a minute, saying how long and how often it tried", async () => {
    const h = harness([fail("provider.no_lease")]);
    const err = await h.run().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "provider.no_lease" });
    expect((err as AppError).message).toMatch(/still did not see the lease after \d+ s and \d+ attempts/);
    expect(h.elapsed()).toBeGreaterThan(50_000);
    expect(h.elapsed()).toBeLessThanOrEqual(61_000);
    expect(h.reports.at(-1)).toMatchObject({ outcome: "failed" });
    expect(h.puts.length).toBeGreaterThan(5);
  });

  it("stops at once on 422 and keeps the explanation", async () => {
    const h = harness([fail("provider.manifest_rejected", "the manifest does not match the deployment's on-chain version")]);
    await expect(h.run()).rejects.toMatchObject({ code: "provider.manifest_rejected", message: expect.stringContaining("on-chain version") });
    expect(h.puts).toEqual([1]);
  });

  it("retries 5xx and other transient failures three times, then reports the last one", async () => {
    const h = harness([fail("provider.unavailable")]);
    await expect(h.run()).rejects.toMatchObject({ code: "provider.unavailable" });
    expect(h.puts).toEqual([1, 2, 3, 4]);
    const recovers = harness([fail("provider.unavailable"), fail("provider.timeout"), "ok"]);
    await recovers.run();
    expect(recovers.reports.map((r) => r.outcome)).toEqual(["retrying", "retrying", "sent"]);
  });

  it("does not retry what a retry cannot fix: a TLS pin failure, a closed lease, a refused token", async () => {
    for (const code of ["provider.tls_pin", "lease.closed", "provider.unauthorized", "token.invalid", "unauthorized"] as const) {
      const h = harness([fail(code)]);
      await expect(h.run()).rejects.toMatchObject({ code });
      expect(h.puts).toEqual([1]);
    }
  });

  it("stops when its signal is aborted, without another attempt", async () => {
    const ac = new AbortController();
    let puts = 0;
    const run = sendManifestWithPolicy({
      put: async () => {
        puts++;
        throw fail("provider.no_lease");
      },
      sleep: (_ms, signal) => new Promise((_, reject) => signal?.addEventListener("abort", () => reject(signal.reason))),
      signal: ac.signal,
    });
    ac.abort(new Error("tab closed"));
    await expect(run).rejects.toThrow("tab closed");
    expect(puts).toBe(1);
  });
});

describe("nextManifestStep", () => {
  it("is a pure decision on the failure and the history", () => {
    const s = { attempts: 2, transientFailures: 0, elapsedMs: 3_000 };
    expect(nextManifestStep(fail("provider.no_lease"), s, DEFAULT_MANIFEST_POLICY, () => 0)).toEqual({ retry: true, delayMs: 1_000 });
    expect(nextManifestStep(fail("provider.no_lease"), { ...s, elapsedMs: 59_500 }, DEFAULT_MANIFEST_POLICY, () => 0)).toMatchObject({ retry: false });
    expect(nextManifestStep(fail("provider.unavailable"), { ...s, transientFailures: 4 })).toMatchObject({ retry: false, error: { code: "provider.unavailable" } });
    // the console itself unreachable (fetch failed: status 0) is worth another try
    expect(nextManifestStep(new AppError("internal", "unreachable", { status: 0 }), { ...s, transientFailures: 1 }, DEFAULT_MANIFEST_POLICY, () => 0)).toEqual({ retry: true, delayMs: 1_000 });
    expect(nextManifestStep(new Error("boom"), s)).toMatchObject({ retry: false, error: { code: "internal" } });
  });
});

describe("backoffDelay", () => {
  it("doubles from one second up to eight, with jitter over the upper half", () => {
    const p = DEFAULT_MANIFEST_POLICY;
    expect([1, 2, 3, 4, 5, 9].map((a) => backoffDelay(a, p, () => 0))).toEqual([500, 1000, 2000, 4000, 4000, 4000]);
    expect([1, 2, 3, 4, 5].map((a) => backoffDelay(a, p, () => 1))).toEqual([1000, 2000, 4000, 8000, 8000]);
  });
});
