// Bundles server.ts (the custom server around Next) into dist/console-server.mjs. Packages stay external (Node
// loads them from node_modules as `next start` does); the console's own modules are bundled, with "server-only"
// resolved to its empty module: outside Next's react-server build it would throw, and `--conditions=react-server`
// would change what `react` resolves to for the whole process. Takes well under a second, so the start scripts
// run it every time.
import { build } from "esbuild";
import { fileURLToPath, URL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
await build({
  absWorkingDir: root,
  entryPoints: ["server.ts"],
  outfile: "dist/console-server.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  alias: { "server-only": "./node_modules/server-only/empty.js" },
  tsconfig: "tsconfig.json",
  sourcemap: "linked",
  logLevel: "warning",
});
