import type { StdSignature } from "@cosmjs/amino";
import { JwtTokenManager, type CreateJWTOptions } from "@akashnetwork/chain-sdk";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { mapWalletError } from "@/lib/wallet/wallet-errors";
import type { WalletKind } from "@/lib/wallet/types";

/**
 * The browser's provider tokens (AEP-64 JWT, ES256KADR36): chain-sdk's JwtTokenManager signs them through the
 * wallet's signArbitrary (Keplr, Leap, the devnet key), one per provider, `granular` so the token names that one
 * provider (a `scoped` or `full` token is valid at every provider, and a provider could replay it to another), with
 * only the scopes the console uses, short-lived. They live in this module's memory only: never in storage, never
 * in a cookie; the console's server forwards them and forgets them.
 */

/** what the console does at a provider: send and read the manifest, read status, logs and events, open a shell */
export const CONSOLE_SCOPES = ["send-manifest", "get-manifest", "status", "logs", "events", "shell"] as const;
export const MIN_TOKEN_LIFETIME_SEC = 15 * 60;
export const MAX_TOKEN_LIFETIME_SEC = 60 * 60;
export const DEFAULT_TOKEN_LIFETIME_SEC = 30 * 60;
/** a token with less than this left is replaced before use, so a request never leaves with one about to expire */
export const REFRESH_BEFORE_SEC = 5 * 60;

export interface TokenWallet {
  address: string;
  kind?: WalletKind;
  /** ADR-36 signature by `address` (ConnectedWallet.signArbitrary) */
  signArbitrary(data: string): Promise<StdSignature>;
}

export interface ProviderTokens {
  /** a token for `provider`, from memory while it has more than REFRESH_BEFORE_SEC left, else freshly signed */
  get(provider: string): Promise<string>;
  /** drops every token (sign-out, account switch) */
  clear(): void;
}

export interface ProviderTokenOptions {
  lifetimeSec?: number;
  refreshBeforeSec?: number;
}

export function providerTokenClaims(issuer: string, provider: string, nowSec: number, lifetimeSec = DEFAULT_TOKEN_LIFETIME_SEC): CreateJWTOptions {
  if (lifetimeSec < MIN_TOKEN_LIFETIME_SEC || lifetimeSec > MAX_TOKEN_LIFETIME_SEC) {
    throw new AppError("request.invalid", `A provider token lives between ${MIN_TOKEN_LIFETIME_SEC / 60} and ${MAX_TOKEN_LIFETIME_SEC / 60} minutes, not ${lifetimeSec / 60}.`);
  }
  return {
    version: "v1",
    iss: issuer,
    iat: nowSec,
    nbf: nowSec,
    exp: nowSec + lifetimeSec,
    leases: { access: "granular", permissions: [{ provider, access: "scoped", scope: [...CONSOLE_SCOPES] }] },
  };
}

export function createProviderTokens(wallet: TokenWallet, opts: ProviderTokenOptions = {}): ProviderTokens {
  // Date.now, not an injected clock: chain-sdk checks nbf against it, so both must agree
  const now = () => Date.now();
  const lifetime = opts.lifetimeSec ?? DEFAULT_TOKEN_LIFETIME_SEC;
  const margin = opts.refreshBeforeSec ?? REFRESH_BEFORE_SEC;
  const manager = new JwtTokenManager({
    algorithm: "ES256KADR36",
    async signArbitrary(_signer, data) {
      try {
        return await wallet.signArbitrary(typeof data === "string" ? data : new TextDecoder().decode(data));
      } catch (err) {
        if (isAppError(err)) throw err;
        throw wallet.kind ? mapWalletError(err, wallet.kind) : new AppError("wallet.rejected", `The wallet did not sign the provider access token: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
      }
    },
  });
  const cache = new Map<string, { token: string; exp: number }>();
  // one signature request per provider at a time: two panels asking at once get the same wallet prompt
  const pending = new Map<string, Promise<string>>();
  let generation = 0;

  async function sign(provider: string): Promise<string> {
    const started = generation;
    const nowSec = Math.floor(now() / 1000);
    const claims = providerTokenClaims(wallet.address, provider, nowSec, lifetime);
    let token: string;
    try {
      token = await manager.generateToken(claims);
    } catch (err) {
      if (isAppError(err)) throw err;
      // chain-sdk refused the claims (its schema or clock checks): a console bug, not the tenant's doing
      throw new AppError("internal", `The access token for provider ${provider} could not be built: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    // a clear() while the wallet was open (sign-out) must not let this token back into memory
    if (started === generation) cache.set(provider, { token, exp: claims.exp! });
    return token;
  }

  return {
    get(provider) {
      const hit = cache.get(provider);
      if (hit && hit.exp - Math.floor(now() / 1000) > margin) return Promise.resolve(hit.token);
      let p = pending.get(provider);
      if (!p) {
        p = sign(provider).finally(() => pending.delete(provider));
        pending.set(provider, p);
      }
      return p;
    },
    clear() {
      generation++;
      cache.clear();
      pending.clear();
    },
  };
}
