import "server-only";
import tls, { type TLSSocket } from "node:tls";
import { AppError, isAppError } from "@/lib/errors/app-error";
import type { PinVerifier } from "@/lib/provider-gateway/pin.server";
import type { SafeTarget } from "@/lib/provider-gateway/ssrf.server";

/**
 * One TLS connection to a provider's gateway, pinned to the chain, for HTTP requests and websockets alike
 * (both get it through `createConnection`). Node's own verification cannot be used: the certificate is
 * self-signed, and checkServerIdentity is never called once the chain check has failed. So the handshake runs
 * with rejectUnauthorized off and this module verifies the served certificate itself (pin.server.ts) before it
 * hands the socket over; no request byte, and so no token, is written to a provider that failed the check.
 */

export interface ProviderEndpoint {
  /** the provider's account address: whose on-chain certificates pin the connection */
  provider: string;
  target: SafeTarget;
}

export interface ConnectOptions {
  pin: PinVerifier;
  /** connection + handshake + pin check */
  timeoutMs: number;
  signal?: AbortSignal;
}

export function describeEndpoint(ep: ProviderEndpoint): string {
  return `${ep.target.url.host}${ep.target.servername ? ` (${ep.target.address})` : ""}`;
}

export function connectPinned(ep: ProviderEndpoint, opts: ConnectOptions): Promise<TLSSocket> {
  const { target, provider } = ep;
  const where = describeEndpoint(ep);
  return new Promise<TLSSocket>((resolve, reject) => {
    let settled = false;
    const socket = tls.connect({
      host: target.address,
      port: Number(target.url.port || 443),
      servername: target.servername ?? undefined,
      rejectUnauthorized: false,
      minVersion: "TLSv1.2",
      ALPNProtocols: ["http/1.1"],
    });
    const fail = (err: AppError) => {
      if (settled) return;
      settled = true;
      cleanup();
      socket.destroy();
      reject(err);
    };
    const timer = setTimeout(
      () => fail(new AppError("provider.timeout", `Provider ${provider} at ${where} did not complete a TLS connection within ${opts.timeoutMs / 1000} s.`, { details: { provider, host: where, stage: "connect" } })),
      opts.timeoutMs,
    );
    const onAbort = () => fail(new AppError("internal", "The request was cancelled.", { cause: opts.signal?.reason }));
    opts.signal?.addEventListener("abort", onAbort, { once: true });
    const cleanup = () => {
      clearTimeout(timer);
      opts.signal?.removeEventListener("abort", onAbort);
      socket.off("error", onError);
    };
    const onError = (err: NodeJS.ErrnoException) => fail(connectError(provider, where, err));
    socket.on("error", onError);
    socket.once("secureConnect", () => {
      const served = socket.getPeerX509Certificate();
      if (!served) return fail(new AppError("provider.tls_pin", `Provider ${provider} at ${where} presented no TLS certificate.`, { details: { provider, reason: "no_certificate" } }));
      opts.pin.verify(provider, served).then(
        () => {
          if (settled) return;
          settled = true;
          cleanup();
          resolve(socket);
        },
        (err: unknown) => fail(isAppError(err) ? err : new AppError("provider.tls_pin", `The certificate of provider ${provider} could not be checked.`, { cause: err })),
      );
    });
  });
}

/** ECONNREFUSED and friends, said as "which side failed and how". */
export function connectError(provider: string, where: string, err: NodeJS.ErrnoException): AppError {
  const code = err.code ?? "";
  if (code === "ETIMEDOUT") {
    return new AppError("provider.timeout", `Provider ${provider} at ${where} did not answer the connection (ETIMEDOUT).`, { details: { provider, host: where, errno: code }, cause: err });
  }
  const tlsFailure = code.startsWith("ERR_SSL") || code.startsWith("ERR_TLS") || /SSL|TLS|handshake/i.test(err.message);
  const what = tlsFailure ? `the TLS handshake failed (${code || err.message})` : `the connection failed (${code || err.message})`;
  const hint = code === "ECONNREFUSED" ? " The provider's gateway is not listening; it may be down." : "";
  return new AppError("provider.unreachable", `Provider ${provider} at ${where}: ${what}.${hint}`, { details: { provider, host: where, errno: code || undefined }, cause: err });
}
