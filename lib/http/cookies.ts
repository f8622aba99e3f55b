/** What Next's cookies() and NextRequest.cookies both offer. */
export interface CookieReader {
  get(name: string): { value: string } | undefined;
}

/**
 * One cookie's value from a plain Request (route handlers, tests) or a cookie store (server components).
 * A value that is not valid percent-encoding (`%E0%A4%A`) reads as absent: a stray cookie must not fail the call.
 */
export function readCookie(source: Request | CookieReader, name: string): string | undefined {
  if (!(source instanceof Request)) return safeValue(source, name);
  const header = source.headers.get("cookie") ?? "";
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join("=")) || undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function safeValue(store: CookieReader, name: string): string | undefined {
  try {
    return store.get(name)?.value || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Over https the console's cookies carry the `__Host-` prefix: the browser then only accepts them Secure, for
 * Path=/ and without a Domain, so a sibling subdomain cannot plant or shadow them. Plain-http installs
 * (localhost) cannot use the prefix.
 */
export function cookieName(base: string, https: boolean): string {
  return https ? `__Host-${base}` : base;
}

/** 32 random bytes as base64url (43 characters): the shape of every token cookie the console issues. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
