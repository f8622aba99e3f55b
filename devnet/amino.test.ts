/**
 * SIGN_MODE_LEGACY_AMINO_JSON (the Ledger path) for Akash messages, two ways:
 * 1. golden documents: the devnet's encoder (devnet/chain/amino-json.ts) against JSON written by hand from the rules
 *    of cosmos-sdk x/tx aminojson (see that file's header);
 * 2. on a running devnet, every tenant message signed by @cosmjs/amino's Secp256k1HdWallet.signAmino over a sign doc
 *    built here with a second, independent converter (ts-proto object -> amino JSON) and cosmjs's makeSignDoc, and
 *    broadcast: code 0; a doc that differs from the body (tampered, legacy amino names, gogoproto jsontags, human
 *    decimals) fails with code 4.
 */
import { X509Certificate } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { certificateManager } from "@akashnetwork/chain-sdk";
import * as v1 from "@akashnetwork/chain-sdk/private-types/akash.v1";
import * as cosmos from "@akashnetwork/chain-sdk/private-types/cosmos.v1beta1";
import { SignMode } from "@akashnetwork/chain-sdk/private-types/cosmos.v1beta1";
import * as v1beta4 from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import * as v1beta5 from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { Secp256k1HdWallet, encodeSecp256k1Pubkey, makeSignDoc, serializeSignDoc, type AminoMsg, type StdFee } from "@cosmjs/amino";
import { toBase64 } from "@cosmjs/encoding";
import { encodePubkey, makeAuthInfoBytes, type EncodeObject } from "@cosmjs/proto-signing";
import { AminoTypes, StargateClient, createBankAminoConverters } from "@cosmjs/stargate";
import { PROVIDER_ACCOUNTS, TENANT1 } from "./accounts";
import { aminoMsgJson, aminoSignBytes } from "./chain/amino-json";
import { startDevnet, type Devnet } from "./start";
import { corpusFile } from "../test/support/corpus";
import { closeDeploymentMsg, createDeploymentMsg, sdlDeployment, tenantRegistry, typeUrl } from "../test/support/tenant";

const A = TENANT1.address;
const P = PROVIDER_ACCOUNTS[0]!.address;
const utf8 = (s: string) => new TextEncoder().encode(s);
const registry = tenantRegistry();
const bytesOf = (m: EncodeObject) => registry.encode(m);
const json = (m: EncodeObject) => aminoMsgJson(m.typeUrl, bytesOf(m));

// ---------------------------------------------------------------- 1. golden documents

