import { createHash } from "node:crypto";
import { publicConfig } from "@/lib/env/public-config";

/**
 * `npm start` stores this hash of the NEXT_PUBLIC_* configuration beside the build and rebuilds when it differs
 * (scripts/build-check.ts); the server's start check compares the inlined values with its environment.
 */
export const BUILD_STAMP_FILE = ".next/console-config.sha256";

export function publicConfigHash(env: Record<string, string | undefined>): string {
  return createHash("sha256").update(JSON.stringify(publicConfig(env))).digest("hex");
}
