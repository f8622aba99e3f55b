/**
 * Certificates, ACT minting, escrow deposits, provider records, audit queries and CometBFT's mempool limits, with
 * the codes, codespaces and raw logs of akash-network/node (v1.2.x handlers, chain-sdk go/node errors). A
 * ValidateBasic failure is refused at CheckTx (cosmjs's broadcast throws BroadcastTxError), a handler failure is a
 * committed tx with "failed to execute message; message index: 0: ...".
 */
import { X509Certificate } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { certificateManager } from "@akashnetwork/chain-sdk";
import * as v1 from "@akashnetwork/chain-sdk/private-types/akash.v1";
import * as v1beta4 from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import * as cosmos from "@akashnetwork/chain-sdk/private-types/cosmos.v1beta1";
import { DirectSecp256k1HdWallet, type EncodeObject, type GeneratedType } from "@cosmjs/proto-signing";
import { GasPrice, SigningStargateClient } from "@cosmjs/stargate";
import { AUDITOR1, PROVIDER_ACCOUNTS, TENANT1, TENANT2, type DevnetAccount } from "./accounts";
import { AKT_PRICE_IN_ACT } from "./chain/params";
import { startDevnet, type Devnet } from "./start";
import { corpusFile } from "../test/support/corpus";
import { closeDeploymentMsg, createDeploymentMsg, sdlDeployment, tenantRegistry, typeUrl } from "../test/support/tenant";

const A = TENANT1.address;
const FEE = { amount: [{ denom: "uakt", amount: "20000" }], gas: "800000" };
const utf8 = (s: string) => new TextEncoder().encode(s);

let devnet: Devnet;
const clients = new Map<string, SigningStargateClient>();

interface Outcome {
  stage: "check" | "deliver";
  code: number;
  codespace: string;
  rawLog: string;
}

async function clientOf(account: DevnetAccount): Promise<SigningStargateClient> {
  let c = clients.get(account.address);
  if (!c) {
    const registry = tenantRegistry();
    for (const t of [v1beta4.MsgCreateProvider, v1beta4.MsgUpdateProvider]) registry.register(typeUrl(t), t as unknown as GeneratedType);
    const wallet = await DirectSecp256k1HdWallet.fromMnemonic(account.mnemonic, { prefix: "akash" });
    c = await SigningStargateClient.connectWithSigner(devnet.endpoints.rpc, wallet, { registry, gasPrice: GasPrice.fromString("0.025uakt"), broadcastPollIntervalMs: 100 });
    clients.set(account.address, c);
  }
  return c;
}

/** Broadcasts with a fixed fee (a simulation would fail first) and reports where it stopped. */
async function send(msgs: EncodeObject[], account: DevnetAccount = TENANT1): Promise<Outcome> {
  const c = await clientOf(account);
  try {
    const r = await c.signAndBroadcast(account.address, msgs, FEE);
    const codespace = r.code ? (await rest(`/cosmos/tx/v1beta1/txs/${r.transactionHash}`)).body.tx_response.codespace : "";
    return { stage: "deliver", code: r.code, codespace, rawLog: r.rawLog ?? "" };
  } catch (e) {
    const err = e as Error & { code?: number; codespace?: string; log?: string };
    if (err.code === undefined) throw e;
    return { stage: "check", code: err.code, codespace: err.codespace ?? "", rawLog: err.log ?? "" };
  }
}

const rest = async (p: string) => {
  const r = await fetch(devnet.endpoints.rest + p);
  return { status: r.status, body: (await r.json()) as Record<string, unknown> & { [k: string]: any } }; // eslint-disable-line @typescript-eslint/no-explicit-any
};

beforeAll(async () => {
  devnet = await startDevnet({ rpcPort: 0, restPort: 0, adminPort: 0, blockTimeMs: 200, providers: false });
});

afterAll(async () => {
  for (const c of clients.values()) c.disconnect();
  await devnet?.stop();
});

