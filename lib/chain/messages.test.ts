import { Source } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { MsgAccountDeposit, MsgCreateCertificate, MsgMintACT, MsgRevokeCertificate } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { MsgCloseDeployment, MsgCreateDeployment, MsgUpdateDeployment } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { MsgCloseLease, MsgCreateLease } from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { beforeAll, describe, expect, it } from "vitest";
import {
  closeDeploymentMsg,
  closeLeaseMsg,
  createCertificateMsg,
  createDeploymentMsg,
  createLeaseMsg,
  depositMsg,
  mintActMsg,
  revokeCertificateMsg,
  updateDeploymentMsg,
} from "@/lib/chain/messages";
import { createRegistry } from "@/lib/chain/registry";
import { type CorpusDeployment, corpusDeployment } from "@/test/support/corpus";
import { AppError } from "@/lib/errors/app-error";
import { PROVIDER_ACCOUNTS, TENANT1 } from "../../devnet/accounts";

const OWNER = TENANT1.address;
const PROVIDER = PROVIDER_ACCOUNTS[0]!.address;
const registry = createRegistry();

let llama: CorpusDeployment;
beforeAll(async () => {
  llama = await corpusDeployment("Llama-3.1-8B.yaml");
});

describe("createDeploymentMsg", () => {
  it("encodes a corpus SDL's groups exactly as chain-sdk's own MsgCreateDeployment encoder does", () => {
    const msg = createDeploymentMsg({ owner: OWNER, dseq: 1_234_567n, groups: llama.groups, hash: llama.hash, deposit: { denom: "uact", amount: "5000000" } });
    expect(msg.typeUrl).toBe("/akash.deployment.v1beta4.MsgCreateDeployment");
    const expected = MsgCreateDeployment.encode(
      MsgCreateDeployment.fromPartial({
        id: { owner: OWNER, dseq: "1234567" },
        groups: llama.groups,
        hash: llama.hash,
        deposit: { amount: { denom: "uact", amount: "5000000" }, sources: [Source.balance] },
      }),
    ).finish();
    expect(registry.encode(msg)).toEqual(expected);
  });

  it("puts the prices on the wire as LegacyDec atomics (value x 10^18), as the chain expects", () => {
    const msg = createDeploymentMsg({ owner: OWNER, dseq: "7", groups: llama.groups, hash: llama.hash, deposit: { denom: "uact", amount: "5000000" } });
    const wire = new TextDecoder("latin1").decode(registry.encode(msg));
    expect(wire).toContain("1000000000000000000000000"); // 1000000 uact per block, x 10^18
    const decoded = MsgCreateDeployment.decode(registry.encode(msg));
    expect(decoded.groups[0]?.resources[0]?.price).toEqual({ denom: "uact", amount: "1000000" });
    expect(decoded.id?.dseq.toString()).toBe("7");
  });

  it("refuses bad input with a message that says what to fix", () => {
    const base = { owner: OWNER, dseq: "7", groups: llama.groups, hash: llama.hash, deposit: { denom: "uact", amount: "5000000" } };
    expect(() => createDeploymentMsg({ ...base, owner: "cosmos1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu" })).toThrow(/"cosmos" address; Akash addresses start with "akash1"/);
    expect(() => createDeploymentMsg({ ...base, owner: "akash1notbech32" })).toThrow(/not a valid bech32 address/);
    expect(() => createDeploymentMsg({ ...base, hash: new Uint8Array(31) })).toThrow(/32 bytes/);
    expect(() => createDeploymentMsg({ ...base, deposit: { denom: "uact", amount: "0" } })).toThrow(/positive whole number/);
    expect(() => createDeploymentMsg({ ...base, deposit: { denom: "uakt", amount: "5000000" } })).toThrow(/priced in uact but the deposit is in uakt/);
    expect(() => createDeploymentMsg({ ...base, groups: [] })).toThrow(/at least one group/);
    expect(() => createDeploymentMsg({ ...base, dseq: "-1" })).toThrow(AppError);
    try {
      createDeploymentMsg({ ...base, hash: new Uint8Array(0) });
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe("request.invalid");
    }
  });
});

