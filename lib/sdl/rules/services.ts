/**
 * Service rules the provider enforces but chain-sdk does not check.
 * Service names become Kubernetes object and DNS names (akash-network/provider cluster/kube/builder), and env
 * entries become container env vars: a bad one makes the provider fail the deployment after the lease is paid.
 */
import { entriesOf, isRecord, quote, type RuleContext } from "@/lib/sdl/rules/context";
import type { SdlQuickFix } from "@/lib/sdl/diagnostics";

/** RFC 1123 label, as the provider requires for service names. */
export const SERVICE_NAME = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const SERVICE_NAME_MAX = 63;
/** Kubernetes' env var name rule (validation.IsEnvVarName): what the provider's cluster accepts. */
export const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

export function checkServices(ctx: RuleContext): void {
  const services = entriesOf(ctx.sdl.services);
  for (const [name, service] of services) {
    checkServiceName(ctx, name);
    if (isRecord(service)) checkEnv(ctx, name, service.env);
  }
  checkGlobalExpose(ctx, services);
}

function checkServiceName(ctx: RuleContext, name: string): void {
  if (SERVICE_NAME.test(name) && name.length <= SERVICE_NAME_MAX) return;
  const suggestion = toServiceName(name);
  const fixes: SdlQuickFix[] = [];
  if (suggestion && suggestion !== name) {
    const edits = [{ range: ctx.keyRange(["services", name]), text: suggestion }];
    if (ctx.exists(["deployment", name])) edits.push({ range: ctx.keyRange(["deployment", name]), text: suggestion });
    fixes.push({ title: `Rename to ${quote(suggestion)}`, edits });
  }
  const why =
    name.length > SERVICE_NAME_MAX
      ? `is longer than ${SERVICE_NAME_MAX} characters`
      : "must be lowercase letters, digits and dashes, start with a letter and not end with a dash";
  ctx.report({
    code: "sdl.service_name",
    message: `Service name ${quote(name)} ${why}: providers use it as a Kubernetes and DNS name.${suggestion && suggestion !== name ? ` Try ${quote(suggestion)}.` : ""}`,
    path: ["services", name],
    target: "key",
    fixes,
    subject: name,
  });
}

export function toServiceName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^-a-z0-9]+/g, "-")
    .replace(/^[^a-z]+/, "")
    .replace(/-+$/, "")
    .replace(/-{2,}/g, "-")
    .slice(0, SERVICE_NAME_MAX)
    .replace(/-+$/, "");
}

function checkEnv(ctx: RuleContext, service: string, env: unknown): void {
  if (!Array.isArray(env)) return;
  const seen = new Map<string, number>();
  env.forEach((entry, i) => {
    const path = ["services", service, "env", i];
    if (typeof entry !== "string") return; // the schema reports non-strings
    const eq = entry.indexOf("=");
    if (eq === -1) {
      ctx.report({
        severity: "warning",
        code: "sdl.env_format",
        message: `Env entry ${quote(entry)} has no \`=\`: write NAME=value (NAME= for an empty value). The provider skips entries without \`=\`, so the container will not see it.`,
        path,
        target: "value",
        fixes: ENV_NAME.test(entry) ? [ctx.replaceFix(`Change to ${quote(entry + "=")}`, path, entry + "=")] : [],
      });
      return;
    }
    const name = entry.slice(0, eq);
    if (!ENV_NAME.test(name)) {
      const fixed = name.trim().replace(/[^-._a-zA-Z0-9]+/g, "_").replace(/^[0-9]/, "_$&");
      ctx.report({
        code: "sdl.env_name",
        message:
          name === ""
            ? `Env entry ${quote(entry)} has no name before \`=\`.`
            : `Env var name ${quote(name)} is not valid: use letters, digits, \`_\`, \`-\` and \`.\`, not starting with a digit. Kubernetes rejects the container otherwise.`,
        path,
        target: "value",
        fixes: fixed && ENV_NAME.test(fixed) ? [ctx.replaceFix(`Rename to ${quote(fixed)}`, path, fixed + entry.slice(eq))] : [],
      });
      return;
    }
    const first = seen.get(name);
    if (first !== undefined) {
      ctx.report({
        severity: "warning",
        code: "sdl.env_duplicate",
        message: `${quote(name)} is set twice (also at env[${first}]); the container gets only the last value.`,
        path,
        target: "value",
      });
    } else seen.set(name, i);
  });
}

function checkGlobalExpose(ctx: RuleContext, services: [string, unknown][]): void {
  if (services.length === 0) return;
  for (const [, service] of services) {
    if (!isRecord(service) || !Array.isArray(service.expose)) continue;
    for (const expose of service.expose) {
      if (isRecord(expose) && Array.isArray(expose.to) && expose.to.some((to) => isRecord(to) && to.global === true)) return;
    }
  }
  // A warning, not an error: workers (miners, batch jobs, bots) need no inbound traffic and deploy fine.
  ctx.report({
    severity: "warning",
    code: "sdl.no_global_expose",
    message:
      "No service exposes a port globally (`expose: - port: 80, to: - global: true`): the deployment will run but nothing in it can be reached from the internet. That is fine for workers; a web service needs a global expose.",
    path: ["services"],
    target: "key",
  });
}
