import { BroadcastTxError, TimeoutError } from "@cosmjs/stargate";
import { describe, expect, it } from "vitest";
import { mapChainFailure, mapTxError } from "@/lib/chain/tx-errors";
import { AppError } from "@/lib/errors/app-error";

// raw_log texts as cosmos-sdk 0.53 and the akash modules write them (errorsmod.Wrapf text + ": " + registered error)
const LOGS = {
  insufficientFunds: "failed to execute message; message index: 0: spendable balance 3100000uakt is smaller than 5200000uakt: insufficient funds",
  insufficientFundsZero: "failed to execute message; message index: 0: spendable balance  is smaller than 5000000uact: insufficient funds",
  // the ante handler (fee deduction) runs before any message: no "failed to execute message" prefix
  insufficientFundsForFee: "spendable balance  is smaller than 4068uakt: insufficient funds: insufficient funds",
  sequence: "account sequence mismatch, expected 5, got 4: incorrect account sequence",
  outOfGas: "out of gas in location: WritePerByte; gasWanted: 200000, gasUsed: 200133: out of gas",
  insufficientFee: "insufficient fees; got: 100uakt required: 5000uakt: insufficient fee",
  signature: "signature verification failed; please verify account number (7) and chain-id (akash-devnet-1): unauthorized",
  depositTooLow: "failed to execute message; message index: 0: Deposit too low - 5000 < 500000: Deposit invalid",
  orderClosed: "failed to execute message; message index: 0: order closed",
  bidNotOpen: "failed to execute message; message index: 0: bid not open",
  deploymentClosed: "failed to execute message; message index: 0: Deployment closed",
  circuitBreaker: "failed to execute message; message index: 0: circuit breaker is active",
  minimumMint: "failed to execute message; message index: 0: minimum mint amount is not met",
  inMempool: "tx already exists in cache",
};

describe("mapChainFailure", () => {
  it("explains insufficient funds with the amounts, in AKT", () => {
    const err = mapChainFailure({ code: 5, codespace: "sdk", rawLog: LOGS.insufficientFunds, txHash: "AB12" });
    expect(err.code).toBe("chain.insufficient_funds");
    expect(err.message).toBe(
      "Insufficient funds: the transaction needs 5.2 AKT for the deposit and fee but the account holds 3.1 AKT. Top up the account or lower the deposit.",
    );
    expect(err.details).toMatchObject({ code: 5, txHash: "AB12" });
    expect(mapChainFailure({ code: 5, rawLog: LOGS.insufficientFundsZero }).message).toContain("needs 5 ACT for the deposit and fee but the account holds 0 ACT");
  });

  it("says when it is the network fee the account cannot pay, and in which token", () => {
    const err = mapChainFailure({ code: 5, codespace: "sdk", rawLog: LOGS.insufficientFundsForFee });
    expect(err.code).toBe("chain.insufficient_funds");
    expect(err.message).toBe(
      "Not enough AKT for the network fee: the transaction needs 0.004068 AKT for the fee but the account holds 0 AKT. " +
        "The fee is paid in AKT even when the deposit is in another token: add AKT to the account and sign again.",
    );
  });

  it.each([
    [LOGS.sequence, 32, "chain.sequence_mismatch", /expected 5, the wallet signed 4\)/],
    [LOGS.outOfGas, 11, "chain.out_of_gas", /used 200133 of the 200000 gas/],
    [LOGS.insufficientFee, 13, "chain.insufficient_fee", /offered 0.0001 AKT, the node requires 0.005 AKT/],
    [LOGS.signature, 4, "chain.signature_invalid", /for chain akash-devnet-1/],
    [LOGS.depositTooLow, 20, "chain.deposit_too_low", /5000 base units is below the chain's minimum of 500000/],
    [LOGS.orderClosed, 24, "chain.order_closed", /Refresh the bids/],
    [LOGS.bidNotOpen, 12, "chain.order_closed", /can no longer be accepted/],
    [LOGS.deploymentClosed, 5, "chain.deployment_closed", /deployment is closed on chain/],
    [LOGS.circuitBreaker, 6, "chain.minting_paused", /minting is paused/],
    [LOGS.minimumMint, 7, "chain.minting_paused", /below the minimum that can be minted/],
    [LOGS.inMempool, 19, "chain.tx_in_mempool", /already waiting to be included/],
  ] as const)("maps %s", (rawLog, code, appCode, message) => {
    const err = mapChainFailure({ code, rawLog });
    expect(err.code).toBe(appCode);
    expect(err.message).toMatch(message);
  });

  it("does not confuse deployment code 5 (closed) with sdk code 5 (insufficient funds)", () => {
    expect(mapChainFailure({ code: 5, codespace: "deployment", rawLog: LOGS.deploymentClosed }).code).toBe("chain.deployment_closed");
  });

  it("uses the market codespace when the log is empty", () => {
    expect(mapChainFailure({ code: 24, codespace: "market" }).code).toBe("chain.order_closed");
  });

  it("reports an unrecognised rejection as chain.tx_rejected with its own text", () => {
    const err = mapChainFailure({ code: 7, codespace: "escrow", rawLog: "failed to execute message; message index: 0: payment closed" });
    expect(err.code).toBe("chain.tx_rejected");
    expect(err.message).toBe("The chain rejected the transaction (escrow error 7): payment closed.");
  });
});

