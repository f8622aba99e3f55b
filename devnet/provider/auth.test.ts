import { Secp256k1HdWallet } from "@cosmjs/amino";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { authorize, AuthError, validateClaims, verifyJwtSignature, type Claims } from "./auth";
import { JWT_DIR } from "../../test/support/test-data";

interface Vector {
  description: string;
  tokenString: string;
  expected: { alg: string; claims: Record<string, unknown> };
  mustFail: boolean;
}

describe("chain-sdk JWT vectors (cases_es256k.json)", async () => {
  const vectors = JSON.parse(readFileSync(path.join(JWT_DIR, "cases_es256k.json"), "utf8")) as Vector[];
  const mnemonic = readFileSync(path.join(JWT_DIR, "mnemonic"), "utf8").trim();
  const [account] = await (await Secp256k1HdWallet.fromMnemonic(mnemonic, { prefix: "akash" })).getAccounts();

  it("has vectors for both algorithms", () => {
    expect(new Set(vectors.map((v) => v.expected.alg))).toEqual(new Set(["ES256K", "ES256KADR36"]));
  });

  for (const v of vectors) {
    it(`${v.description}: ${v.mustFail ? "fails" : "verifies"}`, async () => {
      const run = verifyJwtSignature(v.tokenString, account!.pubkey);
      if (v.mustFail) {
        await expect(run).rejects.toBeInstanceOf(AuthError);
      } else {
        const { header, payload } = await run;
        expect(header.alg).toBe(v.expected.alg);
        if ("iss" in v.expected.claims) expect(payload).toEqual(v.expected.claims);
      }
    });
  }

  it("the scoped-claims vector has the vector's issuer (the mnemonic's address)", () => {
    const scoped = vectors.find((v) => "iss" in v.expected.claims)!;
    expect(scoped.expected.claims.iss).toBe(account!.address);
  });
});

describe("claims", () => {
  const now = 1_800_000_000;
  const base = { iss: "akash15yk64u7zc9g9k2yr2wmzeva5qgwxps6ytfzgqy", version: "v1", iat: now - 5, nbf: now - 5, exp: now + 60 };
  it("validates time window and leases", () => {
    expect(() => validateClaims({ ...base, leases: { access: "full" } }, now)).not.toThrow();
    expect(() => validateClaims({ ...base, exp: now - 1, leases: { access: "full" } }, now)).toThrow(/expired/);
    expect(() => validateClaims({ ...base, nbf: now + 100, leases: { access: "full" } }, now)).toThrow(/not valid yet/);
    expect(() => validateClaims({ ...base, version: "v2", leases: { access: "full" } }, now)).toThrow(/version/);
    expect(() => validateClaims({ ...base, leases: { access: "scoped", scope: ["nope"] } }, now)).toThrow();
    expect(() => validateClaims({ ...base, leases: { access: "full", scope: ["logs"] } }, now)).toThrow();
    expect(() => validateClaims({ ...base, iss: "cosmos1abc", leases: { access: "full" } }, now)).toThrow(/issuer/);
  });
  it("authorizes like the Go claims (issuer = owner, scopes, granular dseq/gseq/oseq)", () => {
    const prov = "akash1m0qq8c7qw86pqdape734zj46c23y6xf6nq6u5p";
    const target = { provider: prov, owner: base.iss, dseq: 5n, gseq: 1, oseq: 1, scope: "logs" as const };
    const c = (leases: Claims["leases"]): Claims => ({ ...base, leases });
    expect(authorize(c({ access: "full" }), target)).toBe(true);
    expect(authorize(c({ access: "full" }), { ...target, owner: "akash1other" })).toBe(false);
    expect(authorize(c({ access: "scoped", scope: ["status"] }), target)).toBe(false);
    expect(authorize(c({ access: "granular", permissions: [{ provider: prov, access: "granular", deployments: [{ dseq: 5, gseq: 2, scope: ["logs"], services: ["web"] }] }] }), target)).toBe(false);
    expect(authorize(c({ access: "granular", permissions: [{ provider: prov, access: "granular", deployments: [{ dseq: 5, gseq: 1, scope: ["logs"], services: ["web"] }] }] }), target)).toBe(true);
    expect(authorize(c({ access: "granular", permissions: [{ provider: "akash1else", access: "full" }] }), target)).toBe(false);
  });
});
