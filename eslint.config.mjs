import js from "@eslint/js";
import tseslint from "typescript-eslint";
import importX from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import nextPlugin from "@next/eslint-plugin-next";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";

export default tseslint.config(
  { ignores: [".next/**", "dist/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "import-x": importX, "react-hooks": reactHooks, "@next/next": nextPlugin },
    settings: { "import-x/resolver-next": [createTypeScriptImportResolver()] },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "import-x/no-cycle": "error",
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "@prisma/client", message: "Prisma stays inside lib/db: use a repository." }] },
      ],
    },
  },
  {
    files: ["lib/db/**", "prisma.config.ts"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // Layers: lib never imports components or app; devnet stands for the outside world and imports none of them.
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "@prisma/client", message: "Prisma stays inside lib/db: use a repository." }],
          patterns: [{ group: ["@/components/*", "@/app/*", "@/devnet/*"], message: "lib/ must not import from components/, app/ or devnet/." }],
        },
      ],
    },
  },
  {
    files: ["lib/db/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/components/*", "@/app/*", "@/devnet/*"], message: "lib/ must not import from components/, app/ or devnet/." }] }],
    },
  },
  {
    files: ["devnet/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/*", "../lib/*", "../app/*", "../components/*"], message: "devnet/ is the outside world: only chain-sdk, cosmjs and npm libraries." }] }],
    },
  },
  {
    files: ["components/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/app/*"], message: "components/ must not import from app/." }] }],
    },
  },
);
