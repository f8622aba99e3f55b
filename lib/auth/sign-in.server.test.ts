import { afterAll, describe, expect, it } from "vitest";
import { TENANT1, TENANT2 } from "../../devnet/accounts";
import { adr36Signer, OTHER_MNEMONIC } from "@/test/support/signer";
import { getSessionAddress, hashSessionToken, SESSION_COOKIE, startSession } from "@/lib/auth/session.server";
import { issueNonce, NONCE_TTL_MS, verifySignIn } from "@/lib/auth/sign-in.server";
import { sessionsRepository } from "@/lib/db/sessions";
import { createTestDatabase } from "@/test/support/database";
import { AppError } from "@/lib/errors/app-error";

const database = createTestDatabase();
afterAll(() => database.dispose());
const sessions = sessionsRepository(database.db);
const HOST = "console.example:3000";

async function signedBody(mnemonic: string, issuedAt = new Date()) {
  const signer = await adr36Signer(mnemonic);
  const { nonce, message } = await issueNonce(sessions, HOST, issuedAt);
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
    expect(await verifySignIn(sessions, body, HOST)).toBe(signer.address);
  });

  it("refuses the same signed nonce a second time", async () => {
    const { body } = await signedBody(TENANT1.mnemonic);
    await verifySignIn(sessions, body, HOST);
    expect((await refusal(verifySignIn(sessions, body, HOST))).message).toMatch(/already used/);
  });

  it("refuses a nonce older than five minutes", async () => {
    const issued = new Date(Date.now() - NONCE_TTL_MS - 1000);
    const { body } = await signedBody(TENANT1.mnemonic, issued);
    expect((await refusal(verifySignIn(sessions, body, HOST))).message).toMatch(/expired/);
  });

  it("refuses a nonce it never issued", async () => {
    const { body } = await signedBody(TENANT1.mnemonic);
    expect((await refusal(verifySignIn(sessions, { ...body, nonce: "x".repeat(32) }, HOST))).message).toMatch(/unknown/);
  });

  it("refuses a tampered signature with a clear message", async () => {
    const { body } = await signedBody(TENANT1.mnemonic);
    const bytes = Buffer.from(body.signature, "base64");
    bytes[5]! ^= 0xff;
    const e = await refusal(verifySignIn(sessions, { ...body, signature: bytes.toString("base64") }, HOST));
    expect(e.message).toMatch(/signature does not match/);
  });

  it("refuses another key presented for the address, and a message signed for another host", async () => {
    const one = await signedBody(TENANT1.mnemonic);
    const two = await signedBody(OTHER_MNEMONIC);
    const e = await refusal(verifySignIn(sessions, { ...one.body, pubkey: two.body.pubkey, signature: two.body.signature }, HOST));
    expect(e.message).toMatch(/does not belong to the address/);
    const other = await signedBody(TENANT1.mnemonic);
    await refusal(verifySignIn(sessions, other.body, "evil.example"));
  });
});

describe("sessions", () => {
  it("stores only the token's hash and finds the address from the cookie", async () => {
    const { token } = await startSession(TENANT2.address, sessions);
    expect(await database.db.session.findUnique({ where: { tokenHash: token } })).toBeNull();
    expect(await database.db.session.findUnique({ where: { tokenHash: hashSessionToken(token) } })).not.toBeNull();
    const req = new Request("http://x/", { headers: { cookie: `a=b; ${SESSION_COOKIE}=${token}` } });
    expect(await getSessionAddress(req, sessions)).toBe(TENANT2.address);
    expect(await getSessionAddress({ get: () => ({ value: token }) }, sessions)).toBe(TENANT2.address);
    expect(await getSessionAddress({ get: () => ({ value: token.replace(/^./, (c) => (c === "A" ? "B" : "A")) }) }, sessions)).toBeNull();
    expect(await getSessionAddress(new Request("http://x/"), sessions)).toBeNull();
  });
});
