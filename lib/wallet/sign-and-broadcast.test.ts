import { AuthInfo, TxRaw } from "@akashnetwork/chain-sdk/private-types/cosmos.v1beta1";
import type { StdFee } from "@cosmjs/amino";
import { sha256 } from "@cosmjs/crypto";
import { toHex } from "@cosmjs/encoding";
import { DirectSecp256k1HdWallet, type EncodeObject } from "@cosmjs/proto-signing";
import { BroadcastTxError, type SignerData, SigningStargateClient } from "@cosmjs/stargate";
import { beforeAll, describe, expect, it } from "vitest";
import { closeDeploymentMsg } from "@/lib/chain/messages";
import { createAminoTypes, createRegistry } from "@/lib/chain/registry";
import { AppError } from "@/lib/errors/app-error";
import { type IncludedTx, type SignAndBroadcastClient, signAndBroadcast, type TxStage } from "@/lib/wallet/sign-and-broadcast";
import { TENANT1 } from "../../devnet/accounts";

const MNEMONIC = TENANT1.mnemonic;
const OWNER = TENANT1.address;
const CHAIN_ID = "akash-devnet-1";

// Type-level check: the real cosmjs client is accepted as is.
const _realClientFits = (c: SigningStargateClient): SignAndBroadcastClient => c;
void _realClientFits;

/**
 * A chain that behaves like cosmjs + CometBFT: signatures are real (offline cosmjs signer over the console's
 * registry), CheckTx compares the signed sequence with the account's, and a tx shows up in `getTx` a few
 * polls after broadcast.
 */
class FakeChain implements SignAndBroadcastClient {
  sequence = 5;
  /** what queries report; lags behind `sequence` to provoke a mismatch */
  reportedSequence = 5;
  simulatedGas = 100_000;
  pollsUntilIncluded = 2;
  deliverResult: { code: number; rawLog: string } = { code: 0, rawLog: "" };
  rejectSignature = false;
  signedSequences: number[] = [];
  fees: StdFee[] = [];
  private readonly mempool = new Map<string, number>();
  private height = 100;

  constructor(private readonly signer: SigningStargateClient) {}

  async simulate(): Promise<number> {
    return this.simulatedGas;
  }
  async getSequence() {
    return { accountNumber: 7, sequence: this.reportedSequence };
  }
  async getChainId() {
    return CHAIN_ID;
  }
  async sign(address: string, msgs: readonly EncodeObject[], fee: StdFee, memo: string, explicit?: SignerData) {
    if (this.rejectSignature) throw new Error("Request rejected"); // Keplr's text
    this.fees.push(fee);
    const data = explicit ?? { accountNumber: 7, sequence: this.reportedSequence, chainId: CHAIN_ID };
    return this.signer.sign(address, msgs, fee, memo, data);
  }
  async broadcastTxSync(tx: Uint8Array): Promise<string> {
    const raw = TxRaw.decode(tx);
    const got = Number(AuthInfo.decode(raw.authInfoBytes).signerInfos[0]!.sequence.toString());
    this.signedSequences.push(got);
    if (got !== this.sequence) {
      throw new BroadcastTxError(32, "sdk", `account sequence mismatch, expected ${this.sequence}, got ${got}: incorrect account sequence`);
    }
    const hash = toHex(sha256(tx)).toUpperCase();
    this.mempool.set(hash, this.pollsUntilIncluded);
    return hash;
  }
  async getTx(id: string): Promise<IncludedTx | null> {
    const left = this.mempool.get(id);
    if (left === undefined || left > 0) {
      if (left !== undefined) this.mempool.set(id, left - 1);
      return null;
    }
    this.sequence++;
    return { height: ++this.height, hash: id, code: this.deliverResult.code, rawLog: this.deliverResult.rawLog, gasUsed: 91_000n, gasWanted: 150_000n };
  }
}

let chain: FakeChain;
let stages: TxStage[];
let clock: number;
const msgs = [closeDeploymentMsg({ owner: OWNER, dseq: "1234567" })];

function run(overrides: Partial<Parameters<typeof signAndBroadcast>[0]> = {}) {
  return signAndBroadcast({
    client: chain,
    signerAddress: OWNER,
    msgs,
    memo: "close",
    feeDenom: "uakt",
    gasPrice: "0.025",
    onStage: (s) => stages.push(s),
    timeoutMs: 10_000,
    pollIntervalMs: 1_000,
    sleep: async (ms) => {
      clock += ms;
    },
    now: () => clock,
    ...overrides,
  });
}

