/**
 * The build-time configuration: Next inlines every NEXT_PUBLIC_* variable into the build, so a build is only right
 * for the values it was made with (no Node imports here: the start check is also compiled for the edge runtime).
 */
export function publicConfig(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env)
      .filter(([k, v]) => k.startsWith("NEXT_PUBLIC_") && v !== undefined && v.trim() !== "")
      .sort(([a], [b]) => a.localeCompare(b)) as [string, string][],
  );
}

/** A production build must name its network: devnet is the local default, never a silent one for a real install. */
export function productionNetworkProblem(env: Record<string, string | undefined>): string | null {
  if (env.NEXT_PUBLIC_NETWORK?.trim()) return null;
  return "NEXT_PUBLIC_NETWORK is not set: a production build must name its network (devnet, sandbox-2 or akashnet-2). `npm start` sets devnet for the local devnet; for anything else build with NEXT_PUBLIC_NETWORK=… npx next build.";
}
