/** Waiting on a condition instead of on the clock. */

/** A fixed pause. Prefer waitFor on what should happen; a pause before a negative assertion proves nothing. */
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitFor<T>(fn: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000, stepMs = 50): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error("waitFor: timed out");
    await sleep(stepMs);
  }
}
