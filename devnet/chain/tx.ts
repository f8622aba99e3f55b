/**
 * Transactions: TxRaw decoding, and the ante handler in the order cosmos-sdk x/auth/ante runs it
 * (validate basic, memo, tx-size gas, min gas price [CheckTx only], fee deduction, pubkey, signature gas,
 * sequence and signature verification, sequence increment). Errors carry the SDK's codes and raw logs.
 */
import { rawSecp256k1PubkeyToRawAddress } from "@cosmjs/amino";
import { createPublicKey, verify as verifySig } from "node:crypto";
import { Secp256k1 } from "@cosmjs/crypto";
import { toBech32 } from "@cosmjs/encoding";
import { BECH32_PREFIX, FEE_COLLECTOR, balanceOf, coinsToString, ensureAccount, parseCoin, sendCoins, type Coin } from "./bank";
import { Secp256k1PubKey, b64, cosmos, msgCodecs, toBigInt } from "./codec";
import { aminoSignBytes } from "./amino-json";
import { GAS, type Ctx } from "./context";
import { ChainError, sdkErr } from "./errors";
import { routes } from "./handlers";
import { MAX_MEMO_CHARS, MAX_TX_BYTES, MIN_GAS_PRICES } from "./params";

export const SIGN_MODE_DIRECT = 1;
export const SIGN_MODE_LEGACY_AMINO_JSON = 127;

export interface DecodedMsg {
  typeUrl: string;
  /** the message as its chain-sdk codec decodes it; its route knows the type */
  value: unknown;
}

export interface DecodedTx {
  bytes: Uint8Array;
  raw: cosmos.TxRaw;
  body: cosmos.TxBody;
  authInfo: cosmos.AuthInfo;
  msgs: DecodedMsg[];
  signers: string[];
}

export function decodeTx(bytes: Uint8Array): DecodedTx {
  if (bytes.length > MAX_TX_BYTES) throw sdkErr.txTooLarge(`tx size ${bytes.length} exceeds ${MAX_TX_BYTES}`);
  let raw: cosmos.TxRaw, body: cosmos.TxBody, authInfo: cosmos.AuthInfo;
  try {
    raw = cosmos.TxRaw.decode(bytes);
    body = cosmos.TxBody.decode(raw.bodyBytes);
    authInfo = cosmos.AuthInfo.decode(raw.authInfoBytes);
  } catch (e) {
    throw sdkErr.txDecode((e as Error).message);
  }
  const msgs: DecodedMsg[] = [];
  const signers: string[] = [];
  for (const any of body.messages) {
    const codec = msgCodecs.get(any.typeUrl);
    const route = routes[any.typeUrl];
    if (!codec || !route) throw sdkErr.txDecode(`unable to resolve type URL ${any.typeUrl}`);
    let value: unknown;
    try {
      value = codec.decode(any.value);
    } catch (e) {
      throw sdkErr.txDecode((e as Error).message);
    }
    msgs.push({ typeUrl: any.typeUrl, value });
    const s = route.signer(value);
    if (!signers.includes(s)) signers.push(s);
  }
  return { bytes, raw, body, authInfo, msgs, signers };
}

/** ECDSA over sha256(message) with a 64-byte r||s signature, as cosmos secp256k1 keys verify (node:crypto, sync). */
function verifySecp256k1(message: Uint8Array, sig: Uint8Array, compressedPubkey: Uint8Array): boolean {
  if (sig.length !== 64) return false;
  const full = Secp256k1.uncompressPubkey(compressedPubkey);
  const key = createPublicKey({
    key: {
      kty: "EC",
      crv: "secp256k1",
      x: Buffer.from(full.slice(1, 33)).toString("base64url"),
      y: Buffer.from(full.slice(33, 65)).toString("base64url"),
    },
    format: "jwk",
  });
  return verifySig("sha256", message, { key, dsaEncoding: "ieee-p1363" }, sig);
}

export type ExecMode = "check" | "deliver" | "simulate";