describe("x/cert v1", () => {
  const createMsg = (owner: string, cert: string, pubkey: string): EncodeObject => ({
    typeUrl: typeUrl(v1.MsgCreateCertificate),
    value: v1.MsgCreateCertificate.fromPartial({ owner, cert: utf8(cert), pubkey: utf8(pubkey) }),
  });
  const revokeMsg = (serial: string): EncodeObject => ({ typeUrl: typeUrl(v1.MsgRevokeCertificate), value: v1.MsgRevokeCertificate.fromPartial({ id: { owner: A, serial } }) });

  it("creates a certificate, refuses it twice, revokes it, refuses to revoke it twice", async () => {
    const pem = await certificateManager.generatePEM(A);
    const serial = BigInt(`0x${new X509Certificate(pem.cert).serialNumber}`).toString();
    expect(await send([createMsg(A, pem.cert, pem.publicKey)])).toMatchObject({ stage: "deliver", code: 0 });
    const listed = await rest(`/akash/cert/v1/certificates/list?filter.owner=${A}&filter.serial=${serial}`);
    expect(listed.body.certificates[0].certificate.state).toBe("valid");

    expect(await send([createMsg(A, pem.cert, pem.publicKey)])).toEqual({
      stage: "deliver",
      code: 3,
      codespace: "cert",
      rawLog: "failed to execute message; message index: 0: certificate exists",
    });
    expect(await send([revokeMsg(serial)])).toMatchObject({ stage: "deliver", code: 0 });
    expect((await rest(`/akash/cert/v1/certificates/list?filter.owner=${A}&filter.state=revoked`)).body.certificates.map((c: { serial: string }) => c.serial)).toContain(serial);
    expect(await send([revokeMsg(serial)])).toEqual({ stage: "deliver", code: 4, codespace: "cert", rawLog: "failed to execute message; message index: 0: certificate already revoked" });
    expect(await send([revokeMsg("12345")])).toEqual({ stage: "deliver", code: 1, codespace: "cert", rawLog: "failed to execute message; message index: 0: certificate not found" });
  });

  it("refuses at CheckTx what ParseAndValidateCertificate refuses", async () => {
    const mine = await certificateManager.generatePEM(A);
    const other = await certificateManager.generatePEM(TENANT2.address);
    expect(await send([createMsg(A, other.cert, other.publicKey)])).toEqual({
      stage: "check",
      code: 6,
      codespace: "cert",
      rawLog: "invalid certificate value: CommonName does not match owner",
    });
    expect(await send([createMsg(A, mine.cert, other.publicKey)])).toEqual({
      stage: "check",
      code: 6,
      codespace: "cert",
      rawLog: "invalid certificate value: invalid certificate signature",
    });
    expect(await send([createMsg(A, mine.cert, "not a pem")])).toEqual({ stage: "check", code: 7, codespace: "cert", rawLog: "invalid pubkey value" });
    expect(await send([createMsg(A, mine.cert, mine.cert)])).toEqual({ stage: "check", code: 7, codespace: "cert", rawLog: "invalid pubkey value: invalid pem block type" });
    expect(await send([revokeMsg("abc")])).toEqual({ stage: "check", code: 5, codespace: "cert", rawLog: "invalid serial number" });
  });
});

