// Whether `npm start` must build: no build yet, sources newer than the build, or a build made with other
// NEXT_PUBLIC_* values (Next inlines them, so changing one without a rebuild would serve the old ones).
//   npx tsx scripts/build-check.ts          exit 0: the build is current; exit 1: build (the reason is printed)
//   npx tsx scripts/build-check.ts --stamp  record the current configuration beside a fresh build
import { existsSync, readFileSync, statSync, writeFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { BUILD_STAMP_FILE, publicConfigHash } from "../lib/env/build-config";

const WATCHED = ["app", "components", "lib", "public", "prisma", "middleware.ts", "instrumentation.ts", "next.config.js", "server.ts", "scripts/build-server.mjs", "package.json"];

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

export function buildNeeded(root: string, env: Record<string, string | undefined>): string | null {
  const buildId = path.join(root, ".next/BUILD_ID");
  if (!existsSync(buildId)) return "no build yet";
  const built = statSync(buildId).mtimeMs;
  if (WATCHED.some((p) => newestMtime(path.join(root, p)) > built)) return "sources changed";
  const stamp = path.join(root, BUILD_STAMP_FILE);
  if (!existsSync(stamp) || readFileSync(stamp, "utf8").trim() !== publicConfigHash(env)) return "NEXT_PUBLIC_* configuration changed";
  return null;
}

export function stampBuild(root: string, env: Record<string, string | undefined>): void {
  writeFileSync(path.join(root, BUILD_STAMP_FILE), publicConfigHash(env) + "\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(import.meta.dirname, "..");
  if (process.argv.includes("--stamp")) {
    stampBuild(root, process.env);
  } else {
    const reason = buildNeeded(root, process.env);
    if (reason) {
      console.log(reason);
      process.exit(1);
    }
  }
}
