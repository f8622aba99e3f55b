import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      // Route handlers import "server-only"; under Vitest there is no react-server condition.
      "server-only": path.resolve(__dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["{app,components,lib,devnet,scripts,test}/**/*.test.{ts,tsx}"],
    // Component tests opt into jsdom with a `// @vitest-environment jsdom` docblock.
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