describe("amino JSON of Akash messages, as x/tx aminojson writes them", () => {
  it("MsgCreateDeployment: type URL as name, proto field names sorted, LegacyDec price, base64 bytes, enum numbers, {} for present empty messages", () => {
    const m: EncodeObject = {
      typeUrl: "/akash.deployment.v1beta4.MsgCreateDeployment",
      value: v1beta4.MsgCreateDeployment.fromPartial({
        id: { owner: A, dseq: "42" },
        groups: [
          {
            name: "web",
            requirements: { signedBy: { allOf: [], anyOf: ["akash1x"] }, attributes: [{ key: "region", value: "us-west" }] },
            resources: [
              {
                resource: {
                  id: 1,
                  cpu: { units: { val: utf8("100") }, attributes: [] },
                  memory: { quantity: { val: utf8("536870912") }, attributes: [] },
                  storage: [{ name: "default", quantity: { val: utf8("1073741824") }, attributes: [] }],
                  gpu: { units: { val: utf8("0") }, attributes: [] },
                  endpoints: [{ kind: 0, sequenceNumber: 0 }],
                },
                count: 1,
                // chain-sdk's patched codec writes "1000" as the LegacyDec atomics 1000000000000000000000
                price: { denom: "uakt", amount: "1000" },
              },
            ],
          },
        ],
        hash: new Uint8Array([1, 2, 3]),
        deposit: { amount: { denom: "uakt", amount: "5000000" }, sources: [1] },
      }),
    };
    expect(json(m)).toBe(
      `{"type":"/akash.deployment.v1beta4.MsgCreateDeployment","value":{` +
        `"deposit":{"amount":{"amount":"5000000","denom":"uakt"},"sources":[1]},` +
        `"groups":[{"name":"web","requirements":{"attributes":[{"key":"region","value":"us-west"}],"signed_by":{"any_of":["akash1x"]}},` +
        `"resources":[{"count":1,"price":{"amount":"1000.000000000000000000","denom":"uakt"},` +
        `"resource":{"cpu":{"units":{"val":"MTAw"}},"endpoints":[{}],"gpu":{"units":{"val":"MA=="}},"id":1,` +
        `"memory":{"quantity":{"val":"NTM2ODcwOTEy"}},"storage":[{"name":"default","quantity":{"val":"MTA3Mzc0MTgyNA=="}}]}}]}],` +
        `"hash":"AQID","id":{"dseq":"42","owner":"${A}"}}}`,
    );
  });

  it("MsgUpdateDeployment and MsgCloseDeployment", () => {
    const update = { typeUrl: "/akash.deployment.v1beta4.MsgUpdateDeployment", value: v1beta4.MsgUpdateDeployment.fromPartial({ id: { owner: A, dseq: "7" }, hash: new Uint8Array([255]) }) };
    expect(json(update)).toBe(`{"type":"/akash.deployment.v1beta4.MsgUpdateDeployment","value":{"hash":"/w==","id":{"dseq":"7","owner":"${A}"}}}`);
    expect(json(closeDeploymentMsg(A, 7n))).toBe(`{"type":"/akash.deployment.v1beta4.MsgCloseDeployment","value":{"id":{"dseq":"7","owner":"${A}"}}}`);
  });

  it("MsgCreateLease: the key is bid_id (proto name), not the gogoproto jsontag id; bseq 0 is omitted", () => {
    const m = { typeUrl: "/akash.market.v1beta5.MsgCreateLease", value: v1beta5.MsgCreateLease.fromPartial({ bidId: { owner: A, dseq: "42", gseq: 1, oseq: 1, provider: P, bseq: 0 } }) };
    expect(json(m)).toBe(`{"type":"/akash.market.v1beta5.MsgCreateLease","value":{"bid_id":{"dseq":"42","gseq":1,"oseq":1,"owner":"${A}","provider":"${P}"}}}`);
  });

  it("MsgCloseLease: the reason enum is a number, omitted when 0", () => {
    const id = { owner: A, dseq: "42", gseq: 1, oseq: 2, provider: P, bseq: 3 };
    const owner = { typeUrl: "/akash.market.v1beta5.MsgCloseLease", value: v1beta5.MsgCloseLease.fromPartial({ id, reason: 1 }) };
    expect(json(owner)).toBe(`{"type":"/akash.market.v1beta5.MsgCloseLease","value":{"id":{"bseq":3,"dseq":"42","gseq":1,"oseq":2,"owner":"${A}","provider":"${P}"},"reason":1}}`);
    const none = { typeUrl: "/akash.market.v1beta5.MsgCloseLease", value: v1beta5.MsgCloseLease.fromPartial({ id }) };
    expect(json(none)).not.toContain("reason");
  });

  it("MsgAccountDeposit: escrow scope as a number, sources not deposit_sources", () => {
    const m = {
      typeUrl: "/akash.escrow.v1.MsgAccountDeposit",
      value: v1.MsgAccountDeposit.fromPartial({ signer: A, id: { scope: 1, xid: `${A}/42` }, deposit: { amount: { denom: "uact", amount: "1000" }, sources: [1] } }),
    };
    expect(json(m)).toBe(`{"type":"/akash.escrow.v1.MsgAccountDeposit","value":{"deposit":{"amount":{"amount":"1000","denom":"uact"},"sources":[1]},"id":{"scope":1,"xid":"${A}/42"},"signer":"${A}"}}`);
  });

  it("MsgCreateCertificate and MsgRevokeCertificate: PEM bytes as base64, serial as a string", () => {
    const create = { typeUrl: "/akash.cert.v1.MsgCreateCertificate", value: v1.MsgCreateCertificate.fromPartial({ owner: A, cert: utf8("C"), pubkey: utf8("P") }) };
    expect(json(create)).toBe(`{"type":"/akash.cert.v1.MsgCreateCertificate","value":{"cert":"Qw==","owner":"${A}","pubkey":"UA=="}}`);
    const revoke = { typeUrl: "/akash.cert.v1.MsgRevokeCertificate", value: v1.MsgRevokeCertificate.fromPartial({ id: { owner: A, serial: "123" } }) };
    expect(json(revoke)).toBe(`{"type":"/akash.cert.v1.MsgRevokeCertificate","value":{"id":{"owner":"${A}","serial":"123"}}}`);
  });

  it("MsgMintACT: the one with an amino.name (akash/bme/v1/MsgMintACT)", () => {
    const m = { typeUrl: "/akash.bme.v1.MsgMintACT", value: v1.MsgMintACT.fromPartial({ owner: A, to: A, coinsToBurn: { denom: "uakt", amount: "1000000" } }) };
    expect(json(m)).toBe(`{"type":"akash/bme/v1/MsgMintACT","value":{"coins_to_burn":{"amount":"1000000","denom":"uakt"},"owner":"${A}","to":"${A}"}}`);
  });

  it("Coin.amount is dont_omitempty (\"\" -> \"0\"); an empty DecCoin.amount is omitted; strings are escaped like Go's encoding/json", () => {
    const m = { typeUrl: "/akash.bme.v1.MsgMintACT", value: v1.MsgMintACT.fromPartial({ owner: "<&>\u2028", coinsToBurn: { denom: "uakt", amount: "" } }) };
    expect(json(m)).toBe(`{"type":"akash/bme/v1/MsgMintACT","value":{"coins_to_burn":{"amount":"0","denom":"uakt"},"owner":"\\u003c\\u0026\\u003e\\u2028"}}`);
    const lease = { typeUrl: "/akash.deployment.v1beta4.MsgCreateDeployment", value: v1beta4.MsgCreateDeployment.fromPartial({ groups: [{ name: "g", resources: [{ count: 1, price: { denom: "uakt", amount: "" } }] }] }) };
    expect(json(lease)).toBe(`{"type":"/akash.deployment.v1beta4.MsgCreateDeployment","value":{"groups":[{"name":"g","resources":[{"count":1,"price":{"denom":"uakt"}}]}]}}`);
  });

  it("bank MsgSend matches cosmjs's own amino converter byte for byte, sign doc included", () => {
    const send = { typeUrl: "/cosmos.bank.v1beta1.MsgSend", value: { fromAddress: A, toAddress: P, amount: [{ denom: "uakt", amount: "1" }] } };
    const fee: StdFee = { amount: [{ denom: "uakt", amount: "5000" }], gas: "200000" };
    const cosmjs = serializeSignDoc(makeSignDoc([new AminoTypes(createBankAminoConverters()).toAmino(send)], fee, "c", "m<", 3, 4));
    const body = registry.encode({ typeUrl: "/cosmos.tx.v1beta1.TxBody", value: { messages: [send], memo: "m<" } });
    const ours = aminoSignBytes({ bodyBytes: body, fee: { amount: [...fee.amount], gasLimit: 200000n, payer: "", granter: "" }, chainId: "c", accountNumber: 3, sequence: 4 });
    expect(new TextDecoder().decode(ours)).toBe(new TextDecoder().decode(cosmjs));
    const empty = { typeUrl: "/cosmos.bank.v1beta1.MsgSend", value: { fromAddress: A, toAddress: P, amount: [] } };
    expect(json(empty)).toBe(`{"type":"cosmos-sdk/MsgSend","value":{"amount":[],"from_address":"${A}","to_address":"${P}"}}`);
  });

  it("the sign doc: sorted keys, memo always, timeout_height only when set, fee payer/granter only when set", () => {
    const body = registry.encode({ typeUrl: "/cosmos.tx.v1beta1.TxBody", value: { messages: [closeDeploymentMsg(A, 7n)], memo: "", timeoutHeight: 99n } });
    const doc = aminoSignBytes({ bodyBytes: body, fee: { amount: [], gasLimit: 0n, payer: "", granter: P }, chainId: "akash-devnet-1", accountNumber: 0, sequence: 0 });
    expect(new TextDecoder().decode(doc)).toBe(
      `{"account_number":"0","chain_id":"akash-devnet-1","fee":{"amount":[],"gas":"0","granter":"${P}"},"memo":"",` +
        `"msgs":[{"type":"/akash.deployment.v1beta4.MsgCloseDeployment","value":{"id":{"dseq":"7","owner":"${A}"}}}],"sequence":"0","timeout_height":"99"}`,
    );
  });

  it("rejects what x/tx rejects: unknown fields, extension options, a LegacyDec that is not an integer", () => {
    const sign = (bodyBytes: Uint8Array) => () => aminoSignBytes({ bodyBytes, fee: { amount: [], gasLimit: 1n, payer: "", granter: "" }, chainId: "c", accountNumber: 0, sequence: 0 });
    const close = bytesOf(closeDeploymentMsg(A, 7n));
    const withUnknown = new Uint8Array([...close, 0x48, 0x01]); // field 9, varint 1
    const body = (value: Uint8Array) => cosmos.TxBody.encode(cosmos.TxBody.fromPartial({ messages: [{ typeUrl: "/akash.deployment.v1beta4.MsgCloseDeployment", value }] })).finish();
    expect(sign(body(withUnknown))).toThrow(/unknown field 9/);
    const ext = cosmos.TxBody.encode(cosmos.TxBody.fromPartial({ messages: [{ typeUrl: "/akash.deployment.v1beta4.MsgCloseDeployment", value: close }], extensionOptions: [{ typeUrl: "/x", value: new Uint8Array() }] })).finish();
    expect(sign(ext)).toThrow(/extension options/);
    // a DecCoin whose wire amount is "1.5" (chain-sdk's encoder would have written atomics): hand-made bytes
    const ld = (no: number, b: Uint8Array) => [(no << 3) | 2, b.length, ...b];
    const decCoin = new Uint8Array([...ld(1, utf8("uakt")), ...ld(2, utf8("1.5"))]);
    const unit = new Uint8Array([0x10, 0x01, ...ld(3, decCoin)]);
    const group = new Uint8Array([...ld(1, utf8("g")), ...ld(3, unit)]);
    const human = new Uint8Array(ld(2, group));
    const deployBody = cosmos.TxBody.encode(cosmos.TxBody.fromPartial({ messages: [{ typeUrl: "/akash.deployment.v1beta4.MsgCreateDeployment", value: human }] })).finish();
    expect(sign(deployBody)).toThrow(/into Dec/);
  });
});

