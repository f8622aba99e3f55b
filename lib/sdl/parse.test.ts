import { readFileSync } from "node:fs";

import { isMap, isScalar, isSeq, parseDocument, type Pair } from "yaml";
import { describe, expect, it } from "vitest";

import { chainSdkLoad } from "@/test/support/chain-sdk-reference";
import { corpusPaths } from "@/test/support/corpus";
import { locate, parseSdlYaml, rangeOf, type PosNode } from "@/lib/sdl/parse";

describe("parseSdlYaml", () => {
  it("loads exactly the object chain-sdk loads", () => {
    for (const file of corpusPaths()) {
      const text = readFileSync(file, "utf8");
      const parsed = parseSdlYaml(text);
      let reference: unknown;
      try {
        reference = chainSdkLoad(text);
      } catch {
        expect(parsed.error).not.toBeNull();
        continue;
      }
      expect(parsed.value).toEqual(reference);
    }
  });

  it("finds every key and scalar where eemeli/yaml finds it (an independent parser)", () => {
    let checked = 0;
    const problems: string[] = [];
    for (const file of corpusPaths()) {
      const text = readFileSync(file, "utf8");
      const parsed = parseSdlYaml(text);
      const doc = parseDocument(text, { merge: true });
      if (!parsed.root || doc.errors.length > 0) continue;
      const walk = (y: unknown, n: PosNode | null | undefined, where: string) => {
        if (isMap(y)) {
          for (const pair of y.items as Pair<{ value: unknown; range: number[] }, unknown>[]) {
            const key = String(pair.key.value);
            const entry = n?.entries?.get(key);
            checked++;
            if (!entry || entry.key.start !== pair.key.range[0] || entry.key.end !== pair.key.range[1]) problems.push(`${file} key ${where}.${key}`);
            if (entry?.value && pair.value) walk(pair.value, entry.value, `${where}.${key}`);
          }
        } else if (isSeq(y)) {
          y.items.forEach((item, i) => walk(item, n?.items?.[i], `${where}[${i}]`));
        } else if (isScalar(y) && y.range && (y.type === "PLAIN" || y.type === "QUOTE_DOUBLE" || y.type === "QUOTE_SINGLE")) {
          checked++;
          if (!n || n.start !== y.range[0] || n.end !== y.range[1]) problems.push(`${file} value ${where}`);
        }
      };
      walk(doc.contents, parsed.root, "");
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(10_000);
  });

  it("resolves a missing path to the nearest existing key", () => {
    const parsed = parseSdlYaml("services:\n  web:\n    image: nginx\n");
    expect(locate(parsed, ["services", "web", "params", "storage"]).exact).toBe(false);
    expect(rangeOf(parsed, ["services", "web", "params", "storage"])).toEqual({ startLine: 2, startColumn: 3, endLine: 2, endColumn: 6 });
    expect(rangeOf(parsed, ["services", "web", "image"])).toEqual({ startLine: 3, startColumn: 12, endLine: 3, endColumn: 17 });
    expect(rangeOf(parsed, ["services", "web", "image"], "key")).toEqual({ startLine: 3, startColumn: 5, endLine: 3, endColumn: 10 });
  });
});
