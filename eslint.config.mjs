import path from "node:path";
import { fileURLToPath } from "node:url";
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import importX from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import nextPlugin from "@next/eslint-plugin-next";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";

const root = path.dirname(fileURLToPath(import.meta.url));
const TEST_FILES = ["**/*.test.ts", "**/*.test.tsx"];
const CONSOLE = ["lib", "components", "app", "middleware.ts"];

/**
 * Layers, checked on resolved paths (relative imports and the `@/` alias alike), so `../../devnet/start` is caught
 * as surely as `@/devnet/start`. app/ -> components/ -> lib/, never back up; devnet/ stands for the outside world
 * and the console never imports it; only tests (`*.test.ts(x)`, test/, e2e/, bench/) reach devnet/ and test data.
 */
const zone = (target, from, message) => ({ target, from, message });
const layers = {
  libUp: zone("lib", ["components", "app", "middleware.ts"], "lib/ must not import from components/ or app/ (imports run app -> components -> lib)."),
  componentsUp: zone("components", ["app", "middleware.ts"], "components/ must not import from app/."),
  consoleToTests: zone(CONSOLE, ["devnet", "test", "e2e", "bench"], "console code must not import devnet/, test/, e2e/ or bench/: only tests start the devnet."),
  devnetToConsole: zone("devnet", CONSOLE, "devnet/ is the outside world: only chain-sdk, cosmjs and npm libraries, never console code."),
};
const restrictedPaths = (...zones) => ["error", { basePath: root, zones }];
const PRISMA_ONLY_IN_DB = { name: "@prisma/client", message: "Prisma stays inside lib/db: use a repository." };

export default tseslint.config(
  { ignores: [".next/**", "dist/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "import-x": importX, "react-hooks": reactHooks, "@next/next": nextPlugin },
    settings: {
      // Without a parser for .ts/.tsx, import-x cannot read the imported modules and no-cycle silently finds nothing.
      ...importX.flatConfigs.typescript.settings,
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: path.join(root, "tsconfig.json") })],
    },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "import-x/no-cycle": "error",
      "no-restricted-imports": ["error", { paths: [PRISMA_ONLY_IN_DB] }],
    },
  },
  {
    files: ["lib/db/**", "prisma.config.ts"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    files: ["lib/**", "components/**", "app/**", "middleware.ts"],
    ignores: TEST_FILES,
    rules: { "import-x/no-restricted-paths": restrictedPaths(layers.libUp, layers.componentsUp, layers.consoleToTests) },
  },
  {
    // A lib test still tests lib alone; a component test may drive the real route handlers behind it (the autosave
    // against app/api/drafts and SQLite), which is the integration it exists to check.
    files: TEST_FILES.map((t) => "lib/" + t),
    rules: { "import-x/no-restricted-paths": restrictedPaths(layers.libUp) },
  },
  {
    files: ["devnet/**"],
    rules: { "import-x/no-restricted-paths": restrictedPaths(layers.devnetToConsole) },
  },
);