beforeAll(async () => {
  const wallet = await DirectSecp256k1HdWallet.fromMnemonic(MNEMONIC, { prefix: "akash" });
  const offline = await SigningStargateClient.offline(wallet, { registry: createRegistry(), aminoTypes: createAminoTypes() });
  chain = new FakeChain(offline);
});

function fresh() {
  chain.sequence = 5;
  chain.reportedSequence = 5;
  chain.rejectSignature = false;
  chain.deliverResult = { code: 0, rawLog: "" };
  chain.signedSequences = [];
  chain.fees = [];
  stages = [];
  clock = 0;
}

describe("signAndBroadcast", () => {
  it("simulates, asks for a signature, broadcasts and reports inclusion, with gas x1.5 at the gas price", async () => {
    fresh();
    const result = await run();
    expect(stages.map((s) => s.stage)).toEqual(["simulating", "awaiting-signature", "broadcasting", "included"]);
    expect(chain.fees[0]).toEqual({ amount: [{ denom: "uakt", amount: "3750" }], gas: "150000" });
    expect(result.height).toBeGreaterThan(100);
    expect(result.txHash).toMatch(/^[0-9A-F]{64}$/);
    expect(stages.at(-1)).toEqual({ stage: "included", height: result.height, txHash: result.txHash });
  });

  it("re-signs once with the chain's expected sequence after a sequence mismatch", async () => {
    fresh();
    chain.reportedSequence = 4; // the node we query is a block behind
    const result = await run();
    expect(chain.signedSequences).toEqual([4, 5]);
    expect(stages.map((s) => s.stage)).toEqual(["simulating", "awaiting-signature", "broadcasting", "awaiting-signature", "broadcasting", "included"]);
    expect(result.height).toBeGreaterThan(0);
  });

  it("gives up after one retry when the sequence keeps mismatching", async () => {
    fresh();
    chain.reportedSequence = 4;
    chain.getSequence = async () => ({ accountNumber: 7, sequence: 3 });
    const originalBroadcast = chain.broadcastTxSync.bind(chain);
    chain.broadcastTxSync = async (tx) => {
      chain.sequence += 1; // someone else keeps sending from the same account
      return originalBroadcast(tx);
    };
    await expect(run()).rejects.toMatchObject({ code: "chain.sequence_mismatch" });
    expect(chain.signedSequences).toHaveLength(2);
    delete (chain as Partial<FakeChain>).getSequence;
    delete (chain as Partial<FakeChain>).broadcastTxSync;
  });

  it("reports a rejection in the wallet as wallet.rejected and stops", async () => {
    fresh();
    chain.rejectSignature = true;
    const error = await run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("wallet.rejected");
    expect(stages.map((s) => s.stage)).toEqual(["simulating", "awaiting-signature", "failed"]);
  });

  it("times out with the hash when the tx is never included", async () => {
    fresh();
    chain.pollsUntilIncluded = Number.POSITIVE_INFINITY;
    const error = (await run().catch((e: unknown) => e)) as AppError;
    chain.pollsUntilIncluded = 2;
    expect(error.code).toBe("chain.tx_timeout");
    expect(error.message).toMatch(/^The transaction [0-9A-F]{64} was sent but not included in a block within 10 seconds/);
    expect(clock).toBe(10_000);
  });

  it("maps a DeliverTx failure (code 5, insufficient funds) to a message with the amounts", async () => {
    fresh();
    chain.deliverResult = {
      code: 5,
      rawLog: "failed to execute message; message index: 0: spendable balance 3100000uakt is smaller than 5200000uakt: insufficient funds",
    };
    const error = (await run().catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe("chain.insufficient_funds");
    expect(error.message).toContain("needs 5.2 AKT");
    expect(error.details).toMatchObject({ code: 5, txHash: expect.stringMatching(/^[0-9A-F]{64}$/) });
    expect(error.details?.height).toBeGreaterThan(100);
    const last = stages.at(-1);
    expect(last?.stage).toBe("failed");
  });

  it("refuses an empty transaction before touching the wallet", async () => {
    fresh();
    await expect(run({ msgs: [] })).rejects.toMatchObject({ code: "request.invalid" });
    expect(chain.fees).toHaveLength(0);
  });
});
