import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { checkSdl } from "@/lib/sdl/check";
import { searchTemplates, TEMPLATES, TEMPLATE_CATEGORY_LABELS, type TemplateCategory } from "@/lib/templates/catalog";

const DIR = path.resolve(__dirname, "sdl");

describe("template catalog", () => {
  it("has a file for every entry and an entry for every file", () => {
    const files = readdirSync(DIR).map((f) => f.replace(/\.yaml$/, "")).sort();
    expect(files).toEqual(TEMPLATES.map((t) => t.slug).sort());
  });

  it.each(TEMPLATES.map((t) => [t.slug]))("%s is a valid SDL with no errors", async (slug) => {
    const result = await checkSdl(readFileSync(path.join(DIR, `${slug}.yaml`), "utf8"));
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.manifestVersion).toMatch(/^[0-9a-f]{64}$/);
  });

  it("covers every category with at least two templates", () => {
    for (const c of Object.keys(TEMPLATE_CATEGORY_LABELS) as TemplateCategory[]) {
      expect(TEMPLATES.filter((t) => t.categories.includes(c)).length, c).toBeGreaterThanOrEqual(2);
    }
  });

  it("GPU templates really request a GPU, IP templates an IP endpoint", async () => {
    for (const t of TEMPLATES) {
      const text = readFileSync(path.join(DIR, `${t.slug}.yaml`), "utf8");
      if (t.categories.includes("gpu")) expect(text, t.slug).toMatch(/\n\s+gpu:\s*\n\s+units: [1-9]/);
      if (t.categories.includes("ip")) expect(text, t.slug).toMatch(/kind: ip/);
    }
  });

  it("searches every word in name, summary and category", () => {
    expect(searchTemplates("llama 3.1").map((t) => t.slug)).toEqual(["llama-3-1-8b"]);
    expect(searchTemplates("GPU inference").every((t) => t.categories.includes("gpu"))).toBe(true);
    expect(searchTemplates("", "database").map((t) => t.slug)).toContain("mysql");
    expect(searchTemplates("no such thing")).toEqual([]);
  });
});