describe("deployment, lease, escrow, cert and bme builders", () => {
  const bid = { owner: OWNER, dseq: "1234567", gseq: 1, oseq: 1, provider: PROVIDER, bseq: 0 };

  it.each([
    ["updateDeployment", () => updateDeploymentMsg({ owner: OWNER, dseq: "1234567", hash: new Uint8Array(32).fill(7) }), MsgUpdateDeployment, { id: { owner: OWNER, dseq: "1234567" }, hash: new Uint8Array(32).fill(7) }],
    ["closeDeployment", () => closeDeploymentMsg({ owner: OWNER, dseq: 1234567 }), MsgCloseDeployment, { id: { owner: OWNER, dseq: "1234567" } }],
    ["createLease", () => createLeaseMsg(bid), MsgCreateLease, { bidId: bid }],
    ["closeLease", () => closeLeaseMsg(bid), MsgCloseLease, { id: bid, reason: 1 }],
    [
      "deposit",
      () => depositMsg({ owner: OWNER, dseq: "1234567", amount: { denom: "uakt", amount: 500_000n } }),
      MsgAccountDeposit,
      { signer: OWNER, id: { scope: 1, xid: `${OWNER}/1234567` }, deposit: { amount: { denom: "uakt", amount: "500000" }, sources: [Source.balance] } },
    ],
    ["revokeCertificate", () => revokeCertificateMsg({ owner: OWNER, serial: "1716468712345678901" }), MsgRevokeCertificate, { id: { owner: OWNER, serial: "1716468712345678901" } }],
    ["mintAct", () => mintActMsg({ owner: OWNER, amount: { denom: "uakt", amount: "25000000" } }), MsgMintACT, { owner: OWNER, to: OWNER, coinsToBurn: { denom: "uakt", amount: "25000000" } }],
  ] as const)("%s encodes exactly as chain-sdk's encoder", (_name, build, type, partial) => {
    const msg = build();
    expect(msg.typeUrl).toBe(`/${type.$type}`);
    const expected = (type as unknown as { encode(m: unknown): { finish(): Uint8Array }; fromPartial(p: unknown): unknown });
    expect(registry.encode(msg)).toEqual(expected.encode(expected.fromPartial(partial)).finish());
  });

  it("stores the certificate's PEM text as bytes", () => {
    const certPem = "-----BEGIN CERTIFICATE-----\nMIIBnDCCAUGgAwIBAgIIF9Yc\n-----END CERTIFICATE-----\n";
    const pubkeyPem = "-----BEGIN EC PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END EC PUBLIC KEY-----\n";
    const msg = createCertificateMsg({ owner: OWNER, certPem, pubkeyPem });
    const expected = MsgCreateCertificate.encode(MsgCreateCertificate.fromPartial({ owner: OWNER, cert: new TextEncoder().encode(certPem), pubkey: new TextEncoder().encode(pubkeyPem) })).finish();
    expect(registry.encode(msg)).toEqual(expected);
    expect(() => createCertificateMsg({ owner: OWNER, certPem: "not a pem", pubkeyPem })).toThrow(/PEM block/);
  });

  it("refuses impossible ids and amounts", () => {
    expect(() => createLeaseMsg({ ...bid, gseq: 0 })).toThrow(/gseq must be a whole number from 1/);
    expect(() => createLeaseMsg({ ...bid, provider: "akash1xyz" })).toThrow(/provider "akash1xyz" is not a valid bech32 address/);
    expect(() => depositMsg({ owner: OWNER, dseq: "1", amount: { denom: "uakt", amount: "1.5" } })).toThrow(/positive whole number/);
    expect(() => depositMsg({ owner: OWNER, dseq: "1", amount: { denom: "uatom", amount: "1" } })).toThrow(/uakt or uact/);
    expect(() => mintActMsg({ owner: OWNER, amount: { denom: "uact", amount: "1" } })).toThrow(/must be in uakt/);
    expect(() => revokeCertificateMsg({ owner: OWNER, serial: "0xabc" })).toThrow(/decimal serial/);
  });
});
