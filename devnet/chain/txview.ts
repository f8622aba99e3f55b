/** Views of committed transactions shared by abci GetTx and REST /cosmos/tx/v1beta1/txs. */
import type { App } from "./app";
import type { IndexedTx } from "./blocks";
import { ChainError } from "./errors";
import { cosmos, fromB64, msgCodecs } from "./codec";

export function txResponseProto(app: App, t: IndexedTx) {
  const txBytes = fromB64(t.tx);
  const raw = cosmos.TxRaw.decode(txBytes);
  const tx = { body: cosmos.TxBody.decode(raw.bodyBytes), authInfo: cosmos.AuthInfo.decode(raw.authInfoBytes), signatures: raw.signatures };
  const block = app.blocks[t.height - 1];
  return {
    tx,
    txResponse: {
      height: String(t.height),
      txhash: t.hash,
      codespace: t.result.codespace,
      code: t.result.code,
      data: Buffer.from(t.result.data, "base64").toString("hex").toUpperCase(),
      rawLog: t.result.log,
      logs: [],
      info: "",
      gasWanted: String(t.result.gasWanted),
      gasUsed: String(t.result.gasUsed),
      tx: { typeUrl: "/cosmos.tx.v1beta1.Tx", value: cosmos.Tx.encode(cosmos.Tx.fromPartial(tx)).finish() },
      timestamp: block ? block.time.replace(/\.\d+Z$/, "Z") : "",
      events: t.result.events,
    },
  };
}

export function getTxOrThrow(app: App, hash: string): IndexedTx {
  const t = app.txIndex.get(hash.toUpperCase());
  if (!t) throw new ChainError("sdk", 38, "not found", `rpc error: code = NotFound desc = tx not found: ${hash}`);
  return t;
}

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Generic proto-JSON for decoded messages (ts-proto toJSON, keys snake_cased); Any gets "@type". */
export function msgJson(typeUrl: string, value: Uint8Array): unknown {
  const codec = msgCodecs.get(typeUrl);
  if (!codec) return { "@type": typeUrl };
  return { "@type": typeUrl, ...(snakeKeys(codec.toJSON(codec.decode(value))) as object) };
}

export function snakeKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(snakeKeys);
  if (v && typeof v === "object" && !(v instanceof Uint8Array)) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k.startsWith("@") ? k : snake(k), snakeKeys(x)]));
  }
  return v;
}

export function txJson(t: IndexedTx) {
  const raw = cosmos.TxRaw.decode(fromB64(t.tx));
  const body = cosmos.TxBody.decode(raw.bodyBytes);
  const authInfo = cosmos.AuthInfo.decode(raw.authInfoBytes);
  const bodyJson = snakeKeys(cosmos.TxBody.toJSON({ ...body, messages: [] })) as Record<string, unknown>;
  return {
    body: { ...bodyJson, messages: body.messages.map((m) => msgJson(m.typeUrl, m.value)), memo: body.memo, timeout_height: body.timeoutHeight.toString() },
    auth_info: {
      signer_infos: authInfo.signerInfos.map((s) => ({
        public_key: s.publicKey ? { "@type": s.publicKey.typeUrl, key: Buffer.from(s.publicKey.value.slice(2)).toString("base64") } : null,
        mode_info: { single: { mode: s.modeInfo?.single?.mode === 127 ? "SIGN_MODE_LEGACY_AMINO_JSON" : "SIGN_MODE_DIRECT" } },
        sequence: s.sequence.toString(),
      })),
      fee: {
        amount: authInfo.fee?.amount ?? [],
        gas_limit: (authInfo.fee?.gasLimit ?? 0).toString(),
        payer: authInfo.fee?.payer ?? "",
        granter: authInfo.fee?.granter ?? "",
      },
    },
    signatures: raw.signatures.map((s) => Buffer.from(s).toString("base64")),
  };
}

export function txResponseJson(app: App, t: IndexedTx) {
  const block = app.blocks[t.height - 1];
  return {
    height: String(t.height),
    txhash: t.hash,
    codespace: t.result.codespace,
    code: t.result.code,
    data: Buffer.from(t.result.data, "base64").toString("hex").toUpperCase(),
    raw_log: t.result.log,
    logs: [],
    info: "",
    gas_wanted: String(t.result.gasWanted),
    gas_used: String(t.result.gasUsed),
    tx: { "@type": "/cosmos.tx.v1beta1.Tx", ...txJson(t) },
    timestamp: block ? block.time.replace(/\.\d+Z$/, "Z") : "",
    events: t.result.events,
  };
}