// ---------------------------------------------------------------- 2. signed and broadcast

/**
 * The test's own converter, written the way a client would (from the ts-proto object, not from the wire): proto
 * names in snake_case, zero scalars and empty lists dropped, set messages kept even when empty, uint64 as strings,
 * bytes as base64, DecCoin amounts (human decimals in chain-sdk's patched objects) to LegacyDec's 18 decimals.
 */
function toAmino(value: unknown, decimal = false): unknown {
  if (value instanceof Uint8Array) return value.length ? toBase64(value) : undefined;
  if (Array.isArray(value)) return value.length ? value.map((v) => toAmino(v) ?? (typeof v === "object" ? {} : v)) : undefined;
  if (typeof value === "bigint") return value === 0n ? undefined : value.toString();
  if (value !== null && typeof value === "object") {
    if ("high" in value && "low" in value && "unsigned" in value) return String(value) === "0" ? undefined : String(value); // Long
    const out: Record<string, unknown> = {};
    const isDecCoin = Object.keys(value).sort().join() === "amount,denom" && decimal;
    for (const [k, v] of Object.entries(value)) {
      const key = k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      const conv = isDecCoin && k === "amount" ? decString(v as string) : toAmino(v, decimal || key === "price");
      if (conv !== undefined) out[key] = conv;
    }
    return out;
  }
  if (value === "" || value === 0 || value === false || value === undefined || value === null) return undefined;
  return value;
}

