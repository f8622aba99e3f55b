"use client";
import type { LeaseStatus } from "@/lib/provider-gateway/schemas";

/** http(s) links only: a provider's URI is shown as text when it is anything else */
function uriHref(uri: string): string | null {
  const withScheme = /^[a-z]+:\/\//i.test(uri) ? uri : `http://${uri}`;
  if (!URL.canParse(withScheme)) return null;
  const url = new URL(withScheme);
  return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
}

/** Per service: replicas ready of total, URIs as links, forwarded ports and leased IPs. */
export function ServiceStatus({ status }: { status: LeaseStatus }) {
  const names = Object.keys(status.services).sort();
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">Services</caption>
      <thead className="text-neutral-500">
        <tr>
          <th scope="col" className="py-1 pr-4">Service</th>
          <th scope="col" className="pr-4">Ready</th>
          <th scope="col" className="pr-4">URIs</th>
          <th scope="col">Ports and IPs</th>
        </tr>
      </thead>
      <tbody>
        {names.map((name) => {
          const s = status.services[name]!;
          const ready = s.total > 0 && s.readyReplicas >= s.total;
          return (
            <tr key={name} className="border-t border-neutral-200 align-top">
              <td className="py-1.5 pr-4 font-mono text-xs">{name}</td>
              <td className={ready ? "pr-4 text-green-800" : "pr-4 text-amber-800"}>
                {s.readyReplicas}/{s.total} {ready ? "ready" : "starting"}
              </td>
              <td className="pr-4">
                {s.uris.length === 0 && <span className="text-neutral-500">none</span>}
                {s.uris.map((uri) => {
                  const href = uriHref(uri);
                  return (
                    <span key={uri} className="block break-all">
                      {href ? (
                        <a href={href} target="_blank" rel="noopener noreferrer" className="underline">
                          {uri}
                        </a>
                      ) : (
                        uri
                      )}
                    </span>
                  );
                })}
              </td>
              <td className="font-mono text-xs">
                {(status.forwardedPorts[name] ?? []).map((p) => (
                  <span key={`${p.externalPort}-${p.proto}`} className="block">
                    {p.host}:{p.externalPort} → {p.port}/{p.proto.toLowerCase()}
                  </span>
                ))}
                {(status.ips[name] ?? []).map((ip) => (
                  <span key={`${ip.ip}-${ip.externalPort}`} className="block">
                    {ip.ip}:{ip.externalPort} → {ip.port}/{ip.protocol.toLowerCase()}
                  </span>
                ))}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