function signBytesFor(tx: DecodedTx, mode: number, chainId: string, accountNumber: number, sequence: bigint): Uint8Array {
  if (mode === SIGN_MODE_DIRECT) {
    return cosmos.SignDoc.encode(
      cosmos.SignDoc.fromPartial({
        bodyBytes: tx.raw.bodyBytes,
        authInfoBytes: tx.raw.authInfoBytes,
        chainId,
        accountNumber: accountNumber.toString(),
      }),
    ).finish();
  }
  if (mode === SIGN_MODE_LEGACY_AMINO_JSON) {
    // x/tx aminojson: the doc is built from the body bytes, every message by its proto schema (./amino-json.ts)
    const fee = tx.authInfo.fee;
    return aminoSignBytes({
      bodyBytes: tx.raw.bodyBytes,
      fee: {
        amount: (fee?.amount ?? []).map((c) => ({ denom: c.denom, amount: c.amount })),
        gasLimit: toBigInt(fee?.gasLimit),
        payer: fee?.payer ?? "",
        granter: fee?.granter ?? "",
      },
      chainId,
      accountNumber,
      sequence,
    });
  }
  throw sdkErr.unauthorized(`signature mode ${mode} is not supported by the devnet`);
}

/** The minimum fee for `gasLimit` in each accepted denom (ceil(gas x price)). */
export function requiredFees(gasLimit: bigint): Coin[] {
  return MIN_GAS_PRICES.map((p) => ({
    denom: p.denom,
    amount: BigInt(Math.ceil(Number(gasLimit) * p.amount)),
  }));
}

export interface AnteOptions {
  chainId: string;
  mode: ExecMode;
  /** submitAs: messages from the simulated providers carry no signature; skip verification and fees. */
  trusted?: boolean;
}

