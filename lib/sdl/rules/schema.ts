/**
 * chain-sdk's errors (ajv schema errors and its SDLValidator's semantic ones, both `ValidationError` with a JSON
 * pointer `instancePath`) -> diagnostics at the node they are about, in words a tenant understands.
 */
import { validationSDLSchema, type ValidationError } from "@akashnetwork/chain-sdk";

import { formatPath, pointerToSegments, type PathSegment, type SdlQuickFix } from "@/lib/sdl/diagnostics";
import { closest } from "@/lib/sdl/suggest";
import { entriesOf, isRecord, quote, type Report, type RuleContext } from "@/lib/sdl/rules/context";
import { unknownKeyHelp } from "@/lib/sdl/rules/unknown-keys";

const REQUIRED_HINTS: Record<string, string> = {
  version: 'the SDL version, `version: "2.0"` or `"2.1"`',
  services: "the containers to run",
  profiles: "`compute` (resources) and `placement` (where and at what price)",
  deployment: "which service runs with which profile, where, and how many times",
  image: "the container image to run, e.g. `nginx:1.27`",
  units: "e.g. `units: 0.5` (CPUs) or `units: 1` (GPUs)",
  size: "e.g. `size: 512Mi`",
  pricing: "the max price per block for each compute profile",
  denom: "`uact` or `uakt`",
  amount: "the max price per block, in the denom's micro units",
  count: "how many replicas, e.g. `count: 1`",
  profile: "the compute profile to use",
  port: "the container port, e.g. `port: 80`",
  kind: "`kind: ip`",
};

export function reportChainSdkErrors(ctx: RuleContext, errors: readonly ValidationError[]): void {
  const typeErrors = new Map<string, { path: PathSegment[]; types: string[] }>();
  for (const e of errors) {
    if (e.keyword === "if") continue; // always paired with the `then` error that says what is wrong
    if (e.keyword === "type") {
      const key = e.instancePath;
      const entry = typeErrors.get(key) ?? { path: pointerToSegments(e.instancePath), types: [] };
      entry.types.push(String(e.params.type));
      typeErrors.set(key, entry);
      continue;
    }
    const report = mapError(ctx, e);
    if (!report) continue;
    const path = formatPath(report.path);
    // One error per node: when our own rules already explained this node (e.g. CPU units out of the chain's range),
    // chain-sdk's more generic message about it adds nothing.
    const duplicate = ctx.diagnostics.some((d) =>
      d.code === report.code
        ? report.subject !== undefined ? d.subject === report.subject : d.path === path
        : d.severity === "error" && d.path === path,
    );
    if (!duplicate) ctx.report(report);
  }
  for (const { path, types } of typeErrors.values()) {
    // A oneOf (string | number, object | list) fails every branch: when the value matched one branch's type and
    // failed inside it, that deeper error is the real one and the type mismatch of the other branch is noise.
    const at = formatPath(path);
    // (only errors explain it: a warning at the node, such as "no GPU model", must not hide that the value is wrong)
    if (ctx.diagnostics.some((d) => d.severity === "error" && (d.path === at || d.path.startsWith(at + ".") || d.path.startsWith(at + "[")))) continue;
    const value = valueAt(ctx.sdl, path);
    const field = fieldName(path);
    const fixes: SdlQuickFix[] =
      types.includes("string") && (typeof value === "number" || typeof value === "boolean")
        ? [ctx.replaceFix(`Quote it: ${JSON.stringify(String(value))}`, path, JSON.stringify(String(value)))]
        : [];
    ctx.report({
      code: "sdl.type",
      message: `${quote(field)} should be ${[...new Set(types)].map(article).join(" or ")}, not ${describe(value)}.`,
      path,
      target: "value",
      fixes,
    });
  }
}

