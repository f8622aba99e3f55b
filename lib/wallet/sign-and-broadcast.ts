import { TxRaw } from "@akashnetwork/chain-sdk/private-types/cosmos.v1beta1";
import type { StdFee } from "@cosmjs/amino";
import { sha256 } from "@cosmjs/crypto";
import { toHex } from "@cosmjs/encoding";
import type { EncodeObject } from "@cosmjs/proto-signing";
import { calculateFee, GasPrice, type SignerData } from "@cosmjs/stargate";
import { mapChainFailure, mapTxError } from "@/lib/chain/tx-errors";
import { AppError } from "@/lib/errors/app-error";

/**
 * Simulate for gas, sign, broadcast, wait for inclusion, reporting each stage so the wizard can say what it is
 * waiting for. Every dependency is a parameter: a unit test passes a fake chain, the app a SigningStargateClient.
 */

/** The part of cosmjs's SigningStargateClient this needs (it satisfies this interface as is). */
export interface SignAndBroadcastClient {
  simulate(signerAddress: string, messages: readonly EncodeObject[], memo: string | undefined): Promise<number>;
  sign(signerAddress: string, messages: readonly EncodeObject[], fee: StdFee, memo: string, explicitSignerData?: SignerData): Promise<SignedTx>;
  broadcastTxSync(tx: Uint8Array): Promise<string>;
  getTx(id: string): Promise<IncludedTx | null>;
  /** with these two, a sequence-mismatch retry signs with the sequence the chain said it expects */
  getSequence?(address: string): Promise<{ accountNumber: number; sequence: number }>;
  getChainId?(): Promise<string>;
}

export interface SignedTx {
  bodyBytes: Uint8Array;
  authInfoBytes: Uint8Array;
  signatures: Uint8Array[];
}

export interface IncludedTx {
  height: number;
  hash: string;
  code: number;
  rawLog: string;
  gasUsed: bigint;
  gasWanted: bigint;
}

export type TxStage =
  | { stage: "simulating" }
  | { stage: "awaiting-signature"; fee: StdFee; attempt: number }
  | { stage: "broadcasting"; attempt: number }
  | { stage: "included"; height: number; txHash: string }
  | { stage: "failed"; error: AppError };

export interface SignAndBroadcastOptions {
  client: SignAndBroadcastClient;
  signerAddress: string;
  msgs: readonly EncodeObject[];
  memo?: string;
  /** simulation underestimates (state changes between simulate and execution); 1.5 is the console's margin */
  gasMultiplier?: number;
  feeDenom: string;
  /** price per gas unit in feeDenom, e.g. "0.025" (Network.gasPrice without its denom) */
  gasPrice: string | number;
  onStage?: (stage: TxStage) => void;
  /** how long to wait for inclusion after a successful broadcast */
  timeoutMs?: number;
  pollIntervalMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface TxResult {
  txHash: string;
  height: number;
  gasUsed: bigint;
  gasWanted: bigint;
}

/** Simulation underestimates (state changes between simulate and execution); this is the console's margin. */
export const DEFAULT_GAS_MULTIPLIER = 1.5;

/** The fee for `gasEstimate` simulated gas at `gasPrice` (e.g. "0.025uakt"), with the console's margin. */
export function feeForGas(gasEstimate: number, gasPrice: string, gasMultiplier = DEFAULT_GAS_MULTIPLIER): StdFee {
  return calculateFee(Math.ceil(gasEstimate * gasMultiplier), GasPrice.fromString(gasPrice));
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function signAndBroadcast(options: SignAndBroadcastOptions): Promise<TxResult> {
  const { client, signerAddress, msgs, memo = "", feeDenom } = options;
  const gasMultiplier = options.gasMultiplier ?? DEFAULT_GAS_MULTIPLIER;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  const report = (stage: TxStage) => options.onStage?.(stage);

  const fail = (error: unknown): never => {
    const appError = mapTxError(error, Math.round(timeoutMs / 1000));
    report({ stage: "failed", error: appError });
    throw appError;
  };

  if (msgs.length === 0) fail(new AppError("request.invalid", "There is nothing to sign: the transaction has no messages."));

  report({ stage: "simulating" });
  let fee: StdFee;
  try {
    const estimate = await client.simulate(signerAddress, msgs, memo);
    fee = feeForGas(estimate, `${options.gasPrice}${feeDenom}`, gasMultiplier);
  } catch (e) {
    return fail(e);
  }

  let signerData: SignerData | undefined;
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await signBroadcastAndWait(attempt, fee, signerData);
      report({ stage: "included", height: result.height, txHash: result.txHash });
      return result;
    } catch (e) {
      const error = mapTxError(e, Math.round(timeoutMs / 1000));
      // a sequence mismatch means another tx from this account got in first (or the node we read was behind):
      // sign once more with a fresh sequence instead of making the tenant start over
      if (error.code === "chain.sequence_mismatch" && attempt === 1) {
        signerData = await refreshedSignerData(client, signerAddress, error).catch(() => undefined);
        continue;
      }
      return fail(error);
    }
  }

  async function signBroadcastAndWait(attempt: number, txFee: StdFee, explicit: SignerData | undefined): Promise<TxResult> {
    report({ stage: "awaiting-signature", fee: txFee, attempt });
    const signed = await client.sign(signerAddress, msgs, txFee, memo, explicit);
    const bytes = TxRaw.encode(TxRaw.fromPartial(signed)).finish();
    report({ stage: "broadcasting", attempt });
    const reported = await client.broadcastTxSync(bytes);
    // the hash is the sha256 of the bytes sent; computing it ourselves does not trust the node's echo
    const txHash = toHex(sha256(bytes)).toUpperCase();
    if (reported && reported.toUpperCase() !== txHash) {
      throw new AppError("chain.unexpected_response", `The node acknowledged a different transaction (${reported}) than the one sent (${txHash}). Check the RPC endpoint.`);
    }
    return waitForInclusion(txHash);
  }

  async function waitForInclusion(txHash: string): Promise<TxResult> {
    const deadline = now() + timeoutMs;
    for (;;) {
      const tx = await client.getTx(txHash).catch(() => null); // a failed poll is retried, not fatal
      if (tx) {
        if (tx.code !== 0) throw mapChainFailure({ code: tx.code, rawLog: tx.rawLog, txHash, height: tx.height });
        return { txHash, height: tx.height, gasUsed: tx.gasUsed, gasWanted: tx.gasWanted };
      }
      if (now() >= deadline) {
        throw new AppError(
          "chain.tx_timeout",
          `The transaction ${txHash} was sent but not included in a block within ${Math.round(timeoutMs / 1000)} seconds. It may still be included: check its status before sending it again.`,
          { details: { txHash } },
        );
      }
      await sleep(pollIntervalMs);
    }
  }
}

async function refreshedSignerData(client: SignAndBroadcastClient, address: string, error: AppError): Promise<SignerData | undefined> {
  if (!client.getSequence || !client.getChainId) return undefined; // the client re-reads the sequence itself when signing
  const [account, chainId] = await Promise.all([client.getSequence(address), client.getChainId()]);
  const expected = Number(error.details?.expected);
  // the chain's own "expected N" wins over a node that may not have seen the latest block yet
  const sequence = Number.isInteger(expected) ? Math.max(expected, account.sequence) : account.sequence;
  return { accountNumber: account.accountNumber, sequence, chainId };
}
