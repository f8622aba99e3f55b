import { createHash } from "node:crypto";

/**
 * The build-time configuration: Next inlines every NEXT_PUBLIC_* variable into the build, so a build is only right
 * for the values it was made with. `npm start` stores this hash beside the build (.next/console-config.sha256) and
 * rebuilds when it differs; the server's start check compares the inlined values with its environment.
 */
export const BUILD_STAMP_FILE = ".next/console-config.sha256";

export function publicConfig(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env)
      .filter(([k, v]) => k.startsWith("NEXT_PUBLIC_") && v !== undefined && v.trim() !== "")
      .sort(([a], [b]) => a.localeCompare(b)) as [string, string][],
  );
}

export function publicConfigHash(env: Record<string, string | undefined>): string {
  return createHash("sha256").update(JSON.stringify(publicConfig(env))).digest("hex");
}

/** A production build must name its network: devnet is the local default, never a silent one for a real install. */
export function productionNetworkProblem(env: Record<string, string | undefined>): string | null {
  if (env.NEXT_PUBLIC_NETWORK?.trim()) return null;
  return "NEXT_PUBLIC_NETWORK is not set: a production build must name its network (devnet, sandbox-2 or akashnet-2). `npm start` sets devnet for the local devnet; for anything else build with NEXT_PUBLIC_NETWORK=… npx next build.";
}