function decString(human: string): string | undefined {
  if (!human) return undefined;
  const [int, frac = ""] = human.split(".");
  return `${int}.${frac.padEnd(18, "0")}`;
}

const AMINO_NAMES: Record<string, string> = { "/akash.bme.v1.MsgMintACT": "akash/bme/v1/MsgMintACT" };
const aminoOf = (m: EncodeObject): AminoMsg => ({ type: AMINO_NAMES[m.typeUrl] ?? m.typeUrl, value: toAmino(m.value) as Record<string, unknown> });

let devnet: Devnet;
let wallet: Secp256k1HdWallet;
let client: StargateClient;
const FEE: StdFee = { amount: [{ denom: "uakt", amount: "20000" }], gas: "800000" };

beforeAll(async () => {
  devnet = await startDevnet({ rpcPort: 0, restPort: 0, adminPort: 0, blockTimeMs: 200, providers: false });
  wallet = await Secp256k1HdWallet.fromMnemonic(TENANT1.mnemonic, { prefix: "akash" });
  client = await StargateClient.connect(devnet.endpoints.rpc);
});

afterAll(async () => {
  client?.disconnect();
  await devnet?.stop();
});

/** Signs `aminoMsgs` (default: this test's conversion of `msgs`) with signAmino, broadcasts the body of `msgs`. */
async function signAminoAndBroadcast(msgs: EncodeObject[], aminoMsgs = msgs.map(aminoOf), memo = "") {
  const [account] = await wallet.getAccounts();
  const acc = await client.getAccount(A);
  const doc = makeSignDoc(aminoMsgs, FEE, devnet.endpoints.chainId, memo, acc?.accountNumber ?? 0, acc?.sequence ?? 0);
  const { signature, signed } = await wallet.signAmino(A, doc);
  const bodyBytes = registry.encode({ typeUrl: "/cosmos.tx.v1beta1.TxBody", value: { messages: msgs, memo } });
  const authInfoBytes = makeAuthInfoBytes(
    [{ pubkey: encodePubkey(encodeSecp256k1Pubkey(account!.pubkey)), sequence: Number(signed.sequence) }],
    signed.fee.amount,
    Number(signed.fee.gas),
    undefined,
    undefined,
    SignMode.SIGN_MODE_LEGACY_AMINO_JSON,
  );
  const tx = cosmos.TxRaw.encode(cosmos.TxRaw.fromPartial({ bodyBytes, authInfoBytes, signatures: [Buffer.from(signature.signature, "base64")] })).finish();
  // CheckTx failures reject with cosmjs's BroadcastTxError (code, log)
  return client.broadcastTx(tx, 10_000, 100).catch((e: Error & { code?: number; log?: string }) => ({ code: e.code ?? -1, rawLog: e.log ?? e.message }));
}