describe("x/bme v1 MsgMintACT", () => {
  const mint = (coin: { denom: string; amount: string }, to = A): EncodeObject => ({
    typeUrl: typeUrl(v1.MsgMintACT),
    value: v1.MsgMintACT.fromPartial({ owner: A, to, coinsToBurn: coin }),
  });

  it("burns uakt and mints uact to `to` at the oracle's price", async () => {
    // the seeded price moves every block: pin it (the admin endpoint) so the expected amount is exact
    const pinned = await fetch(`${devnet.endpoints.admin}/oracle/price`, { method: "POST", body: JSON.stringify({ price: String(AKT_PRICE_IN_ACT) }) });
    expect(pinned.status).toBe(200);
    const c = await clientOf(TENANT1);
    const before = { akt: BigInt((await c.getBalance(A, "uakt")).amount), act: BigInt((await c.getBalance(A, "uact")).amount) };
    expect(await send([mint({ denom: "uakt", amount: "1000000" })])).toMatchObject({ stage: "deliver", code: 0 });
    expect(BigInt((await c.getBalance(A, "uakt")).amount)).toBe(before.akt - 1_000_000n - 20_000n);
    expect(BigInt((await c.getBalance(A, "uact")).amount)).toBe(before.act + 1_000_000n * AKT_PRICE_IN_ACT);
  });

  it("has one route (uakt -> uact), refuses a zero amount and a missing `to`", async () => {
    expect(await send([mint({ denom: "uact", amount: "5" })])).toEqual({
      stage: "deliver",
      code: 9,
      codespace: "bme",
      rawLog: "failed to execute message; message index: 0: invalid swap route uact -> uact: invalid denomination",
    });
    expect(await send([mint({ denom: "uakt", amount: "0" })])).toEqual({ stage: "check", code: 8, codespace: "bme", rawLog: "amount must not be 0: invalid amount" });
    expect(await send([mint({ denom: "uakt", amount: "1" }, "")])).toEqual({
      stage: "check",
      code: 7,
      codespace: "sdk",
      rawLog: "invalid to address: empty address string is not allowed: invalid address",
    });
  });
});

describe("x/escrow v1 MsgAccountDeposit", () => {
  let dseq: bigint;
  const deposit = (xid: string, coin: { denom: string; amount: string }, sources: number[] = [v1.Source.balance], scope = v1.Scope.deployment): EncodeObject => ({
    typeUrl: typeUrl(v1.MsgAccountDeposit),
    value: v1.MsgAccountDeposit.fromPartial({ signer: A, id: { scope, xid }, deposit: { amount: coin, sources } }),
  });

  it("adds to a deployment's escrow account", async () => {
    dseq = BigInt(devnet.chain.height() + 1000);
    const sdl = await sdlDeployment(corpusFile("memos.yaml"));
    expect(await send([createDeploymentMsg(A, dseq, sdl, { denom: "uact", amount: "5000000" })])).toMatchObject({ code: 0 });
    expect(await send([deposit(`${A}/${dseq}`, { denom: "uact", amount: "1000000" })])).toMatchObject({ stage: "deliver", code: 0 });
    const acc = await rest(`/akash/escrow/v1/types/accounts?xid=${A}/${dseq}`);
    expect(acc.body.accounts[0].state.funds[0]).toEqual({ denom: "uact", amount: "6000000.000000000000000000" });
  });

  it("handler errors: unknown account, wrong denom, more than the balance, closed account", async () => {
    expect(await send([deposit(`${A}/1`, { denom: "uact", amount: "1" })])).toEqual({
      stage: "deliver",
      code: 3,
      codespace: "escrow",
      rawLog: "failed to execute message; message index: 0: account not found",
    });
    expect(await send([deposit(`${A}/${dseq}`, { denom: "uakt", amount: "1" })])).toEqual({
      stage: "deliver",
      code: 5,
      codespace: "escrow",
      rawLog: "failed to execute message; message index: 0: invalid denomination",
    });
    expect(await send([deposit(`${A}/${dseq}`, { denom: "uact", amount: "999999999999999" })])).toEqual({
      stage: "deliver",
      code: 28,
      codespace: "market",
      rawLog: "failed to execute message; message index: 0: deposit invalid: insufficient balance",
    });
    expect(await send([closeDeploymentMsg(A, dseq)])).toMatchObject({ code: 0 });
    expect(await send([deposit(`${A}/${dseq}`, { denom: "uact", amount: "1" })])).toEqual({
      stage: "deliver",
      code: 2,
      codespace: "escrow",
      rawLog: "failed to execute message; message index: 0: account closed",
    });
  });

  it("ValidateBasic errors at CheckTx: zero amount, no or duplicate sources, a malformed xid", async () => {
    expect(await send([deposit(`${A}/${dseq}`, { denom: "uact", amount: "0" })])).toEqual({ stage: "check", code: 16, codespace: "escrow", rawLog: "invalid deposit" });
    expect(await send([deposit(`${A}/${dseq}`, { denom: "uact", amount: "1" }, [])])).toEqual({
      stage: "check",
      code: 4,
      codespace: "akash",
      rawLog: "empty deposit sources: invalid deposit source",
    });
    expect(await send([deposit(`${A}/${dseq}`, { denom: "uact", amount: "1" }, [1, 1])])).toEqual({
      stage: "check",
      code: 4,
      codespace: "akash",
      rawLog: "duplicate deposit source type 1: invalid deposit source",
    });
    expect(await send([deposit(`${A}`, { denom: "uact", amount: "1" })])).toEqual({ stage: "check", code: 12, codespace: "escrow", rawLog: "invalid xid format: invalid ID" });
  });

  it("a deployment whose deposit exceeds the balance fails in AuthorizeDeposits (market 28)", async () => {
    const sdl = await sdlDeployment(corpusFile("memos.yaml"));
    expect(await send([createDeploymentMsg(A, dseq + 1n, sdl, { denom: "uact", amount: "999999999999999" })])).toEqual({
      stage: "deliver",
      code: 28,
      codespace: "market",
      rawLog: "failed to execute message; message index: 0: deposit invalid: insufficient balance",
    });
  });
});

