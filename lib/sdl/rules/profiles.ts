/**
 * References between services, deployment, compute profiles and placements, checked in both directions with exact
 * positions (chain-sdk reports these at the section level, e.g. `/profiles/compute`). Unused profiles are warnings:
 * they are ignored, but usually mean a typo somewhere else.
 */
import { closest } from "@/lib/sdl/suggest";
import { entriesOf, isRecord, quote, type RuleContext } from "@/lib/sdl/rules/context";
import type { SdlQuickFix } from "@/lib/sdl/diagnostics";

export function checkProfiles(ctx: RuleContext): void {
  const services = isRecord(ctx.sdl.services) ? ctx.sdl.services : {};
  const deployment = isRecord(ctx.sdl.deployment) ? ctx.sdl.deployment : null;
  const profiles = isRecord(ctx.sdl.profiles) ? ctx.sdl.profiles : {};
  const compute = isRecord(profiles.compute) ? profiles.compute : null;
  const placement = isRecord(profiles.placement) ? profiles.placement : null;
  const usedCompute = new Set<string>();
  const usedPlacement = new Set<string>();

  if (deployment) {
    for (const name of Object.keys(services)) {
      if (name in deployment) continue;
      ctx.report({
        code: "sdl.deployment_missing",
        message: `Service ${quote(name)} has no entry under \`deployment\`, so it would never run: add \`deployment.${name}.<placement>\` with a profile and a count.`,
        path: ["services", name],
        target: "key",
        fixes: optional(deploymentStub(ctx, name, compute, placement)),
        subject: name,
      });
    }
  }

  for (const [svc, placements] of entriesOf(deployment)) {
    if (!(svc in services)) {
      const guess = closest(svc, Object.keys(services));
      ctx.report({
        code: "sdl.service_missing",
        message: `\`deployment\` refers to service ${quote(svc)}, which is not defined under \`services\`.${guess ? ` Did you mean ${quote(guess)}?` : ""}`,
        path: ["deployment", svc],
        target: "key",
        fixes: guess ? [ctx.replaceFix(`Change to ${quote(guess)}`, ["deployment", svc], guess, "key")] : [],
        subject: svc,
      });
    }
    for (const [place, dep] of entriesOf(placements)) {
      usedPlacement.add(place);
      const placePath = ["deployment", svc, place];
      if (placement && !(place in placement)) {
        const guess = closest(place, Object.keys(placement));
        ctx.report({
          code: "sdl.placement_missing",
          message: `Placement ${quote(place)} is not defined under \`profiles.placement\`.${guess ? ` Did you mean ${quote(guess)}?` : ""}`,
          path: placePath,
          target: "key",
          fixes: guess ? [ctx.replaceFix(`Change to ${quote(guess)}`, placePath, guess, "key")] : [],
          subject: place,
        });
      }
      if (!isRecord(dep) || typeof dep.profile !== "string") continue;
      const profile = dep.profile;
      usedCompute.add(profile);
      if (compute && !(profile in compute)) {
        const guess = closest(profile, Object.keys(compute));
        const fixes: SdlQuickFix[] = [];
        if (guess) fixes.push(ctx.replaceFix(`Change to ${quote(guess)}`, [...placePath, "profile"], guess));
        const stub = ctx.insertChildFix(`Add a compute profile stub for ${quote(profile)}`, ["profiles", "compute"], computeStub(profile));
        if (stub) fixes.push(stub);
        ctx.report({
          code: "sdl.profile_missing",
          message: `Compute profile ${quote(profile)} is not defined under \`profiles.compute\`.${guess ? ` Did you mean ${quote(guess)}?` : ""}`,
          path: [...placePath, "profile"],
          target: "value",
          fixes,
          subject: profile,
        });
      }
      const infra = placement?.[place];
      if (isRecord(infra) && !(isRecord(infra.pricing) && profile in infra.pricing)) {
        const pricingPath = isRecord(infra.pricing) ? ["profiles", "placement", place, "pricing"] : ["profiles", "placement", place];
        ctx.report({
          code: "sdl.pricing_missing",
          message: `Placement ${quote(place)} has no price for compute profile ${quote(profile)}: add \`pricing.${profile}\` with a denom and an amount.`,
          path: pricingPath,
          target: "key",
          fixes: optional(
            isRecord(infra.pricing)
              ? ctx.insertChildFix(`Add a price for ${quote(profile)}`, pricingPath, [`${profile}:`, "  denom: uact", "  amount: 1000"])
              : undefined,
          ),
          subject: `${place}:${profile}`,
        });
      }
    }
  }

  if (!deployment) return;
  for (const name of Object.keys(compute ?? {})) {
    if (usedCompute.has(name)) continue;
    ctx.report({
      severity: "warning",
      code: "sdl.profile_unused",
      message: `Compute profile ${quote(name)} is not used by any \`deployment\` entry.`,
      path: ["profiles", "compute", name],
      target: "key",
      subject: name,
    });
  }
  for (const name of Object.keys(placement ?? {})) {
    if (usedPlacement.has(name)) continue;
    ctx.report({
      severity: "warning",
      code: "sdl.profile_unused",
      message: `Placement ${quote(name)} is not used by any \`deployment\` entry.`,
      path: ["profiles", "placement", name],
      target: "key",
      subject: name,
    });
  }
}

function optional<T>(x: T | undefined): T[] {
  return x === undefined ? [] : [x];
}

export function computeStub(name: string): string[] {
  return [`${name}:`, "  resources:", "    cpu:", "      units: 0.5", "    memory:", "      size: 512Mi", "    storage:", "      size: 1Gi"];
}

function deploymentStub(
  ctx: RuleContext,
  service: string,
  compute: Record<string, unknown> | null,
  placement: Record<string, unknown> | null,
): SdlQuickFix | undefined {
  const places = Object.keys(placement ?? {});
  const profiles = Object.keys(compute ?? {});
  const profile = profiles.includes(service) ? service : profiles.length === 1 ? profiles[0] : undefined;
  if (places.length !== 1 || !profile) return undefined;
  return ctx.insertChildFix(`Deploy ${quote(service)} on ${quote(places[0]!)} with profile ${quote(profile)}`, ["deployment"], [
    `${service}:`,
    `  ${places[0]}:`,
    `    profile: ${profile}`,
    "    count: 1",
  ]);
}
