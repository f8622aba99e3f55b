import { TENANT1 } from "@/devnet/accounts";
import { JwtTokenManager, JwtValidator } from "@akashnetwork/chain-sdk";
import { afterEach, describe, expect, it, vi } from "vitest";
import { adr36Signer } from "@/test/support/signer";
import { AppError } from "@/lib/errors/app-error";
import { CONSOLE_SCOPES, createProviderTokens, providerTokenClaims, type TokenWallet } from "@/lib/provider-gateway/jwt";
import { verifyJwtSignature } from "../../devnet/provider/auth";

const PROVIDER_A = "akash1m0qq8c7qw86pqdape734zj46c23y6xf6nq6u5p";
const PROVIDER_B = "akash1ftvgh9rdfnn48rtjy2x4xw50tsr6vzfc8npy7k";

async function tenantWallet(): Promise<TokenWallet & { pubkey: Uint8Array; signatures: () => number }> {
  const signer = await adr36Signer(TENANT1.mnemonic);
  let n = 0;
  return {
    address: signer.address,
    pubkey: signer.pubkey,
    kind: "devnet",
    signatures: () => n,
    signArbitrary: (data) => {
      n++;
      return signer.sign(data);
    },
  };
}

const decode = (token: string) => JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString("utf8")) as Record<string, unknown>;

describe("createProviderTokens", () => {
  it("signs a granular ES256KADR36 token naming one provider with only the console's scopes, for 30 minutes", async () => {
    const wallet = await tenantWallet();
    const token = await createProviderTokens(wallet).get(PROVIDER_A);
    const claims = decode(token);
    expect(claims).toMatchObject({
      version: "v1",
      iss: TENANT1.address,
      leases: { access: "granular", permissions: [{ provider: PROVIDER_A, access: "scoped", scope: [...CONSOLE_SCOPES] }] },
    });
    expect((claims.exp as number) - (claims.iat as number)).toBe(30 * 60);
    expect(CONSOLE_SCOPES).toEqual(["send-manifest", "get-manifest", "status", "logs", "events", "shell"]);
    // chain-sdk's own schema validation accepts it, and the signature verifies as a provider checks it
    expect(new JwtValidator().validateToken(token)).toMatchObject({ isValid: true, errors: [] });
    const { header } = await verifyJwtSignature(token, wallet.pubkey);
    expect(header.alg).toBe("ES256KADR36");
  });

  afterEach(() => vi.useRealTimers());

  it("keeps one token per provider in memory and signs again only when less than five minutes are left", async () => {
    const wallet = await tenantWallet();
    let clock = Date.now();
    // only Date is faked: chain-sdk checks nbf against Date.now too
    vi.useFakeTimers({ toFake: ["Date"], now: clock });
    const tokens = createProviderTokens(wallet);
    const a1 = await tokens.get(PROVIDER_A);
    expect(await tokens.get(PROVIDER_A)).toBe(a1);
    const b1 = await tokens.get(PROVIDER_B);
    expect(b1).not.toBe(a1);
    expect(decode(b1).leases).toMatchObject({ permissions: [{ provider: PROVIDER_B }] });
    expect(wallet.signatures()).toBe(2);

    vi.setSystemTime((clock += 24 * 60_000)); // six minutes left
    expect(await tokens.get(PROVIDER_A)).toBe(a1);
    vi.setSystemTime((clock += 2 * 60_000)); // four minutes left: replaced before use
    const a2 = await tokens.get(PROVIDER_A);
    expect(a2).not.toBe(a1);
    expect(wallet.signatures()).toBe(3);
  });

  it("asks the wallet once when several callers need the same provider's token at once", async () => {
    const wallet = await tenantWallet();
    const tokens = createProviderTokens(wallet);
    const all = await Promise.all([tokens.get(PROVIDER_A), tokens.get(PROVIDER_A), tokens.get(PROVIDER_A)]);
    expect(new Set(all).size).toBe(1);
    expect(wallet.signatures()).toBe(1);
  });

  it("forgets every token on clear, including one the wallet was still signing", async () => {
    const wallet = await tenantWallet();
    const tokens = createProviderTokens(wallet);
    await tokens.get(PROVIDER_A);
    const signing = tokens.get(PROVIDER_B);
    tokens.clear();
    await signing;
    await tokens.get(PROVIDER_A);
    await tokens.get(PROVIDER_B);
    expect(wallet.signatures()).toBe(4);
  });

  it("reports a wallet that refuses to sign as a rejection naming the wallet", async () => {
    const tokens = createProviderTokens({ address: TENANT1.address, kind: "keplr", signArbitrary: () => Promise.reject(new Error("Request rejected")) });
    // the wallet's own words, whatever they are, when the wallet kind is unknown
    const bare = createProviderTokens({ address: TENANT1.address, signArbitrary: () => Promise.reject(new Error("user closed the window")) });
    await expect(bare.get(PROVIDER_A)).rejects.toMatchObject({ code: "wallet.rejected", message: expect.stringMatching(/user closed the window/) });
    const err = await tokens.get(PROVIDER_A).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: "wallet.rejected" });
    expect((err as AppError).message).toMatch(/You rejected the request in Keplr/);
  });
});

describe("providerTokenClaims", () => {
  it("accepts lifetimes from 15 to 60 minutes only", () => {
    expect(providerTokenClaims(TENANT1.address, PROVIDER_A, 1000, 15 * 60).exp).toBe(1000 + 900);
    expect(providerTokenClaims(TENANT1.address, PROVIDER_A, 1000, 60 * 60).exp).toBe(1000 + 3600);
    expect(() => providerTokenClaims(TENANT1.address, PROVIDER_A, 1000, 14 * 60)).toThrow(/between 15 and 60 minutes/);
    expect(() => providerTokenClaims(TENANT1.address, PROVIDER_A, 1000, 61 * 60)).toThrow(/between 15 and 60 minutes/);
  });

  it("produces claims chain-sdk's JwtTokenManager accepts as they are", async () => {
    const signer = await adr36Signer(TENANT1.mnemonic);
    const manager = new JwtTokenManager({ algorithm: "ES256KADR36", signArbitrary: (_s, d) => signer.sign(String(d)) });
    const claims = providerTokenClaims(TENANT1.address, PROVIDER_A, Math.floor(Date.now() / 1000));
    expect(manager.validatePayload(claims as Parameters<typeof manager.validatePayload>[0])).toEqual({ isValid: true, errors: undefined });
  });
});