export function runAnte(ctx: Ctx, tx: DecodedTx, opts: AnteOptions): void {
  const { mode } = opts;
  const sigs = tx.raw.signatures;
  const infos = tx.authInfo.signerInfos;
  // baseapp validateBasicTxMsgs, before the ante handler: errors come back as they are, without a message index
  if (tx.msgs.length === 0) throw sdkErr.invalidRequest("must contain at least one message");
  for (const m of tx.msgs) routes[m.typeUrl]!.validateBasic?.(m.value);
  if (!opts.trusted) {
    if (sigs.length === 0) throw sdkErr.noSignatures();
    if (sigs.length !== tx.signers.length) {
      throw sdkErr.unauthorized(`wrong number of signers; expected ${tx.signers.length}, got ${sigs.length}`);
    }
    if (infos.length !== sigs.length) {
      throw sdkErr.unauthorized(`invalid number of signer;  expected: ${sigs.length}, got ${infos.length}`);
    }
  }
  const timeout = toBigInt(tx.body.timeoutHeight);
  if (timeout > 0n && BigInt(ctx.height) > timeout) {
    throw new ChainError("sdk", 30, "tx timeout height", `block height: ${ctx.height}, timeout height: ${timeout}`);
  }
  if (tx.body.memo.length > MAX_MEMO_CHARS) {
    throw sdkErr.memoTooLarge(`maximum number of characters is ${MAX_MEMO_CHARS} but received ${tx.body.memo.length} characters`);
  }

  // Simulation is sent with empty signatures; charge as if a 64-byte signature were there.
  const missing = mode === "simulate" ? sigs.filter((s) => s.length === 0).length * 64 : 0;
  ctx.gas.consume(GAS.txSizePerByte * (tx.bytes.length + missing), "txSize");

  const fee = tx.authInfo.fee;
  const feeCoins = (fee?.amount ?? []).map(parseCoin).filter((c) => c.amount > 0n);
  const gasLimit = toBigInt(fee?.gasLimit);
  if (!opts.trusted && mode === "check") {
    const required = requiredFees(gasLimit);
    const ok = required.some((r) => feeCoins.some((c) => c.denom === r.denom && c.amount >= r.amount));
    if (!ok) {
      throw sdkErr.insufficientFee(`insufficient fees; got: ${coinsToString(feeCoins) || "0"} required: ${coinsToString(required)}`);
    }
  }
  const feePayer = fee?.payer || tx.signers[0]!;
  if (feeCoins.length > 0) {
    if (!ctx.state.accounts.has(feePayer)) throw sdkErr.unknownAddress(`fee payer address: ${feePayer} does not exist`);
    for (const c of feeCoins) {
      const have = balanceOf(ctx.state, feePayer, c.denom);
      if (have < c.amount) {
        throw sdkErr.insufficientFunds(`spendable balance ${have}${c.denom} is smaller than ${c.amount}${c.denom}: insufficient funds`);
      }
    }
    sendCoins(ctx, feePayer, FEE_COLLECTOR, feeCoins);
  }
  ctx.emit("tx", { fee: coinsToString(feeCoins), fee_payer: feePayer });

  for (let i = 0; i < tx.signers.length; i++) {
    const signer = tx.signers[i]!;
    const acc = ctx.state.accounts.get(signer);
    if (!acc) {
      if (opts.trusted) {
        ensureAccount(ctx.state, signer);
        continue;
      }
      throw sdkErr.unknownAddress(`account ${signer} not found`);
    }
    ctx.gas.read();
    if (opts.trusted) {
      acc.sequence += 1;
      ctx.emit("tx", { acc_seq: `${signer}/${acc.sequence - 1}` });
      continue;
    }
    const info = infos[i]!;
    let pubkey: Uint8Array | undefined = acc.pubkey ? Buffer.from(acc.pubkey, "base64") : undefined;
    if (info.publicKey) {
      if (info.publicKey.typeUrl !== "/cosmos.crypto.secp256k1.PubKey") {
        throw sdkErr.invalidPubKey(`unsupported public key type ${info.publicKey.typeUrl}`);
      }
      const key = Secp256k1PubKey.decode(info.publicKey.value).key;
      const addr = toBech32(BECH32_PREFIX, rawSecp256k1PubkeyToRawAddress(key));
      if (addr !== signer) throw sdkErr.invalidPubKey(`pubKey does not match signer address ${signer} with signer index: ${i}`);
      if (!pubkey) pubkey = key;
    }
    if (!pubkey) throw sdkErr.invalidPubKey(`pubkey on account is not set`);
    if (!acc.pubkey && mode !== "simulate") acc.pubkey = b64(pubkey);
    ctx.gas.consume(GAS.sigVerifySecp256k1, "ante verify: secp256k1");

    const seq = toBigInt(info.sequence);
    if (seq !== BigInt(acc.sequence)) {
      throw sdkErr.wrongSequence(`account sequence mismatch, expected ${acc.sequence}, got ${seq}`);
    }
    if (mode !== "simulate") {
      const signMode = info.modeInfo?.single?.mode ?? -1;
      // x/auth/ante SigVerificationDecorator: any failure (sign bytes or signature) is ErrUnauthorized; amino
      // signers are told to check the sequence too (amino sign bytes carry it), direct signers get the cause.
      let cause = "unable to verify single signer signature";
      let valid = false;
      let bytes: Uint8Array | undefined;
      try {
        bytes = signBytesFor(tx, signMode, opts.chainId, acc.accountNumber, seq);
      } catch (e) {
        cause = (e as Error).message;
      }
      try {
        valid = bytes !== undefined && verifySecp256k1(bytes, tx.raw.signatures[i]!, pubkey);
      } catch {
        valid = false;
      }
      if (!valid) {
        throw sdkErr.unauthorized(
          signMode === SIGN_MODE_LEGACY_AMINO_JSON
            ? `signature verification failed; please verify account number (${acc.accountNumber}), sequence (${acc.sequence}) and chain-id (${opts.chainId})`
            : `signature verification failed; please verify account number (${acc.accountNumber}) and chain-id (${opts.chainId}): (${cause})`,
        );
      }
    }
    acc.sequence += 1;
    ctx.gas.write();
    ctx.emit("tx", { acc_seq: `${signer}/${acc.sequence - 1}` });
    ctx.emit("tx", { signature: b64(tx.raw.signatures[i] ?? new Uint8Array()) });
  }
}

/** Runs the messages; the caller owns branching and reverting. */
export function runMsgs(ctx: Ctx, tx: DecodedTx): void {
  tx.msgs.forEach((m, i) => {
    const route = routes[m.typeUrl]!;
    ctx.msgIndex = i;
    ctx.gas.consume(route.baseGas, m.typeUrl);
    ctx.emit("message", { action: m.typeUrl, sender: route.signer(m.value), module: route.module });
    try {
      route.handle(ctx, m.value);
    } catch (e) {
      const err = e instanceof ChainError ? e : new ChainError("undefined", 1, "internal", (e as Error).message);
      if (err.code === 11 && err.codespace === "sdk") throw err;
      throw err.wrap(`failed to execute message; message index: ${i}`);
    }
  });
  ctx.msgIndex = undefined;
}