function mapError(ctx: RuleContext, e: ValidationError): Report | undefined {
  const path = pointerToSegments(e.instancePath);
  const missing = e.params.missingProperty as string | undefined;
  const sp = e.schemaPath;

  // SDLValidator (semantic) errors first: they reuse schema keywords with their own schemaPaths.
  if (sp === "#/properties/deployment" && missing !== undefined) {
    return { code: "sdl.deployment_missing", message: e.message, path: ["services", missing], target: "key", subject: missing };
  }
  if (sp === "#/properties/profiles/properties/placement" && missing !== undefined) {
    return { code: "sdl.placement_missing", message: e.message, path: findDeployment(ctx, (_, p) => p === missing) ?? path, target: "key", subject: missing };
  }
  if (sp.endsWith("/placement/additionalProperties/properties/pricing") && missing !== undefined) {
    const place = String(path[2]);
    return { code: "sdl.pricing_missing", message: e.message, path, target: "key", subject: `${place}:${missing}` };
  }
  if (sp === "#/properties/profiles/properties/compute" && missing !== undefined) {
    const at = findDeployment(ctx, (dep) => dep.profile === missing);
    return { code: "sdl.profile_missing", message: e.message, path: at ? [...at, "profile"] : path, target: "value", subject: missing };
  }
  if (sp.includes("/params/properties/storage") || sp.endsWith("/resources/properties/storage")) {
    const m = /^Service "(.+)" references non-existing compute volume "(.+)"/.exec(e.message);
    if (m) {
      return { code: "sdl.storage", message: `Service ${quote(m[1]!)} mounts volume ${quote(m[2]!)}, but its compute profile has no storage volume named ${quote(m[2]!)}.`, path: ["services", m[1]!, "params", "storage", m[2]!], target: "key" };
    }
    const p = /^Persistent storage "(.+)" requires a mount path/.exec(e.message);
    if (p) {
      const svc = String(path[1]);
      return { code: "sdl.storage", message: `Persistent storage ${quote(p[1]!)} needs a mount path: add \`params: storage: ${p[1]}: mount: /data\` to service ${quote(svc)}.`, path, target: "key" };
    }
    return { code: "sdl.storage", message: e.message.replace(/ at "[^"]*"/g, ""), path, target: "key" };
  }
  if (sp.includes("/resources/properties/gpu") && e.message.startsWith("GPU must")) {
    return { code: "sdl.gpu", message: `${e.message} Add \`attributes: vendor: nvidia: - model: <model>\` or set \`units: 0\`.`, path, target: "key" };
  }
  if (sp.startsWith("#/definitions/exposeToWithIpEnforcesGlobal/then/required")) {
    return { code: "sdl.ip_global", message: "An expose with an `ip` endpoint must also set `global: true`.", path, target: "key" };
  }
  if (sp === "#/definitions/exposeToWithIpEnforcesGlobal/then/properties/global/const") {
    const fixes: SdlQuickFix[] = ctx.exists(path) ? [ctx.replaceFix("Set `global: true`", path, "true")] : [];
    return { code: "sdl.ip_global", message: "An expose with an `ip` endpoint must also set `global: true`.", path, target: "value", fixes };
  }
  if (sp === "#/properties/endpoints" && missing !== undefined) {
    return { code: "sdl.endpoint_missing", message: e.message, path: findIpUse(ctx, missing) ?? path, target: "value", subject: missing };
  }
  if (sp === "#/properties/endpoints" && e.keyword === "additionalProperties") {
    return { code: "sdl.endpoint_unused", message: `${e.message} Use it in an expose (\`to: - ip: ${String(e.params.additionalProperty)}\`) or remove it.`, path, target: "key" };
  }
  if (e.keyword === "uniqueItems") {
    return { code: "sdl.endpoint_conflict", message: e.message, path, target: "value" };
  }
  if (sp.startsWith("#/definitions/storageAttributesValidation")) {
    const at = [...path, "persistent"];
    return { code: "sdl.storage_ram_persistent", message: "RAM storage (`class: ram`) cannot be persistent: remove `persistent` or use a disk class (beta1, beta2, beta3).", path: at, target: "value", fixes: ctx.exists(at) ? [ctx.replaceFix("Set `persistent: false`", at, "false")] : [] };
  }

  switch (e.keyword) {
    case "additionalProperties": {
      const key = String(e.params.additionalProperty);
      const parent = formatPath(path);
      const allowed = allowedKeys(sp);
      const patterns = schemaAt(dirname(sp))?.patternProperties;
      if (isRecord(patterns)) {
        return { code: "sdl.endpoint_name", message: `Endpoint name ${quote(key)} must be lowercase letters, digits, \`-\` or \`_\`, start with a letter and be at least 2 characters long.`, path: [...path, key], target: "key" };
      }
      if (parent.endsWith("attributes.vendor")) {
        return { code: "sdl.gpu_vendor", message: `GPU vendor ${quote(key)} is not supported: only \`nvidia\` GPUs can be requested.`, path: [...path, key], target: "key", fixes: [ctx.replaceFix("Use `nvidia`", [...path, key], "nvidia", "key")] };
      }
      const help = unknownKeyHelp(key, parent, allowed, closest(key, allowed));
      const fixes: SdlQuickFix[] = [];
      if (help.rename) fixes.push(ctx.replaceFix(`Rename to ${quote(help.rename)}`, [...path, key], help.rename, "key"));
      const remove = ctx.removeEntryFix(`Remove ${quote(key)}`, [...path, key]);
      if (remove) fixes.push(remove);
      return { code: help.code, message: help.message, path: [...path, key], target: "key", fixes };
    }
    case "required": {
      const hint = missing && REQUIRED_HINTS[missing] ? `: ${REQUIRED_HINTS[missing]}` : ".";
      const where = path.length ? `${quote(formatPath(path))} is missing` : "The SDL is missing";
      return { code: "sdl.missing_key", message: `${where} ${quote(String(missing))}${hint}`, path, target: "key" };
    }
    case "enum": {
      const allowed = (e.params.allowedValues as unknown[]).map(String);
      const value = valueAt(ctx.sdl, path);
      const guess = typeof value === "string" ? closest(value, allowed) ?? allowed.find((a) => a.toLowerCase() === value.toLowerCase()) : undefined;
      const options = guess ? [guess] : allowed.length <= 4 ? allowed : [];
      return {
        code: "sdl.enum",
        message: `${quote(fieldName(path))} must be one of ${allowed.join(", ")}${value === undefined ? "" : `, not ${quote(String(value))}`}.`,
        path,
        target: "value",
        fixes: options.map((o) => ctx.replaceFix(`Use ${quote(o)}`, path, /^\d/.test(o) ? JSON.stringify(o) : o)),
      };
    }
    case "pattern": {
      const field = fieldName(path);
      if (field === "denom") {
        return { code: "sdl.denom", message: `Price denom ${quote(String(valueAt(ctx.sdl, path)))} is not accepted: use \`uact\` or \`uakt\`.`, path, target: "value", fixes: ["uact", "uakt"].map((d) => ctx.replaceFix(`Use ${quote(d)}`, path, d)) };
      }
      if (field === "units") return { code: "sdl.cpu_units", message: 'CPU `units` must be a number of CPUs like 0.5 or millicores like "500m".', path, target: "value" };
      if (field === "mount") return { code: "sdl.schema", message: "`mount` must be an absolute path, starting with `/`.", path, target: "value" };
      return { code: "sdl.schema", message: `${quote(field)} has an invalid format (expected ${String(e.params.pattern)}).`, path, target: "value" };
    }
    case "not":
      if (fieldName(path) === "units") return { code: "sdl.cpu_units", message: "CPU `units` must be greater than 0.", path, target: "value" };
      break;
    case "minimum":
    case "maximum":
    case "exclusiveMinimum": {
      const limit = schemaAt(sp);
      const words = e.keyword === "minimum" ? "at least" : e.keyword === "maximum" ? "at most" : "greater than";
      const range = fieldName(path) === "port" || fieldName(path) === "as" ? " (ports are 1 to 65535)" : "";
      return { code: "sdl.range", message: `${quote(fieldName(path))} must be ${words} ${String(limit)}${range}, not ${String(valueAt(ctx.sdl, path))}.`, path, target: "value" };
    }
    case "minLength": {
      const n = Number(schemaAt(sp));
      const what = n <= 1 ? "must not be empty" : `must be at least ${n} characters long`;
      return { code: "sdl.schema", message: `${quote(fieldName(path))} ${what}.`, path, target: "value" };
    }
    case "minProperties":
      return { code: "sdl.schema", message: `${quote(fieldName(path))} must name at least one entry (e.g. \`nvidia:\`).`, path, target: "key" };
    case "const":
      return { code: "sdl.schema", message: `${quote(fieldName(path))} must be ${String(e.params.allowedValue)}.`, path, target: "value" };
  }
  return { code: "sdl.schema", message: e.message.replace(/ at "[^"]*"/g, ""), path, target: "value" };
}

function findDeployment(ctx: RuleContext, match: (dep: Record<string, unknown>, placement: string) => boolean): PathSegment[] | undefined {
  for (const [svc, placements] of entriesOf(ctx.sdl.deployment)) {
    for (const [place, dep] of entriesOf(placements)) if (isRecord(dep) && match(dep, place)) return ["deployment", svc, place];
  }
  return undefined;
}

function findIpUse(ctx: RuleContext, ip: string): PathSegment[] | undefined {
  for (const [svc, service] of entriesOf(ctx.sdl.services)) {
    if (!isRecord(service) || !Array.isArray(service.expose)) continue;
    for (const [i, expose] of service.expose.entries()) {
      if (!isRecord(expose) || !Array.isArray(expose.to)) continue;
      for (const [j, to] of expose.to.entries()) if (isRecord(to) && to.ip === ip) return ["services", svc, "expose", i, "to", j, "ip"];
    }
  }
  return undefined;
}

function dirname(schemaPath: string): string {
  return schemaPath.slice(0, schemaPath.lastIndexOf("/"));
}

function schemaAt(schemaPath: string): Record<string, unknown> | undefined {
  let node: unknown = validationSDLSchema;
  for (const part of schemaPath.split("/").slice(1)) {
    if (!isRecord(node) && !Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node as Record<string, unknown> | undefined;
}

function allowedKeys(schemaPath: string): string[] {
  const parent = schemaAt(dirname(schemaPath));
  return parent && isRecord(parent.properties) ? Object.keys(parent.properties) : [];
}

export function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let v = root;
  for (const seg of path) {
    if (typeof v !== "object" || v === null) return undefined;
    v = (v as Record<string, unknown>)[seg];
  }
  return v;
}

function fieldName(path: readonly PathSegment[]): string {
  const last = path[path.length - 1];
  if (typeof last === "number") return `${fieldName(path.slice(0, -1))}[${last}]`;
  return last ?? "document";
}

function article(type: string): string {
  return type === "integer" ? "an integer" : type === "array" ? "a list" : type === "object" ? "a mapping" : type === "null" ? "empty" : `a ${type}`;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return "empty";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + "…" : value)}`;
  return `${typeof value} ${String(value)}`;
}