describe("mapTxError", () => {
  it("maps cosmjs BroadcastTxError (CheckTx failure) through its log", () => {
    const err = mapTxError(new BroadcastTxError(32, "sdk", LOGS.sequence));
    expect(err.code).toBe("chain.sequence_mismatch");
  });

  it("maps a failed simulation, whose message embeds the raw log", () => {
    const simulate = new Error(
      `Query failed with (6): rpc error: code = Unknown desc = ${LOGS.insufficientFunds} [cosmos/cosmos-sdk@v0.53.4/baseapp/baseapp.go:1058] With gas wanted: '18446744073709551615' and gas used: '91544' : unknown request`,
    );
    expect(mapTxError(simulate).code).toBe("chain.insufficient_funds");
  });

  it("maps cosmjs TimeoutError to chain.tx_timeout with the hash", () => {
    const err = mapTxError(new TimeoutError("Transaction with ID ABC was submitted but was not yet found on the chain.", "ABC"), 60);
    expect(err.code).toBe("chain.tx_timeout");
    expect(err.message).toContain("ABC was sent but not included in a block within 60 seconds");
  });

  it.each([
    [new Error("Request rejected"), "wallet.rejected"], // Keplr and Leap
    [new Error("Transaction rejected"), "wallet.rejected"], // @cosmjs/ledger-amino
    [Object.assign(new Error("Ledger device: Condition of use not satisfied (denied by the user?) (0x6985)"), { name: "TransportStatusError" }), "wallet.rejected"],
    [Object.assign(new Error("Ledger device: Locked device (0x5515)"), { name: "TransportStatusError" }), "wallet.ledger_closed"],
    [Object.assign(new Error("Access denied to use Ledger device"), { name: "TransportOpenUserCancelled" }), "wallet.ledger_closed"],
    [new Error("No Ledger device found"), "wallet.ledger_closed"],
    [new Error("There is no chain info for akash-devnet-1"), "wallet.wrong_chain"],
  ] as const)("maps the wallet error %s", (error, code) => {
    expect(mapTxError(error).code).toBe(code);
  });

  it("reports an RPC node that cannot be reached as chain.unreachable", async () => {
    // the real error cosmjs's HTTP client throws for a node that refuses the connection
    const { connectComet } = await import("@cosmjs/tendermint-rpc");
    const refused = await connectComet("http://127.0.0.1:1").then(() => null, (e: unknown) => e);
    const err = mapTxError(refused);
    expect(err.code).toBe("chain.unreachable");
    expect(err.message).toMatch(/RPC node cannot be reached .*nothing was signed/);
  });

  it("passes AppErrors through and reports the rest as internal", () => {
    const own = new AppError("wallet.missing", "Install Keplr or Leap.");
    expect(mapTxError(own)).toBe(own);
    expect(mapTxError(new TypeError("x is undefined")).code).toBe("internal");
  });
});
