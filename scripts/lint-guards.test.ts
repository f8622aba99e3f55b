/**
 * The lint guards can fail: each case writes a small violating file into the real tree (so the real
 * eslint.config.mjs, resolver and tsconfig paths apply), lints it with ESLint's Node API and expects the one rule
 * that must catch it. The files are removed afterwards, whatever happens.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..");
// One name per run, so two worktrees or two runs never lint each other's planted files.
const tag = `lint-guard-${process.pid}-${Date.now().toString(36)}`;
const planted: string[] = [];

function plant(relativePath: string, source: string): string {
  const file = path.join(root, relativePath);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, source);
  planted.push(file);
  return file;
}

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});
afterAll(() => {
  for (const f of planted) rmSync(f, { force: true });
  rmSync(path.join(root, "lib", tag), { recursive: true, force: true });
});

async function rulesFiredOn(file: string): Promise<{ rule: string | null; message: string }[]> {
  const [result] = await eslint.lintFiles([file]);
  return result!.messages.map((m) => ({ rule: m.ruleId, message: m.message }));
}

describe("layer guards (import-x/no-restricted-paths on resolved paths)", () => {
  it("refuses lib/ importing the devnet by a relative path", async () => {
    const file = plant(`lib/${tag}-relative.ts`, `import { MAINNET_AUDITOR } from "../devnet/start";\nexport const a = MAINNET_AUDITOR;\n`);
    expect(await rulesFiredOn(file)).toContainEqual({
      rule: "import-x/no-restricted-paths",
      message: expect.stringContaining('"../devnet/start"'),
    });
  });

  it("refuses lib/ importing the devnet through the @/ alias", async () => {
    const file = plant(`lib/${tag}-alias.ts`, `import { MAINNET_AUDITOR } from "@/devnet/start";\nexport const a = MAINNET_AUDITOR;\n`);
    expect(await rulesFiredOn(file)).toContainEqual({
      rule: "import-x/no-restricted-paths",
      message: expect.stringContaining('"@/devnet/start"'),
    });
  });

  it("refuses lib/ importing a component or a route", async () => {
    plant(`components/${tag}-target.ts`, `export const target = 1;\n`);
    plant(`app/${tag}-target.ts`, `export const target = 2;\n`);
    const file = plant(
      `lib/${tag}-up.ts`,
      `import { target as c } from "../components/${tag}-target";\nimport { target as r } from "@/app/${tag}-target";\nexport const a = c + r;\n`,
    );
    const fired = (await rulesFiredOn(file)).filter((m) => m.rule === "import-x/no-restricted-paths");
    expect(fired).toHaveLength(2);
    expect(fired[0]!.message).toContain("lib/ must not import from components/ or app/");
  });

  it("refuses components/ importing app/", async () => {
    plant(`app/${tag}-target.ts`, `export const target = 2;\n`);
    const file = plant(`components/${tag}.ts`, `import { target } from "../app/${tag}-target";\nexport const a = target;\n`);
    expect(await rulesFiredOn(file)).toContainEqual({
      rule: "import-x/no-restricted-paths",
      message: expect.stringContaining("components/ must not import from app/"),
    });
  });

  it("refuses devnet/ importing console code", async () => {
    plant(`lib/${tag}-target.ts`, `export const target = 3;\n`);
    const file = plant(`devnet/${tag}.ts`, `import { target } from "../lib/${tag}-target";\nexport const a = target;\n`);
    expect(await rulesFiredOn(file)).toContainEqual({
      rule: "import-x/no-restricted-paths",
      message: expect.stringContaining("devnet/ is the outside world"),
    });
  });

  it("lets a test file in lib/ start the devnet", async () => {
    const file = plant(`lib/${tag}.test.ts`, `import { MAINNET_AUDITOR } from "../devnet/start";\nexport const a = MAINNET_AUDITOR;\n`);
    expect((await rulesFiredOn(file)).map((m) => m.rule)).not.toContain("import-x/no-restricted-paths");
  });

  it("keeps Prisma inside lib/db", async () => {
    const file = plant(`lib/${tag}-prisma.ts`, `import { PrismaClient } from "@prisma/client";\nexport const a = PrismaClient;\n`);
    expect((await rulesFiredOn(file)).map((m) => m.rule)).toContain("no-restricted-imports");
  });
});

describe("cycle guard (import-x/no-cycle on TypeScript)", () => {
  it("reports a two-file import cycle on both files", async () => {
    const a = plant(`lib/${tag}/a.ts`, `import { b } from "./b";\nexport const a = (): number => b() + 1;\n`);
    const b = plant(`lib/${tag}/b.ts`, `import { a } from "./a";\nexport const b = (): number => a() - 1;\n`);
    expect((await rulesFiredOn(a)).map((m) => m.rule)).toContain("import-x/no-cycle");
    expect((await rulesFiredOn(b)).map((m) => m.rule)).toContain("import-x/no-cycle");
  });
});
