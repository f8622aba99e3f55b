import "server-only";
import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { AppError } from "@/lib/errors/app-error";
import type { Network } from "@/lib/networks";

/**
 * Our server fetches URLs that anyone can write on chain (MsgCreateProvider's host_uri), so every such fetch goes
 * through here: https only, no credentials in the URL, the name resolved once (within a deadline) and every address
 * checked, and the connection then made to the checked address (not re-resolved: a second lookup is how DNS
 * rebinding gets in). Only global unicast passes; loopback only when the devnet exception is on (ssrfOptionsFor).
 */

/** ipaddr.js's range name ("unicast", "private", "loopback", "6to4", "teredo", …), or our own two below. */
export type AddressClass = string;

export interface SafeTarget {
  /** the on-chain URL, normalised (origin only matters) */
  url: URL;
  /** name to send as SNI and Host; null when the URL holds an IP literal */
  servername: string | null;
  /** the checked address to connect to */
  address: string;
  family: 4 | 6;
}

export type Resolver = (hostname: string) => Promise<{ address: string; family: number }[]>;

export interface SsrfOptions {
  allowLoopback: boolean;
  /** DNS; injectable so tests can answer with hostile addresses */
  resolve?: Resolver;
  /** how long the name may take to resolve; the caller passes what is left of its own deadline */
  dnsTimeoutMs?: number;
}

export const DNS_TIMEOUT_MS = 5_000;

/**
 * The devnet exception: its simulated providers listen on 127.0.0.1. Loopback is reachable only when the operator
 * sets CONSOLE_ALLOW_LOOPBACK_PROVIDERS (lib/env/server.ts refuses it for any network but the devnet, so a
 * production configuration cannot open it) and the network is the devnet: one explicit flag, no guessing.
 */
export function ssrfOptionsFor(network: Pick<Network, "id">, allowLoopbackFlag: boolean): Pick<SsrfOptions, "allowLoopback"> {
  return { allowLoopback: network.id === "devnet" && allowLoopbackFlag };
}

const defaultResolve: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

function refuse(hostUri: string, why: string): AppError {
  return new AppError("provider.unreachable", `The console will not contact this provider at "${hostUri}": ${why}. The provider must publish a public https:// host URI on chain.`, {
    details: { hostUri, reason: "ssrf", why },
  });
}

/** getaddrinfo cannot be cancelled; the race lets the caller move on while the thread pool finishes the lookup */
async function resolveWithin(resolve: Resolver, host: string, hostUri: string, timeoutMs: number) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new AppError("provider.dns", `The provider's host "${host}" did not resolve within ${timeoutMs / 1000} s (DNS).`, { details: { hostUri, reason: "dns_timeout" } })),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([resolve(host), timeout]);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError("provider.dns", `The provider's host "${host}" does not resolve (${(err as { code?: string }).code ?? "DNS error"}).`, {
      details: { hostUri, reason: "dns" },
      cause: err,
    });
  } finally {
    clearTimeout(timer);
  }
}

export async function resolveProviderTarget(hostUri: string, opts: SsrfOptions): Promise<SafeTarget> {
  let url: URL;
  try {
    url = new URL(hostUri);
  } catch {
    throw refuse(hostUri, "it is not a URL");
  }
  if (url.protocol !== "https:") throw refuse(hostUri, `${url.protocol.replace(":", "")} is not allowed, only https`);
  if (url.username || url.password) throw refuse(hostUri, "it carries credentials (user:password@)");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!host) throw refuse(hostUri, "it has no host");

  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    addresses = await resolveWithin(opts.resolve ?? defaultResolve, host, hostUri, opts.dnsTimeoutMs ?? DNS_TIMEOUT_MS);
    if (addresses.length === 0) throw refuse(hostUri, `"${host}" resolves to no address`);
  }
  // every address must pass: a name answering one public and one private address is how a rebinding attack starts
  for (const a of addresses) {
    const cls = classifyAddress(a.address);
    if (cls === "unicast" || (cls === "loopback" && opts.allowLoopback)) continue;
    throw refuse(hostUri, `${host === a.address ? "it" : `"${host}"`} points to a ${cls} address (${a.address})`);
  }
  const first = addresses[0]!;
  return { url, servername: isIP(host) ? null : host, address: first.address, family: first.family === 6 ? 6 : 4 };
}

/**
 * The IANA special-purpose registries as ipaddr.js names them (private, carrierGradeNat, linkLocal, uniqueLocal,
 * 6to4, teredo, rfc6052 NAT64, rfc6145, deprecatedSiteLocal, discard, reserved, …); only "unicast" is a public host.
 * IPv4-mapped IPv6 is judged by the IPv4 address it carries (ipaddr.process).
 */
export function classifyAddress(ip: string): AddressClass {
  const bare = ip.split("%")[0]!;
  if (!ipaddr.isValid(bare) || isIP(bare) === 0) return "invalid";
  const addr = ipaddr.process(bare);
  const range = addr.range();
  // ::a.b.c.d (IPv4-compatible, deprecated since RFC 4291) is "unicast" to ipaddr.js; some stacks still map it to IPv4
  if (range === "unicast" && addr.kind() === "ipv6" && (addr as ipaddr.IPv6).parts.slice(0, 6).every((p) => p === 0)) return "ipv4Compatible";
  return range;
}
