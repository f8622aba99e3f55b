/**
 * Mounts a component in headless Chromium without adding a route to the app: esbuild bundles a small entry (a page
 * that renders the component), a local HTTP server serves it under a CSP like the console's (scripts from 'self'
 * only, no inline script; inline styles allowed), with the app's Tailwind styles compiled from the components.
 * Used by the viewer benchmark and by the terminal's browser test.
 */
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { WebSocketServer } from "ws";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export const PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; worker-src 'self' blob:";

export interface ServedPage {
  url: string;
  close(): Promise<void>;
}

async function tailwindCss(): Promise<string> {
  const postcss = (await import("postcss")).default;
  const tailwind = (await import("@tailwindcss/postcss")).default;
  const input = `@import "tailwindcss" source(none);\n@source "${root}/components";\n`;
  const r = await postcss([tailwind({ base: root })]).process(input, { from: path.join(root, "app/bench-page.css") });
  return r.css;
}

/**
 * Bundles `entry` (a .tsx that renders into #root) and serves it; `wss` (optional) takes the server's websocket
 * upgrades, same origin, so the CSP's connect-src 'self' covers it.
 */
export async function servePage(entry: string, options: { wss?: WebSocketServer; workers?: Record<string, string> } = {}): Promise<ServedPage> {
  const out = await build({
    // `workers`: more entries served as /<name>.js (e.g. Monaco's editor worker for the baseline viewer)
    entryPoints: { entry, ...options.workers },
    bundle: true,
    write: false,
    outdir: "/out",
    format: "esm",
    splitting: true,
    platform: "browser",
    target: "es2022",
    jsx: "automatic",
    minify: process.env.BENCH_MINIFY !== "0", // BENCH_MINIFY=0 keeps names readable in a CPU profile
    sourcemap: false,
    loader: { ".css": "css", ".ttf": "file", ".woff2": "file" },
    define: { "process.env.NODE_ENV": '"production"' },
    alias: { "@": root },
    logLevel: "error",
  });
  const files = new Map<string, { body: Uint8Array; type: string }>();
  const types: Record<string, string> = { ".js": "text/javascript", ".css": "text/css", ".ttf": "font/ttf", ".woff2": "font/woff2" };
  for (const f of out.outputFiles) files.set("/" + path.basename(f.path), { body: f.contents, type: types[path.extname(f.path)] ?? "application/octet-stream" });
  files.set("/tailwind.css", { body: new TextEncoder().encode(await tailwindCss()), type: "text/css" });
  const links = ["/tailwind.css", ...(files.has("/entry.css") ? ["/entry.css"] : [])].map((h) => `<link rel="stylesheet" href="${h}">`).join("");
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench page</title>${links}</head><body class="bg-neutral-50 p-4"><div id="root"></div><script type="module" src="/entry.js"></script></body></html>`;
  files.set("/", { body: new TextEncoder().encode(html), type: "text/html; charset=utf-8" });

  const server = http.createServer((req, res) => {
    const f = files.get(new URL(req.url ?? "/", "http://x").pathname);
    if (!f) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": f.type, "content-security-policy": PAGE_CSP, "cache-control": "no-store" }).end(f.body);
  });
  if (options.wss) {
    const wss = options.wss;
    server.on("upgrade", (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req)));
  }
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
