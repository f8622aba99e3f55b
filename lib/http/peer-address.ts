/**
 * X-Forwarded-For as the console's own server passes it on to Next: whatever the request carried, then the address
 * of the peer that actually connected, appended as any proxy appends it. The client address is read from the right
 * (lib/http/request-context.server.ts), skipping only configured proxies, so a client that sends its own
 * X-Forwarded-For cannot choose the address its rate limits count under.
 */
export function forwardedForWithPeer(existing: string | string[] | undefined, peer: string | undefined): string | undefined {
  const hops = [existing].flat().filter((h): h is string => Boolean(h && h.trim()));
  if (peer) hops.push(peer);
  return hops.length ? hops.join(", ") : undefined;
}
