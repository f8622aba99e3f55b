import "server-only";
import { X509Certificate } from "node:crypto";
import type { RestClient } from "@/lib/chain/rest";
import type { ChainCertificate } from "@/lib/chain/rest-schemas";
import { AppError } from "@/lib/errors/app-error";

/**
 * TLS pinning to the chain. Providers serve self-signed certificates: no public CA vouches for them, the chain does
 * (MsgCreateCertificate, cert v1). So the certificate a provider serves must be one of that provider's on-chain
 * certificates: same serial, same bytes (SHA-256 fingerprint), state valid, inside its validity period. Anything
 * else is refused with a message that names the provider and what did not match; there is no silent accept, and
 * a chain that cannot be read is a refusal too.
 *
 * The check runs after the handshake and before a single byte of the request (and so the tenant's token) is
 * written (provider-socket.server.ts), which lets it look a serial up on chain when it is not cached yet.
 */

export type CertLookup = (owner: string, serial: string) => Promise<ChainCertificate[]>;

export interface PinVerifier {
  /** resolves when `served` is a valid on-chain certificate of `provider`; throws provider.tls_pin / provider.cert_expired */
  verify(provider: string, served: X509Certificate): Promise<void>;
}

export interface PinOptions {
  lookup: CertLookup;
  now?: () => number;
  /** how long a found certificate is trusted without asking the chain again (a revocation shows after this) */
  ttlMs?: number;
  /** how long "not on chain" is remembered: short, so a certificate registered a moment ago works soon */
  negativeTtlMs?: number;
}

export const PIN_TTL_MS = 5 * 60_000;
const NEGATIVE_TTL_MS = 15_000;
const MAX_ENTRIES = 10_000;

export function lookupFromRest(rest: Pick<RestClient, "certificates">): CertLookup {
  return (owner, serial) => rest.certificates({ owner, serial });
}

/** The decimal serial the chain stores for a certificate (node reports it in hex). */
export function decimalSerial(cert: X509Certificate): string {
  return BigInt(`0x${cert.serialNumber}`).toString(10);
}

export function createPinVerifier(opts: PinOptions): PinVerifier {
  const now = opts.now ?? Date.now;
  const ttl = opts.ttlMs ?? PIN_TTL_MS;
  const negativeTtl = opts.negativeTtlMs ?? NEGATIVE_TTL_MS;
  // per provider + serial: what the chain holds under that serial (null: nothing), and when we asked
  const cache = new Map<string, { at: number; cert: ChainCertificate | null }>();
  const inflight = new Map<string, Promise<ChainCertificate | null>>();

  async function onChain(provider: string, serial: string): Promise<ChainCertificate | null> {
    const key = `${provider}/${serial}`;
    const hit = cache.get(key);
    if (hit && now() - hit.at < (hit.cert ? ttl : negativeTtl)) return hit.cert;
    let p = inflight.get(key);
    if (!p) {
      p = (async () => {
        let found: ChainCertificate[];
        try {
          found = await opts.lookup(provider, serial);
        } catch (err) {
          throw new AppError("provider.tls_pin", `The console could not check provider ${provider}'s certificate against the chain, so it did not connect: ${err instanceof Error ? err.message : String(err)}`, {
            details: { provider, serial, reason: "chain_unreadable" },
            cause: err,
          });
        }
        const cert = found.find((c) => c.serial === serial) ?? null;
        if (cache.size >= MAX_ENTRIES) cache.clear();
        cache.set(key, { at: now(), cert });
        return cert;
      })().finally(() => inflight.delete(key));
      inflight.set(key, p);
    }
    return p;
  }

  return {
    async verify(provider, served) {
      const serial = decimalSerial(served);
      const fp = served.fingerprint256;
      const details = { provider, serial, servedFingerprint: fp };
      const chainCert = await onChain(provider, serial);
      if (!chainCert) {
        throw new AppError(
          "provider.tls_pin",
          `Provider ${provider} serves a certificate (serial ${serial}, SHA-256 ${fp}) that is not one of its certificates on chain, so the console did not connect. The provider may be misconfigured, or someone may be intercepting the connection.`,
          { details: { ...details, reason: "not_on_chain" } },
        );
      }
      if (chainCert.state !== "valid") {
        throw new AppError("provider.tls_pin", `Provider ${provider} serves certificate serial ${serial}, which is ${chainCert.state} on chain, so the console did not connect.`, {
          details: { ...details, reason: "not_valid_on_chain", state: chainCert.state },
        });
      }
      let pinned: X509Certificate;
      try {
        pinned = new X509Certificate(chainCert.certPem);
      } catch {
        throw new AppError("provider.tls_pin", `Provider ${provider}'s on-chain certificate serial ${serial} cannot be parsed, so the console cannot trust the certificate it serves.`, {
          details: { ...details, reason: "unparsable_on_chain" },
        });
      }
      if (pinned.fingerprint256 !== fp) {
        throw new AppError(
          "provider.tls_pin",
          `Provider ${provider} serves a certificate with serial ${serial} whose bytes differ from the on-chain certificate of that serial (served SHA-256 ${fp}, on chain ${pinned.fingerprint256}), so the console did not connect.`,
          { details: { ...details, reason: "fingerprint_mismatch", chainFingerprint: pinned.fingerprint256 } },
        );
      }
      const t = now();
      const from = Date.parse(served.validFrom);
      const to = Date.parse(served.validTo);
      if (t > to) {
        throw new AppError(
          "provider.cert_expired",
          `Provider ${provider}'s certificate (serial ${serial}) expired on ${new Date(to).toISOString()}. The provider has to renew it and register the new one on chain; until then the console will not connect.`,
          { details: { ...details, validTo: new Date(to).toISOString() } },
        );
      }
      if (t < from) {
        throw new AppError("provider.tls_pin", `Provider ${provider}'s certificate (serial ${serial}) is not valid before ${new Date(from).toISOString()}, so the console did not connect.`, {
          details: { ...details, reason: "not_yet_valid", validFrom: new Date(from).toISOString() },
        });
      }
    },
  };
}
