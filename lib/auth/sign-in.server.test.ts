import { randomBytes } from "node:crypto";
import { TENANT1 } from "../../devnet/accounts";
import { afterAll, describe, expect, it } from "vitest";
import { adr36Signer, OTHER_MNEMONIC } from "@/test/support/signer";
import { getSessionAddress, hashSessionToken, sessionCookieName, startSession } from "@/lib/auth/session.server";
import { issueNonce, NONCE_TTL_MS, verifySignIn, type SignInContext } from "@/lib/auth/sign-in.server";
import { sessionsRepository } from "@/lib/db/sessions";
import { createTestDatabase } from "@/test/support/database";
import { AppError } from "@/lib/errors/app-error";

const database = createTestDatabase();
afterAll(() => database.dispose());
const sessions = sessionsRepository(database.db);
const CTX: SignInContext = { key: randomBytes(32), origin: "https://console.example:3000", network: { id: "devnet", chainId: "akash-devnet-1" } };

async function signedBody(mnemonic: string, issuedAt = new Date(), ctx = CTX) {
  const signer = await adr36Signer(mnemonic);
  const { nonce, message } = issueNonce(ctx, signer.address, issuedAt);
  const sig = await signer.sign(message);
  return { signer, body: { address: signer.address, pubkey: sig.pub_key.value, signature: sig.signature, nonce } };
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe("unauthorized");
  return e as AppError;
}

describe("verifySignIn", () => {
  it("returns the address for a signature of the nonce's message", async () => {
    const { signer, body } = await signedBody(TENANT1.mnemonic);
    expect(await verifySignIn(sessions, body, CTX)).toBe(signer.address);
  });

  it("refuses the same signed nonce a second time", async () => {
    const { body } = await signedBody(TENANT1.mnemonic);
    await verifySignIn(sessions, body, CTX);
    expect((await refusal(verifySignIn(sessions, body, CTX))).message).toMatch(/already used/);
  });

  it("refuses a nonce older than five minutes", async () => {
    const { body } = await signedBody(TENANT1.mnemonic, new Date(Date.now() - NONCE_TTL_MS - 1000));
    expect((await refusal(verifySignIn(sessions, body, CTX))).message).toMatch(/expired/);
  });

  it("refuses a nonce it never issued, or one issued with another server key", async () => {
    const { body } = await signedBody(TENANT1.mnemonic);
    expect((await refusal(verifySignIn(sessions, { ...body, nonce: "x".repeat(32) }, CTX))).message).toMatch(/not one the console issues/);
    const other = await signedBody(TENANT1.mnemonic, new Date(), { ...CTX, key: randomBytes(32) });
    expect((await refusal(verifySignIn(sessions, other.body, CTX))).message).toMatch(/issued for another address, site or network/);
  });

  it("refuses a nonce issued for another origin, chain or address", async () => {
    for (const ctx of [{ ...CTX, origin: "https://phish.example" }, { ...CTX, network: { id: "devnet" as const, chainId: "other-1" } }]) {
      const { body } = await signedBody(TENANT1.mnemonic, new Date(), ctx);
      await refusal(verifySignIn(sessions, body, CTX));
    }
    const { body } = await signedBody(TENANT1.mnemonic);
    const two = await adr36Signer(OTHER_MNEMONIC);
    await refusal(verifySignIn(sessions, { ...body, address: two.address }, CTX));
  });

  it("refuses a tampered signature with a clear message", async () => {
    const { body } = await signedBody(TENANT1.mnemonic);
    const bytes = Buffer.from(body.signature, "base64");
    bytes[5]! ^= 0xff;
    const e = await refusal(verifySignIn(sessions, { ...body, signature: bytes.toString("base64") }, CTX));
    expect(e.message).toMatch(/signature does not match/);
  });

  it("refuses another key presented for the address", async () => {
    const one = await signedBody(TENANT1.mnemonic);
    const two = await signedBody(OTHER_MNEMONIC);
    const e = await refusal(verifySignIn(sessions, { ...one.body, pubkey: two.body.pubkey, signature: two.body.signature }, CTX));
    expect(e.message).toMatch(/does not belong to the address/);
  });

  it("refuses the devnet's test accounts on any other network, and accepts them on the devnet", async () => {
    const sandbox = { ...CTX, network: { id: "sandbox-2" as const, chainId: "sandbox-2" } };
    const { body } = await signedBody(TENANT1.mnemonic, new Date(), sandbox);
    expect((await refusal(verifySignIn(sessions, body, sandbox))).message).toMatch(/devnet's public test accounts/);
    const mine = await signedBody(OTHER_MNEMONIC, new Date(), sandbox);
    expect(await verifySignIn(sessions, mine.body, sandbox)).toBe(mine.signer.address);
  });
});

describe("sessions", () => {
  it("stores only the token's hash and finds the address from the cookie", async () => {
    const { token } = await startSession("akash1ftvgh9rdfnn48rtjy2x4xw50tsr6vzfc8npy7k", sessions);
    expect(await database.db.session.findUnique({ where: { tokenHash: token } })).toBeNull();
    expect(await database.db.session.findUnique({ where: { tokenHash: hashSessionToken(token) } })).not.toBeNull();
    const req = new Request("http://x/", { headers: { cookie: `a=b; ${sessionCookieName()}=${token}` } });
    expect(await getSessionAddress(req, sessions)).toBe("akash1ftvgh9rdfnn48rtjy2x4xw50tsr6vzfc8npy7k");
    expect(await getSessionAddress({ get: () => ({ value: token }) }, sessions)).toBe("akash1ftvgh9rdfnn48rtjy2x4xw50tsr6vzfc8npy7k");
    expect(await getSessionAddress({ get: () => ({ value: token.replace(/^./, (c) => (c === "A" ? "B" : "A")) }) }, sessions)).toBeNull();
    expect(await getSessionAddress(new Request("http://x/"), sessions)).toBeNull();
  });
});
