import "server-only";
import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";
import { AppError } from "@/lib/errors/app-error";
import type { Network } from "@/lib/networks";

/**
 * Our server fetches URLs that anyone can write on chain (MsgCreateProvider's host_uri), so every such fetch goes
 * through here: https only, no credentials in the URL, the name resolved once and every address checked, and the
 * connection then made to the checked address (not re-resolved: a second lookup is how DNS rebinding gets in).
 * Loopback is allowed only on the devnet, whose simulated providers listen on 127.0.0.1.
 */

export type AddressClass = "public" | "private" | "loopback" | "link-local" | "multicast" | "unspecified" | "reserved";

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
}

export function ssrfOptionsFor(network: Pick<Network, "id">): Pick<SsrfOptions, "allowLoopback"> {
  return { allowLoopback: network.id === "devnet" };
}

const defaultResolve: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

function refuse(hostUri: string, why: string): AppError {
  return new AppError("provider.unreachable", `The console will not contact this provider at "${hostUri}": ${why}. The provider must publish a public https:// host URI on chain.`, {
    details: { hostUri, reason: "ssrf", why },
  });
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
    try {
      addresses = await (opts.resolve ?? defaultResolve)(host);
    } catch (err) {
      throw new AppError("provider.unreachable", `The provider's host "${host}" does not resolve (${(err as { code?: string }).code ?? "DNS error"}).`, {
        details: { hostUri, reason: "dns" },
        cause: err,
      });
    }
    if (addresses.length === 0) throw refuse(hostUri, `"${host}" resolves to no address`);
  }
  // every address must pass: a name answering one public and one private address is how a rebinding attack starts
  for (const a of addresses) {
    const cls = classifyAddress(a.address);
    if (cls === "public" || (cls === "loopback" && opts.allowLoopback)) continue;
    throw refuse(hostUri, `${host === a.address ? "it" : `"${host}"`} points to a ${cls} address (${a.address})`);
  }
  const first = addresses[0]!;
  return { url, servername: isIP(host) ? null : host, address: first.address, family: first.family === 6 ? 6 : 4 };
}

export function classifyAddress(ip: string): AddressClass {
  const v = isIP(ip);
  if (v === 4) return classifyV4(ip.split(".").map(Number));
  if (v === 6) return classifyV6(expandV6(ip));
  return "reserved";
}

function classifyV4([a = 0, b = 0, c = 0]: number[]): AddressClass {
  if (a === 0) return "unspecified"; // 0.0.0.0/8 "this network": Linux connects 0.0.0.0 to localhost
  if (a === 127) return "loopback";
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127)) return "private";
  if (a === 169 && b === 254) return "link-local"; // includes the cloud metadata endpoint 169.254.169.254
  if (a >= 224 && a <= 239) return "multicast";
  if (a >= 240) return "reserved";
  if ((a === 192 && b === 0 && (c === 0 || c === 2)) || (a === 198 && (b === 18 || b === 19)) || (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113)) return "reserved";
  return "public";
}

function classifyV6(g: number[]): AddressClass {
  const zeroTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroTo(8)) return "unspecified";
  if (zeroTo(7) && g[7] === 1) return "loopback";
  // IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) reach the embedded IPv4 address
  if ((zeroTo(5) && g[5] === 0xffff) || (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0))) {
    return classifyV4([g[6]! >> 8, g[6]! & 0xff, g[7]! >> 8, g[7]! & 0xff]);
  }
  if (zeroTo(6)) return "reserved"; // deprecated IPv4-compatible ::a.b.c.d
  const first = g[0]!;
  if ((first & 0xfe00) === 0xfc00) return "private"; // fc00::/7 unique local
  if ((first & 0xffc0) === 0xfe80) return "link-local";
  if ((first & 0xff00) === 0xff00) return "multicast";
  if (first === 0x2001 && g[1] === 0x0db8) return "reserved";
  return "public";
}

/** "::ffff:10.0.0.1" or "fe80::1" -> eight 16-bit groups */
function expandV6(ip: string): number[] {
  let text = ip.split("%")[0]!.toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1]!.split(".").map(Number) as [number, number, number, number];
    text = text.slice(0, -v4[1]!.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const parse = (s: string) => (s ? s.split(":").map((x) => parseInt(x, 16)) : []);
  const h = parse(head);
  const t = tail === undefined ? [] : parse(tail);
  return [...h, ...Array<number>(8 - h.length - t.length).fill(0), ...t];
}
