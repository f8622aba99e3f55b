import { TENANT1 } from "@/devnet/accounts";
import { JwtTokenManager, type CreateJWTOptions } from "@akashnetwork/chain-sdk";
import { beforeAll, describe, expect, it } from "vitest";
import { adr36Signer, OTHER_MNEMONIC } from "@/test/support/signer";
import { AppError } from "@/lib/errors/app-error";
import { createProviderTokens } from "@/lib/provider-gateway/jwt";
import { bearerFrom, checkProviderToken } from "@/lib/provider-gateway/token-check.server";

const PROVIDER_A = "akash1m0qq8c7qw86pqdape734zj46c23y6xf6nq6u5p";
const PROVIDER_B = "akash1ftvgh9rdfnn48rtjy2x4xw50tsr6vzfc8npy7k";
const expected = { owner: TENANT1.address, provider: PROVIDER_A };

let tenant: Awaited<ReturnType<typeof adr36Signer>>;
let good: string;
/** any claims, signed by tenant1 through chain-sdk (which refuses only what its schema refuses) */
let signed: (claims: Partial<CreateJWTOptions>) => Promise<string>;

beforeAll(async () => {
  tenant = await adr36Signer(TENANT1.mnemonic);
  good = await createProviderTokens({ address: tenant.address, signArbitrary: tenant.sign }).get(PROVIDER_A);
  const manager = new JwtTokenManager({ algorithm: "ES256KADR36", signArbitrary: (_s, d) => tenant.sign(String(d)) });
  signed = (claims) => {
    const now = Math.floor(Date.now() / 1000);
    return manager.generateToken({ version: "v1", iss: tenant.address, iat: now, nbf: now, exp: now + 900, ...claims });
  };
});

function refusal(token: string, exp = expected, now = Date.now()): AppError {
  try {
    checkProviderToken(token, exp, now);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error("the token was accepted");
}

describe("checkProviderToken", () => {
  it("accepts the console's own token for the signed-in owner and the provider it names", () => {
    const claims = JSON.parse(Buffer.from(good.split(".")[1]!, "base64url").toString()) as { exp: number };
    expect(checkProviderToken(good, expected)).toEqual({ exp: claims.exp });
  });

  it("refuses a token issued by another address than the session's", async () => {
    const other = await adr36Signer(OTHER_MNEMONIC);
    const theirs = await createProviderTokens({ address: other.address, signArbitrary: other.sign }).get(PROVIDER_A);
    const e = refusal(theirs);
    expect(e.code).toBe("token.invalid");
    expect(e.message).toContain(`issued by ${other.address}, but you are signed in as ${TENANT1.address}`);
  });

  it("refuses a token for another provider, or naming more than one", async () => {
    expect(refusal(good, { ...expected, provider: PROVIDER_B }).message).toContain(`names ${PROVIDER_A}, not exactly provider ${PROVIDER_B}`);
    const both = await signed({
      leases: { access: "granular", permissions: [{ provider: PROVIDER_A, access: "scoped", scope: ["logs"] }, { provider: PROVIDER_B, access: "scoped", scope: ["logs"] }] },
    });
    expect(refusal(both).message).toContain(`names ${PROVIDER_A}, ${PROVIDER_B}, not exactly`);
  });

  it("refuses full and scoped tokens, which every provider accepts", async () => {
    expect(refusal(await signed({ leases: { access: "full" } })).message).toMatch(/access is "full", valid at every provider/);
    expect(refusal(await signed({ leases: { access: "scoped", scope: ["logs"] } })).message).toMatch(/access is "scoped"/);
  });

  it("says token.expired once the token's exp has passed", () => {
    const e = refusal(good, expected, Date.now() + 31 * 60_000);
    expect(e.code).toBe("token.expired");
    expect(e.message).toMatch(/expired at .*Sign a new one/);
  });

  it("refuses a token that lives longer than an hour", async () => {
    const now = Math.floor(Date.now() / 1000);
    const long = await signed({ exp: now + 3 * 3600, leases: { access: "granular", permissions: [{ provider: PROVIDER_A, access: "scoped", scope: ["logs"] }] } });
    expect(refusal(long).message).toMatch(/lives longer than 60 minutes/);
  });

  it("refuses what is not an AEP-64 token, with chain-sdk's validator's reason", () => {
    expect(refusal("not-a-token").message).toMatch(/it is not a JWT/);
    const [h, , s] = good.split(".");
    const noAlg = `${Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url")}.${good.split(".")[1]}.${s}`;
    expect(refusal(noAlg).message).toMatch(/algorithm "none"/);
    const badClaims = `${h}.${Buffer.from(JSON.stringify({ iss: TENANT1.address, version: "v2" })).toString("base64url")}.${s}`;
    const e = refusal(badClaims);
    expect(e.code).toBe("token.invalid");
    expect(e.message).toMatch(/not an AEP-64 token \(.+\)/);
  });
});

describe("bearerFrom", () => {
  it("reads the token of an Authorization: Bearer header and explains a missing one", () => {
    expect(bearerFrom("Bearer abc.def.ghi")).toBe("abc.def.ghi");
    expect(bearerFrom("bearer   abc.def.ghi ")).toBe("abc.def.ghi");
    expect(() => bearerFrom(null)).toThrow(/carries no provider access token/);
    expect(() => bearerFrom("Basic xyz")).toThrow(AppError);
  });
});