describe("x/provider v1beta4 and x/audit v1", () => {
  const P = PROVIDER_ACCOUNTS[0]!;
  const provider = (owner: string, hostUri: string, attributes = [{ key: "region", value: "us-west" }], update = false): EncodeObject => {
    const type = update ? v1beta4.MsgUpdateProvider : v1beta4.MsgCreateProvider;
    return { typeUrl: typeUrl(type), value: type.fromPartial({ owner, hostUri, attributes, info: { email: "", website: "" } }) };
  };

  it("validates the host URI and attributes at CheckTx", async () => {
    expect(await send([provider(P.address, "http://example.com")], P)).toEqual({
      stage: "check",
      code: 1,
      codespace: "provider",
      rawLog: 'scheme in "http://example.com" should be https: invalid provider: invalid host uri',
    });
    expect(await send([provider(P.address, "https://example.com:8443/")], P)).toEqual({
      stage: "check",
      code: 1,
      codespace: "provider",
      rawLog: 'path in "https://example.com:8443/" should be empty: invalid provider: invalid host uri',
    });
    expect(await send([provider(P.address, "example.com")], P)).toEqual({
      stage: "check",
      code: 2,
      codespace: "provider",
      rawLog: 'validating "example.com" for absolute URI: invalid provider: not absolute host uri',
    });
    const dup = [
      { key: "region", value: "a" },
      { key: "region", value: "b" },
    ];
    expect(await send([provider(P.address, "https://example.com:8443", dup)], P)).toEqual({ stage: "check", code: 1, codespace: "akash", rawLog: "attributes cannot have duplicate keys" });
  });

  it("creates a provider once; updating an unknown provider fails", async () => {
    expect(await send([provider(P.address, "https://example.com:8443")], P)).toMatchObject({ stage: "deliver", code: 0 });
    expect(await send([provider(P.address, "https://example.com:8443")], P)).toEqual({
      stage: "deliver",
      code: 4,
      codespace: "provider",
      rawLog: `failed to execute message; message index: 0: id: ${P.address}: invalid provider: already exists`,
    });
    const Q = PROVIDER_ACCOUNTS[1]!;
    expect(await send([provider(Q.address, "https://example.com:8443", [], true)], Q)).toEqual({
      stage: "deliver",
      code: 3,
      codespace: "provider",
      rawLog: `failed to execute message; message index: 0: id: ${Q.address}: invalid provider: address not found`,
    });
  });

  it("serves the audit REST paths of akash.audit.v1.Query", async () => {
    const P1 = P.address;
    expect((await rest(`/akash/audit/v1/audit/attributes/${P1}/list`)).status).toBe(404);
    const signed = await devnet.chain.submitAs(AUDITOR1.address, [
      {
        typeUrl: typeUrl(v1.MsgSignProviderAttributes),
        value: { owner: P1, auditor: AUDITOR1.address, attributes: [{ key: "tier", value: "community" }, { key: "Region", value: "us-west" }] },
      },
    ]);
    expect(signed.code).toBe(0);
    const record = { owner: P1, auditor: AUDITOR1.address, attributes: [{ key: "Region", value: "us-west" }, { key: "tier", value: "community" }] };
    const byOwner = await rest(`/akash/audit/v1/audit/attributes/${P1}/list`);
    expect(byOwner.body).toEqual({ providers: [record], pagination: null });
    const byBoth = await rest(`/akash/audit/v1/audit/attributes/${AUDITOR1.address}/${P1}`);
    expect(byBoth.body).toEqual({ providers: [record], pagination: null });
    expect((await rest(`/akash/audit/v1/audit/attributes/${TENANT2.address}/${P1}`)).status).toBe(404);
    const all = await rest(`/akash/audit/v1/audit/attributes/list?pagination.count_total=true`);
    expect(all.body.providers).toContainEqual(record);
    expect(all.body.pagination.total).toBe(String(all.body.providers.length));
    // the keeper's AuditorAttributes pages through every record whatever the auditor
    const anyAuditor = await rest(`/akash/provider/v1/auditor/${TENANT2.address}/list`);
    expect(anyAuditor.body.providers).toContainEqual(record);
  });
});

