/**
 * Mutations of real SDLs for property-based tests of the full check (lib/sdl/check.ts): the shapes a tenant's
 * typo, a bad paste or a hostile input take. Used by lib/sdl/fuzz.test.ts (fixed seed, in `npm test`) and
 * bench/sdl-fuzz.bench.ts (a longer budget). The corpus comes from test/data, with the repository's own
 * templates so that it is never empty.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { isMap, isScalar, isSeq, parseDocument, type Node } from "yaml";
import { corpusPaths } from "@/test/support/corpus";

const TEMPLATES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../lib/templates/sdl");

export function fuzzCorpus(): { name: string; text: string }[] {
  const templates = readdirSync(TEMPLATES)
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => path.join(TEMPLATES, f));
  return [...templates, ...corpusPaths()].sort().map((f) => ({ name: path.basename(f), text: readFileSync(f, "utf8") }));
}

/** Every collection node of a parsed document with the path to it, so a mutation can pick one. */
function collections(node: Node | null, at: (string | number)[] = [], out: { path: (string | number)[]; node: Node }[] = []) {
  if (isMap(node) || isSeq(node)) {
    out.push({ path: at, node });
    node.items.forEach((item, i) => {
      if (isMap(node)) {
        const pair = item as { key: unknown; value: Node | null };
        const key = isScalar(pair.key) ? String(pair.key.value) : String(i);
        collections(pair.value, [...at, key], out);
      } else collections(item as Node, [...at, i], out);
    });
  }
  return out;
}

const weird = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.constantFrom("1e308", "-1e308", "99999999999999999999999999999", "-0", "0x7fffffffffffffff", ".nan", ".inf", "~", "null", "yes", "2.5Gi", "1Ei"),
  fc.double().map(String),
  fc.bigInt({ min: -(2n ** 200n), max: 2n ** 200n }).map(String),
);

const replacement = fc.oneof(
  weird.map((s) => ({ kind: "scalar", value: s as unknown })),
  fc.constant({ kind: "empty-map", value: {} as unknown }),
  fc.constant({ kind: "empty-list", value: [] as unknown }),
  fc.integer({ min: 1, max: 300 }).map((depth) => ({ kind: `nesting-${depth}`, value: Array.from({ length: depth }).reduce<unknown>((v) => ({ a: [v] }), "x") })),
  fc.constant({ kind: "null", value: null as unknown }),
);

export type Mutation = { text: string; mutation: string };

/** One mutation of one corpus SDL: structural (delete, duplicate, retype a key's value) or textual (unicode, anchors). */
export function mutatedSdl(corpus: { name: string; text: string }[]): fc.Arbitrary<Mutation> {
  const pick = fc.nat({ max: corpus.length - 1 }).map((i) => corpus[i]!);
  const structural = fc.tuple(pick, fc.nat(), fc.nat(), fc.constantFrom("delete", "retype", "duplicate-key", "rename-key"), replacement).map(([sdl, a, b, op, rep]) => {
    const doc = parseDocument(sdl.text, { uniqueKeys: false });
    // a few corpus files are YAML only js-yaml accepts: they take part in the textual mutations only
    if (doc.errors.length) return { text: sdl.text, mutation: `${sdl.name}: unparsed` };
    const all = collections(doc.contents as Node);
    const target = all[a % all.length]!;
    const items = (target.node as { items: unknown[] }).items;
    if (items.length === 0) return { text: sdl.text, mutation: `${sdl.name}: none` };
    const i = b % items.length;
    if (op === "delete") items.splice(i, 1);
    else if (op === "duplicate-key") items.splice(i, 0, items[i]);
    else if (op === "rename-key" && isMap(target.node)) (items[i] as { key: unknown }).key = doc.createNode(`k${b % 7}\u200b`);
    else if (isMap(target.node)) (items[i] as { value: unknown }).value = doc.createNode(rep.value);
    else items[i] = doc.createNode(rep.value);
    let text: string;
    try {
      text = doc.toString({ lineWidth: 0 });
    } catch {
      return { text: sdl.text, mutation: `${sdl.name}: unprintable` };
    }
    return { text, mutation: `${sdl.name}: ${op} ${rep.kind} at ${target.path.join(".")}[${i}]` };
  });
  const textual = fc.tuple(pick, fc.nat(), weird, fc.constantFrom("insert", "anchors", "alias-bomb", "truncate", "tabs")).map(([sdl, at, s, op]) => {
    const lines = sdl.text.split("\n");
    const n = at % lines.length;
    let text = sdl.text;
    if (op === "insert") text = sdl.text.slice(0, at % (sdl.text.length + 1)) + s + sdl.text.slice(at % (sdl.text.length + 1));
    else if (op === "truncate") text = sdl.text.slice(0, at % (sdl.text.length + 1));
    else if (op === "tabs") text = lines.map((l, i) => (i === n ? l.replace(/^ +/, "\t") : l)).join("\n");
    else if (op === "anchors") text = `${sdl.text}\nx-anchor: &a { image: nginx }\nx-use: *a\nx-undefined: *missing\n`;
    else {
      const levels = Array.from({ length: 10 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(9).fill(`*l${i}`).join(", ")}]`);
      text = `${sdl.text}\nl0: &l0 "lol"\n${levels.join("\n")}\n`;
    }
    return { text, mutation: `${sdl.name}: ${op} at ${n}` };
  });
  return fc.oneof(structural, textual);
}

export const FUZZ_SEED = 20261201;

/**
 * The property: checking never throws, and an invalid SDL has at least one error placed at a line and column of
 * the text. Returns why it does not hold, or null.
 */
export async function violatesCheckProperty(text: string, check: (t: string) => Promise<CheckOutcome>): Promise<string | null> {
  let result: CheckOutcome;
  try {
    result = await check(text);
  } catch (err) {
    return `checkSdl threw: ${err instanceof Error ? err.message : String(err)}`;
  }
  if (result.valid) return null;
  const lines = text.split("\n").length;
  const placed = result.diagnostics.some(
    (d) => d.severity === "error" && Number.isInteger(d.range.startLine) && Number.isInteger(d.range.startColumn) && d.range.startLine >= 1 && d.range.startColumn >= 1 && d.range.startLine <= lines + 1,
  );
  return placed ? null : `no error placed at a line and column: ${JSON.stringify(result.diagnostics.slice(0, 3))}`;
}

export interface CheckOutcome {
  valid: boolean;
  diagnostics: { severity: string; range: { startLine: number; startColumn: number } }[];
}