describe("amino-signed Akash transactions on the devnet (Secp256k1HdWallet.signAmino)", () => {
  let dseq: bigint;

  it("MsgCreateDeployment from a corpus SDL, then MsgAccountDeposit and MsgUpdateDeployment", async () => {
    const sdl = await sdlDeployment(corpusFile("memos.yaml"));
    dseq = BigInt(await client.getHeight());
    const create = await signAminoAndBroadcast([createDeploymentMsg(A, dseq, sdl, { denom: "uact", amount: "5000000" })]);
    expect(create.code, create.rawLog).toBe(0);
    const deposit: EncodeObject = {
      typeUrl: typeUrl(v1.MsgAccountDeposit),
      value: v1.MsgAccountDeposit.fromPartial({ signer: A, id: { scope: v1.Scope.deployment, xid: `${A}/${dseq}` }, deposit: { amount: { denom: "uact", amount: "1000000" }, sources: [v1.Source.balance] } }),
    };
    const update: EncodeObject = {
      typeUrl: typeUrl(v1beta4.MsgUpdateDeployment),
      value: v1beta4.MsgUpdateDeployment.fromPartial({ id: { owner: A, dseq: dseq.toString() }, hash: sdl.hash }),
    };
    const both = await signAminoAndBroadcast([deposit, update], undefined, "deposit & update <ledger>");
    expect(both.code, both.rawLog).toBe(0);
  });

  it("MsgCreateLease and MsgCloseLease (reason as an enum number), then MsgCloseDeployment", async () => {
    const reg = await devnet.chain.submitAs(P, [
      { typeUrl: `/${v1beta4.MsgCreateProvider.$type}`, value: { owner: P, hostUri: "https://127.0.0.1:8443", attributes: [], info: { email: "", website: "" } } },
    ]);
    expect(reg.code, reg.rawLog).toBe(0);
    const bidId = { owner: A, dseq: dseq.toString(), gseq: 1, oseq: 1, provider: P, bseq: 0 };
    const bid = await devnet.chain.submitAs(P, [{ typeUrl: `/${v1beta5.MsgCreateBid.$type}`, value: { id: bidId, price: { denom: "uact", amount: "10.5" } } }]);
    expect(bid.code, bid.rawLog).toBe(0);
    const lease = await signAminoAndBroadcast([{ typeUrl: typeUrl(v1beta5.MsgCreateLease), value: v1beta5.MsgCreateLease.fromPartial({ bidId }) }]);
    expect(lease.code, lease.rawLog).toBe(0);
    const closeLease = await signAminoAndBroadcast([{ typeUrl: typeUrl(v1beta5.MsgCloseLease), value: v1beta5.MsgCloseLease.fromPartial({ id: bidId, reason: v1.LeaseClosedReason.lease_closed_owner }) }]);
    expect(closeLease.code, closeLease.rawLog).toBe(0);
    const close = await signAminoAndBroadcast([closeDeploymentMsg(A, dseq)]);
    expect(close.code, close.rawLog).toBe(0);
  });

  it("MsgCreateCertificate and MsgRevokeCertificate", async () => {
    const pem = await certificateManager.generatePEM(A);
    const create = await signAminoAndBroadcast([
      { typeUrl: typeUrl(v1.MsgCreateCertificate), value: v1.MsgCreateCertificate.fromPartial({ owner: A, cert: utf8(pem.cert), pubkey: utf8(pem.publicKey) }) },
    ]);
    expect(create.code, create.rawLog).toBe(0);
    const serial = BigInt(`0x${new X509Certificate(pem.cert).serialNumber}`).toString();
    const revoke = await signAminoAndBroadcast([{ typeUrl: typeUrl(v1.MsgRevokeCertificate), value: v1.MsgRevokeCertificate.fromPartial({ id: { owner: A, serial } }) }]);
    expect(revoke.code, revoke.rawLog).toBe(0);
  });

  it("MsgMintACT (amino name akash/bme/v1/MsgMintACT)", async () => {
    const mint = await signAminoAndBroadcast([{ typeUrl: typeUrl(v1.MsgMintACT), value: v1.MsgMintACT.fromPartial({ owner: A, to: A, coinsToBurn: { denom: "uakt", amount: "1000000" } }) }]);
    expect(mint.code, mint.rawLog).toBe(0);
  });

  it("a sign doc that is not the body's fails with code 4 and the chain's amino raw log", async () => {
    const msg = closeDeploymentMsg(A, 999_999n);
    const acc = (await client.getAccount(A))!;
    const expectUnauthorized = (r: { code: number; rawLog?: string }) => {
      expect(r.code).toBe(4);
      expect(r.rawLog).toBe(
        `signature verification failed; please verify account number (${acc.accountNumber}), sequence (${acc.sequence}) and chain-id (akash-devnet-1): unauthorized`,
      );
    };
    // tampered: another dseq than the body carries
    expectUnauthorized(await signAminoAndBroadcast([msg], [{ type: "/akash.deployment.v1beta4.MsgCloseDeployment", value: { id: { owner: A, dseq: "1000000" } } }]));
    // the legacy amino codec's name, which x/tx does not use
    expectUnauthorized(await signAminoAndBroadcast([msg], [{ type: "akash-sdk/x/deployment/close-deployment", value: { id: { owner: A, dseq: "999999" } } }]));
    // the amino name without the leading slash
    expectUnauthorized(await signAminoAndBroadcast([msg], [{ type: "akash.deployment.v1beta4.MsgCloseDeployment", value: { id: { owner: A, dseq: "999999" } } }]));
    // MsgCreateLease keyed by the gogoproto jsontag "id" instead of the proto name "bid_id"
    const bidId = { owner: A, dseq: "5", gseq: 1, oseq: 1, provider: P };
    const lease = { typeUrl: typeUrl(v1beta5.MsgCreateLease), value: v1beta5.MsgCreateLease.fromPartial({ bidId }) };
    expectUnauthorized(await signAminoAndBroadcast([lease], [{ type: lease.typeUrl, value: { id: { ...bidId, dseq: "5" } } }]));
  });
});
