/**
 * The Content-Security-Policy of every page. Scripts run only with the per-request nonce (Next.js puts it on its
 * own script tags) or when loaded by such a script ('strict-dynamic'): no third-party script, no inline handler.
 * Monaco sets inline styles on its DOM, hence style-src 'unsafe-inline'; nothing else is unsafe.
 * The browser talks to the chain itself (RPC, REST, the CometBFT websocket), so connect-src names those
 * endpoints; provider gateways are reached only through the console's own server ('self').
 */
export function contentSecurityPolicy(options: { nonce: string; rpcUrl: string; restUrl: string; dev: boolean }): string {
  const wsOf = (url: string) => url.replace(/^http/, "ws");
  const connect = ["'self'", options.rpcUrl, wsOf(options.rpcUrl), options.restUrl];
  if (options.dev) connect.push("ws:"); // Next's hot reload socket
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${options.nonce}'`, "'strict-dynamic'", ...(options.dev ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "worker-src": ["'self'", "blob:"],
    "connect-src": connect,
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
    "base-uri": ["'none'"],
    "object-src": ["'none'"],
  };
  return Object.entries(directives)
    .map(([k, v]) => `${k} ${v.join(" ")}`)
    .join("; ");
}
