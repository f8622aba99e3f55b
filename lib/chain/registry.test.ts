import { makeSignDoc, serializeSignDoc, Secp256k1HdWallet } from "@cosmjs/amino";
import { Secp256k1, Secp256k1Signature, sha256 } from "@cosmjs/crypto";
import { fromBase64 } from "@cosmjs/encoding";
import { AuthInfo, TxBody } from "@akashnetwork/chain-sdk/private-types/cosmos.v1beta1";
import { DirectSecp256k1HdWallet, type EncodeObject, makeSignBytes, makeSignDoc as makeDirectSignDoc } from "@cosmjs/proto-signing";
import { SigningStargateClient } from "@cosmjs/stargate";
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
import { AMINO_NAMES, createAminoTypes, createRegistry, TYPE_URLS } from "@/lib/chain/registry";
import { type CorpusDeployment, corpusDeployment } from "@/test/support/corpus";
import { PROVIDER_ACCOUNTS, TENANT1 } from "../../devnet/accounts";

const MNEMONIC = TENANT1.mnemonic;
const OWNER = TENANT1.address;
const PROVIDER = PROVIDER_ACCOUNTS[0]!.address;
const CHAIN_ID = "akash-devnet-1";
const FEE = { amount: [{ denom: "uakt", amount: "5000" }], gas: "200000" };

const registry = createRegistry();
const aminoTypes = createAminoTypes();
let deployment: CorpusDeployment;
let allMessages: EncodeObject[];

beforeAll(async () => {
  deployment = await corpusDeployment("Llama-3.1-8B.yaml");
  const bid = { owner: OWNER, dseq: "1234567", gseq: 1, oseq: 1, provider: PROVIDER, bseq: 0 };
  allMessages = [
    createDeploymentMsg({ owner: OWNER, dseq: "1234567", groups: deployment.groups, hash: deployment.hash, deposit: { denom: "uact", amount: "5000000" } }),
    updateDeploymentMsg({ owner: OWNER, dseq: "1234567", hash: deployment.hash }),
    closeDeploymentMsg({ owner: OWNER, dseq: "1234567" }),
    createLeaseMsg(bid),
    closeLeaseMsg(bid),
    depositMsg({ owner: OWNER, dseq: "1234567", amount: { denom: "uakt", amount: "500000" } }),
    createCertificateMsg({
      owner: OWNER,
      certPem: "-----BEGIN CERTIFICATE-----\nMIIBnDCCAUGgAwIBAgIIF9Yc\n-----END CERTIFICATE-----\n",
      pubkeyPem: "-----BEGIN EC PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END EC PUBLIC KEY-----\n",
    }),
    revokeCertificateMsg({ owner: OWNER, serial: "1716468712345678901" }),
    mintActMsg({ owner: OWNER, amount: { denom: "uakt", amount: "25000000" } }),
  ];
});

describe("createRegistry", () => {
  it("knows every message the console sends, under the chain's type URLs", () => {
    expect(TYPE_URLS).toEqual({
      createDeployment: "/akash.deployment.v1beta4.MsgCreateDeployment",
      updateDeployment: "/akash.deployment.v1beta4.MsgUpdateDeployment",
      closeDeployment: "/akash.deployment.v1beta4.MsgCloseDeployment",
      createLease: "/akash.market.v1beta5.MsgCreateLease",
      closeLease: "/akash.market.v1beta5.MsgCloseLease",
      accountDeposit: "/akash.escrow.v1.MsgAccountDeposit",
      createCertificate: "/akash.cert.v1.MsgCreateCertificate",
      revokeCertificate: "/akash.cert.v1.MsgRevokeCertificate",
      mintAct: "/akash.bme.v1.MsgMintACT",
    });
    for (const url of Object.values(TYPE_URLS)) expect(registry.lookupType(url)).toBeDefined();
  });

  it("round-trips every message: decode(encode(m)) re-encodes to the same bytes", () => {
    for (const msg of allMessages) {
      const bytes = registry.encode(msg);
      const decoded: unknown = registry.decode({ typeUrl: msg.typeUrl, value: bytes });
      expect(registry.encode({ typeUrl: msg.typeUrl, value: decoded }), msg.typeUrl).toEqual(bytes);
    }
  });
});

