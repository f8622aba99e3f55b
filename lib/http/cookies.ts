/** What Next's cookies() and NextRequest.cookies both offer. */
export interface CookieReader {
  get(name: string): { value: string } | undefined;
}

/** One cookie's value from a plain Request (route handlers, tests) or a cookie store (server components). */
export function readCookie(source: Request | CookieReader, name: string): string | undefined {
  if (!(source instanceof Request)) return source.get(name)?.value || undefined;
  const header = source.headers.get("cookie") ?? "";
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("=")) || undefined;
  }
  return undefined;
}

/** 32 random bytes as base64url (43 characters): the shape of every token cookie the console issues. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