describe("CometBFT's mempool in front of CheckTx", () => {
  it("refuses a tx above max_tx_bytes with the RPC error, code 21 over REST", async () => {
    const big = cosmos.TxRaw.encode(cosmos.TxRaw.fromPartial({ bodyBytes: new Uint8Array(1024 * 1024), authInfoBytes: new Uint8Array(), signatures: [] })).finish();
    const c = await clientOf(TENANT1);
    await expect(c.broadcastTx(big)).rejects.toThrow(`Tx too large. Max size is 1048576, but got ${big.length}`);
    const r = await fetch(`${devnet.endpoints.rest}/cosmos/tx/v1beta1/txs`, { method: "POST", body: JSON.stringify({ tx_bytes: Buffer.from(big).toString("base64"), mode: "BROADCAST_MODE_SYNC" }) });
    const body = (await r.json()) as { tx_response: { code: number; codespace: string; raw_log: string } };
    expect(body.tx_response).toMatchObject({ code: 21, codespace: "sdk", raw_log: "" });
  });

  it("refuses a tx it has already seen (tx already exists in cache), code 19 over REST", async () => {
    const c = await clientOf(TENANT1);
    const acc = (await c.getAccount(A))!;
    const send1 = { typeUrl: "/cosmos.bank.v1beta1.MsgSend", value: { fromAddress: A, toAddress: TENANT2.address, amount: [{ denom: "uakt", amount: "1" }] } };
    const signed = await c.sign(A, [send1], FEE, "", { accountNumber: acc.accountNumber, sequence: acc.sequence, chainId: devnet.endpoints.chainId });
    const bytes = cosmos.TxRaw.encode(cosmos.TxRaw.fromPartial(signed)).finish();
    const res = await c.broadcastTx(bytes, 10_000, 100);
    expect(res.code).toBe(0);
    await expect(c.broadcastTx(bytes)).rejects.toThrow("tx already exists in cache");
    const r = await fetch(`${devnet.endpoints.rest}/cosmos/tx/v1beta1/txs`, { method: "POST", body: JSON.stringify({ tx_bytes: Buffer.from(bytes).toString("base64"), mode: "BROADCAST_MODE_SYNC" }) });
    expect(((await r.json()) as { tx_response: { code: number } }).tx_response.code).toBe(19);
  });
});