describe("createAminoTypes", () => {
  it("uses the amino names cosmos-sdk 0.53 derives: amino.name where set, else the type URL", () => {
    expect(aminoTypes.toAmino(allMessages[0]!).type).toBe("/akash.deployment.v1beta4.MsgCreateDeployment");
    expect(aminoTypes.toAmino(allMessages[8]!).type).toBe("akash/bme/v1/MsgMintACT");
    expect(AMINO_NAMES.createLease).toBe("/akash.market.v1beta5.MsgCreateLease");
  });

  it("writes the deployment as the chain's amino JSON: snake_case, string dseq, base64 bytes, LegacyDec prices", () => {
    const { value } = aminoTypes.toAmino(allMessages[0]!);
    expect(value.id).toEqual({ owner: OWNER, dseq: "1234567" });
    expect(fromBase64(value.hash)).toEqual(deployment.hash);
    expect(value.deposit).toEqual({ amount: { denom: "uact", amount: "5000000" }, sources: [1] });
    const unit = value.groups[0].resources[0];
    expect(unit.price).toEqual({ denom: "uact", amount: "1000000.000000000000000000" });
    expect(unit.count).toBe(1);
    // present-but-empty messages stay, empty lists and zero scalars go (x/tx aminojson omitempty)
    expect(value.groups[0].requirements).toEqual({ signed_by: {} });
    expect(unit.resource.endpoints).toEqual([{ kind: 1 }]);
    expect(new TextDecoder().decode(fromBase64(unit.resource.gpu.units.val))).toBe("1");
  });

  it("round-trips every message through amino JSON to identical protobuf bytes", () => {
    for (const msg of allMessages) {
      const back = aminoTypes.fromAmino(JSON.parse(JSON.stringify(aminoTypes.toAmino(msg))));
      expect(back.typeUrl).toBe(msg.typeUrl);
      expect(registry.encode(back), msg.typeUrl).toEqual(registry.encode(msg));
    }
  });
});

describe("signing with the devnet test mnemonic", () => {
  const signerData = { accountNumber: 7, sequence: 3, chainId: CHAIN_ID };

  it("signs amino JSON (the Ledger path) and broadcasts the very messages the direct path would", async () => {
    const wallet = await Secp256k1HdWallet.fromMnemonic(MNEMONIC, { prefix: "akash" });
    const [account] = await wallet.getAccounts();
    expect(account?.address).toBe(OWNER);
    const client = await SigningStargateClient.offline(wallet, { registry, aminoTypes });
    const txRaw = await client.sign(OWNER, allMessages, FEE, "console", signerData);

    const body = TxBody.decode(txRaw.bodyBytes);
    expect(body.messages.map((m) => m.typeUrl)).toEqual(allMessages.map((m) => m.typeUrl));
    body.messages.forEach((any, i) => expect(any.value).toEqual(registry.encode(allMessages[i]!)));

    const signDoc = makeSignDoc(allMessages.map((m) => aminoTypes.toAmino(m)), FEE, CHAIN_ID, "console", 7, 3);
    const signature = Secp256k1Signature.fromFixedLength(txRaw.signatures[0]!);
    const ok = await Secp256k1.verifySignature(signature, sha256(serializeSignDoc(signDoc)), account!.pubkey);
    expect(ok).toBe(true);
  });

  it("signs direct (Keplr's default) over the registry's encoding", async () => {
    const wallet = await DirectSecp256k1HdWallet.fromMnemonic(MNEMONIC, { prefix: "akash" });
    const [account] = await wallet.getAccounts();
    const client = await SigningStargateClient.offline(wallet, { registry, aminoTypes });
    const txRaw = await client.sign(OWNER, allMessages.slice(0, 3), FEE, "", signerData);
    const signDoc = makeDirectSignDoc(txRaw.bodyBytes, txRaw.authInfoBytes, CHAIN_ID, 7);
    const signature = Secp256k1Signature.fromFixedLength(txRaw.signatures[0]!);
    expect(await Secp256k1.verifySignature(signature, sha256(makeSignBytes(signDoc)), account!.pubkey)).toBe(true);
    expect(AuthInfo.decode(txRaw.authInfoBytes).signerInfos[0]?.sequence.toString()).toBe("3");
  });
});
