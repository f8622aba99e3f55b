import type { UpdateDifference } from "@/lib/deploy/update-rules";

/** What signing MsgUpdateDeployment with `next` would do, computed before anything is signed. */
export type UpdatePlan =
  | { kind: "unchanged" }
  | { kind: "refused"; differences: UpdateDifference[] }
  | { kind: "allowed"; manifestVersion: string; hash: Uint8Array };

/** The current SDL against the edited one: both through chain-sdk, then the update rules. */
export async function planUpdate(current: string, next: string): Promise<UpdatePlan> {
  // chain-sdk's manifest builder and the rules load with the update page's first check, not with every page
  const [{ buildDeploymentPayload }, { updateDifferences }] = await Promise.all([import("@/lib/deploy/payload"), import("@/lib/deploy/update-rules")]);
  const [before, after] = await Promise.all([buildDeploymentPayload(current), buildDeploymentPayload(next)]);
  if (after.manifestVersion === before.manifestVersion) return { kind: "unchanged" };
  const differences = updateDifferences(before.groupSpecs, after.groupSpecs);
  return differences.length ? { kind: "refused", differences } : { kind: "allowed", manifestVersion: after.manifestVersion, hash: after.hash };
}
