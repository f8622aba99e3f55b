import "server-only";
import ipaddr from "ipaddr.js";
import { getServerEnv, type ServerEnv, type TrustedProxies } from "@/lib/env/server";
import { AppError } from "@/lib/errors/app-error";

/**
 * Who and where a request comes from, trusting forwarded headers only as far as configured.
 *
 * - The canonical origin is CONSOLE_ORIGIN. Without it the console answers as a local install: the Host header
 *   must be a loopback name, and the origin is http://<that host>. A console on any other host must be
 *   configured with its public origin, or a relaying site could make the console name the relay.
 * - The client address is the right-most X-Forwarded-For entry that is not a trusted proxy (CONSOLE_TRUSTED_PROXIES),
 *   the one hop nobody after it could forge. The server in front of Next (Next itself, or the custom server) adds
 *   the socket's address there; a client can only prepend entries, which are skipped.
 */

const LOOPBACK_HOST = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(:\d{1,5})?$/i;

export function canonicalOrigin(req: Request, env: ServerEnv = getServerEnv()): string {
  if (env.CONSOLE_ORIGIN) return env.CONSOLE_ORIGIN;
  const host = req.headers.get("host") ?? new URL(req.url).host;
  if (!LOOPBACK_HOST.test(host)) {
    throw new AppError(
      "request.invalid",
      `This console was reached as ${host}, but it answers only on loopback until its public origin is configured: set CONSOLE_ORIGIN (e.g. https://${host}) and restart it.`,
      { status: 421 },
    );
  }
  return `http://${host.toLowerCase()}`;
}

/** https origin configured: cookies get the __Host- prefix and HSTS is sent. Depends on configuration only, so server components and route handlers agree. */
export function servedOverHttps(env: ServerEnv = getServerEnv()): boolean {
  return env.CONSOLE_ORIGIN?.startsWith("https:") ?? false;
}

/** Secure on every cookie in production (browsers accept Secure cookies from http://localhost too), and over https. */
export function secureCookies(env: ServerEnv = getServerEnv()): boolean {
  return env.NODE_ENV === "production" || servedOverHttps(env);
}

function trusted(address: string, proxies: TrustedProxies): boolean {
  if (proxies.length === 0 || !ipaddr.isValid(address)) return false;
  let ip = ipaddr.parse(address);
  if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  return proxies.some(([range, bits]) => range.kind() === ip.kind() && ip.match(range, bits));
}

export function clientAddress(req: Request, env: ServerEnv = getServerEnv()): string {
  const hops = (req.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!trusted(hops[i]!, env.CONSOLE_TRUSTED_PROXIES)) return normalize(hops[i]!);
  }
  return hops[0] ? normalize(hops[0]) : "unknown";
}

function normalize(address: string): string {
  if (!ipaddr.isValid(address)) return address.slice(0, 64);
  const ip = ipaddr.parse(address);
  if (ip.kind() === "ipv6") {
    const v6 = ip as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().toString();
    // one IPv6 host usually holds a /64: count the network, or one host could rotate through 2^64 keys
    return `${ipaddr.IPv6.networkAddressFromCIDR(`${v6.toString()}/64`).toString()}/64`;
  }
  return ip.toString();
}
