import "server-only";
import https from "node:https";
import type { TLSSocket } from "node:tls";
import { isAppError } from "@/lib/errors/app-error";
import { inventoryFromStatus, type Inventory } from "@/lib/market/provider-status";
import { resolveProviderTarget, type SsrfOptions } from "@/lib/provider-gateway/ssrf.server";

/**
 * One GET of a provider's `/status` on the host URI of its on-chain record, through the SSRF guard. Providers
 * serve self-signed certificates (their CA is their on-chain certificate, not a public one), so the chain is not
 * verified here; the certificate's SHA-256 fingerprint is returned so that pinning (pin.server.ts) can check it
 * against the provider's on-chain certificates. A probe answers "is the gateway up", and reads the free capacity the
 * status reports (provider-status.ts), if any.
 */

export const PROBE_TIMEOUT_MS = 5_000;
/** /status of a big cluster lists every node; a few hundred KB is plenty, anything more is not a provider */
const MAX_BODY_BYTES = 512 * 1024;

export interface ProbeResult {
  ok: boolean;
  latencyMs: number | null;
  /** why the probe failed, for the tenant ("HTTP 500", "timed out after 5 s", "refused: private address") */
  error: string | null;
  /** "AB:CD:…" SHA-256 of the leaf certificate, when a TLS handshake completed */
  tlsFingerprint256: string | null;
  /** the free capacity the status reports; null when it reports none (or the probe failed) */
  inventory?: Inventory | null;
}

export interface ProbeOptions extends SsrfOptions {
  timeoutMs?: number;
}

export async function probeProvider(hostUri: string, opts: ProbeOptions): Promise<ProbeResult> {
  let target;
  try {
    target = await resolveProviderTarget(hostUri, opts);
  } catch (err) {
    return { ok: false, latencyMs: null, error: isAppError(err) ? err.message : String(err), tlsFingerprint256: null };
  }
  const timeoutMs = opts.timeoutMs ?? PROBE_TIMEOUT_MS;
  const started = performance.now();
  return new Promise<ProbeResult>((resolve) => {
    let fingerprint: string | null = null;
    let settled = false;
    const done = (r: Omit<ProbeResult, "tlsFingerprint256" | "latencyMs"> & { latency?: boolean }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ok: r.ok, error: r.error, latencyMs: r.latency ? Math.round(performance.now() - started) : null, tlsFingerprint256: fingerprint, inventory: r.inventory ?? null });
    };
    const req = https.request({
      // connect to the address the guard checked; the name only travels as SNI and Host
      host: target.address,
      family: target.family,
      port: target.url.port || 443,
      path: "/status",
      method: "GET",
      servername: target.servername ?? undefined,
      headers: { host: target.url.host, accept: "application/json", "user-agent": "akash-tenant-console/probe" },
      rejectUnauthorized: false,
      minVersion: "TLSv1.2",
      agent: false,
    });
    const timer = setTimeout(() => {
      req.destroy();
      done({ ok: false, error: `no answer within ${timeoutMs / 1000} s` });
    }, timeoutMs);
    req.on("socket", (socket) => {
      socket.once("secureConnect", () => {
        const cert = (socket as TLSSocket).getPeerCertificate();
        fingerprint = cert && "fingerprint256" in cert && cert.fingerprint256 ? cert.fingerprint256 : null;
      });
    });
    req.on("response", (res) => {
      let size = 0;
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY_BYTES) {
          req.destroy();
          return done({ ok: false, error: `the status answer exceeds ${MAX_BODY_BYTES / 1024} KB` });
        }
        chunks.push(c);
      });
      res.on("end", () => {
        if (res.statusCode !== 200) return done({ ok: false, error: `HTTP ${res.statusCode}`, latency: true });
        let body: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        } catch {
          return done({ ok: false, error: "the status answer is not JSON", latency: true });
        }
        if (!body || typeof body !== "object" || Array.isArray(body)) return done({ ok: false, error: "the status answer is not a JSON object", latency: true });
        done({ ok: true, error: null, latency: true, inventory: inventoryFromStatus(body) });
      });
      res.on("error", (err) => done({ ok: false, error: err.message }));
    });
    req.on("error", (err: NodeJS.ErrnoException) => done({ ok: false, error: err.code ? `${err.code} (${err.message})` : err.message }));
    req.end();
  });
}
