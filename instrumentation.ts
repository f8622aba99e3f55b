// Next runs register() once when a server starts: a production console that is misconfigured refuses to start
// (lib/env/start-check.server.ts says what it checks) instead of serving a devnet setting on a real network.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NODE_ENV !== "production") return;
  const { runStartChecks } = await import("@/lib/env/start-check.server");
  const { fatal, warnings } = await runStartChecks();
  for (const w of warnings) console.warn(`[start] ${w}`);
  if (fatal.length) {
    for (const f of fatal) console.error(`[start] refusing to start: ${f}`);
    process.exit(1);
  }
}
