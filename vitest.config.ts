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
    // The tests run against the devnet, whose simulated providers listen on 127.0.0.1: the flag `npm start` and the
    // e2e server set on the devnet (lib/env/server.ts refuses it on any other network).
    env: { CONSOLE_ALLOW_LOOPBACK_PROVIDERS: "1" },
  },
});
