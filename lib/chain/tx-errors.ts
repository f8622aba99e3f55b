import { denomInfo, formatAmount } from "@/lib/chain/denom";
import { AppError, type AppErrorCode, isAppError } from "@/lib/errors/app-error";

/**
 * Turns what the chain, cosmjs and the wallets throw into an AppError a tenant can act on. Matching is on the
 * raw log text first: cosmos-sdk codes collide with module codes (sdk 5 is "insufficient funds", deployment 5
 * is "Deployment closed") and cosmjs's DeliverTxResponse carries no codespace, while the log always ends with
 * the registered error's text. Codes and codespaces are used where the text is ambiguous.
 * Sources: cosmos-sdk types/errors/errors.go, x/bank keeper, x/auth ante; chain-sdk go/node/{deployment/v1,
 * market/v1,escrow/module,bme/v1}/errors.go.
 */
export interface ChainFailure {
  code: number;
  codespace?: string;
  rawLog?: string;
  txHash?: string;
  height?: number;
}

type Rule = (log: string, f: ChainFailure) => AppError | undefined;

function coin(text: string | undefined): { denom: string; amount: string } | undefined {
  const m = /^(\d+)([a-z][a-z0-9/]*)$/i.exec(text?.trim() ?? "");
  return m?.[1] && m[2] ? { amount: m[1], denom: m[2] } : undefined;
}

function amountText(text: string | undefined, fallbackDenom?: string): string {
  const c = coin(text);
  if (c) return formatAmount(c);
  // an empty sdk.Coins prints as "": the account holds none of that denom
  return fallbackDenom ? formatAmount({ denom: fallbackDenom, amount: "0" }) : "nothing";
}

function err(code: AppErrorCode, message: string, f: ChainFailure): AppError {
  return new AppError(code, message, { details: { ...f } });
}

const RULES: Rule[] = [
  (log, f) => {
    const m = /spendable balance (\S*) is smaller than (\S+?): insufficient funds/.exec(log);
    if (!m && !/insufficient funds/.test(log)) return undefined;
    const needed = coin(m?.[2]);
    const neededText = needed ? formatAmount(needed) : "more than the account holds";
    const held = amountText(m?.[1], needed?.denom);
    // baseapp wraps what a message's execution returns in "failed to execute message"; the ante handler deducts the
    // fee before any message runs, so a shortfall without that prefix is the fee (x/auth/ante/fee.go DeductFees).
    if (/fee/i.test(log) || !/failed to execute message/.test(log)) {
      const symbol = (needed && denomInfo(needed.denom)?.symbol) ?? "the fee's token";
      return err(
        "chain.insufficient_funds",
        `Not enough ${symbol} for the network fee: the transaction needs ${neededText} for the fee but the account holds ${held}. ` +
          `The fee is paid in ${symbol} even when the deposit is in another token: add ${symbol} to the account and sign again.`,
        f,
      );
    }
    return err(
      "chain.insufficient_funds",
      `Insufficient funds: the transaction needs ${neededText} for the deposit and fee but the account holds ${held}. Top up the account or lower the deposit.`,
      f,
    );
  },
  (log, f) => {
    const m = /account sequence mismatch, expected (\d+), got (\d+)/.exec(log);
    if (!m && !/incorrect account sequence/.test(log)) return undefined;
    const which = m ? ` (the chain expected ${m[1]}, the wallet signed ${m[2]})` : "";
    return new AppError(
      "chain.sequence_mismatch",
      `The account's transaction counter changed while signing${which}, usually because another transaction from this wallet was sent at the same time. Sign again.`,
      { details: { ...f, expected: m?.[1], got: m?.[2] } },
    );
  },
  (log, f) => {
    const m = /gasWanted: (\d+), gasUsed: (\d+)/.exec(log);
    if (!/out of gas/.test(log)) return undefined;
    const used = m ? ` (it used ${m[2]} of the ${m[1]} gas it was given)` : "";
    return err("chain.out_of_gas", `The transaction ran out of gas${used}. Nothing was changed and only the fee was spent; send it again with a higher gas limit.`, f);
  },
  (log, f) => {
    const m = /insufficient fees?; got: (\S*) required: (\S+?): insufficient fee/.exec(log);
    if (!m && !/insufficient fee/.test(log)) return undefined;
    const detail = m ? ` (offered ${amountText(m[1], coin(m[2])?.denom)}, the node requires ${amountText(m[2])})` : "";
    return err("chain.insufficient_fee", `The fee is below this node's minimum${detail}. Raise the gas price and sign again.`, f);
  },
  (log, f) => {
    const m = /Deposit too low - (\d+) < (\d+)/.exec(log);
    if (!m) return undefined;
    return new AppError("chain.deposit_too_low", `The deposit of ${m[1]} base units is below the chain's minimum of ${m[2]}. Raise the deposit and sign again.`, {
      details: { ...f, deposit: m[1], minimum: m[2] },
    });
  },
  (log, f) => {
    if (!/signature verification failed/.test(log)) return undefined;
    const chain = /chain-id \(([^)]+)\)/.exec(log)?.[1];
    return err(
      "chain.signature_invalid",
      `The chain rejected the signature${chain ? ` for chain ${chain}` : ""}. Make sure the wallet is on the same network and account as the console, then sign again.`,
      f,
    );
  },
  (log, f) => {
    if (!/tx already (exists in cache|in mempool)/.test(log) && !(f.code === 19 && (f.codespace ?? "sdk") === "sdk")) return undefined;
    return err("chain.tx_in_mempool", "This exact transaction is already waiting to be included. Wait a few seconds for it before sending it again.", f);
  },
  (log, f) => {
    const closed = /bid not open|order not open|order closed|order active|group not open|unknown order for bid/.test(log);
    const market = f.codespace === "market" && [12, 13, 17, 23, 24].includes(f.code);
    if (!closed && !market) return undefined;
    return err(
      "chain.order_closed",
      "This bid can no longer be accepted: its order was closed (another bid was accepted, the bid expired or the deployment was closed). Refresh the bids and choose again.",
      f,
    );
  },
  (log, f) => {
    if (!/Deployment closed|Deployment not found|account closed/.test(log)) return undefined;
    return err("chain.deployment_closed", "This deployment is closed on chain, so it cannot be changed or topped up. Create a new deployment from its SDL instead.", f);
  },
  (log, f) => {
    if (!/circuit breaker is active|oracle is unhealthy|minimum mint amount is not met/.test(log)) return undefined;
    const why = /minimum mint/.test(log)
      ? "the amount is below the minimum that can be minted at once; mint more AKT into ACT"
      : "minting is paused by the chain (price oracle unhealthy or circuit breaker active); try again later";
    return err("chain.minting_paused", `ACT could not be minted: ${why}.`, f);
  },
];

/** A failed DeliverTx / CheckTx result (code != 0) as an AppError. */
export function mapChainFailure(f: ChainFailure): AppError {
  const log = f.rawLog ?? "";
  for (const rule of RULES) {
    const mapped = rule(log, f);
    if (mapped) return mapped;
  }
  const where = f.codespace ? `${f.codespace} error ${f.code}` : `error code ${f.code}`;
  const text = log.replace(/^failed to execute message; message index: \d+: /, "");
  return err("chain.tx_rejected", `The chain rejected the transaction (${where})${text ? `: ${text}` : ""}.`, f);
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  codespace?: unknown;
  log?: unknown;
  txId?: unknown;
}

function asErrorLike(e: unknown): ErrorLike {
  return typeof e === "object" && e !== null ? (e as ErrorLike) : { message: String(e) };
}

/** Wallet-side failures, recognised by the texts Keplr, Leap and @ledgerhq transports throw. */
function mapWalletError(message: string, name: string): AppError | undefined {
  if (/request rejected|rejected by the user|user rejected|transaction rejected|denied by the user|0x6986|0x6985/i.test(message)) {
    return new AppError("wallet.rejected", "The wallet rejected the request: approve it in the wallet window, or try again if you closed it.");
  }
  if (/no ledger|ledger.*(locked|not found|disconnected)|device.*locked|0x5515|0x6e01|Transport(Error|StatusError|OpenUserCancelled|InterfaceNotAvailable|RaceCondition)|No device selected|app.*not open/i.test(`${name} ${message}`)) {
    return new AppError(
      "wallet.ledger_closed",
      "The Ledger did not answer: connect and unlock it, open the Cosmos app on it, then try again.",
    );
  }
  if (/there is no (chain info|modular chain info) for|chain id .* not (found|supported)|no chain info/i.test(message)) {
    return new AppError("wallet.wrong_chain", "The wallet does not know this network yet: approve adding it in the wallet, or switch the wallet to the console's network.");
  }
  return undefined;
}

/**
 * Anything thrown while simulating, signing or broadcasting. Handles AppError (passed through), cosmjs
 * BroadcastTxError (code/codespace/log), cosmjs TimeoutError (txId), simulate/query errors whose message embeds
 * the raw log, and wallet errors.
 */
export function mapTxError(e: unknown, timeoutSeconds?: number): AppError {
  if (isAppError(e)) return e;
  const x = asErrorLike(e);
  const message = typeof x.message === "string" ? x.message : String(e);
  const name = typeof x.name === "string" ? x.name : "";

  if (name === "TimeoutError" || typeof x.txId === "string") {
    const hash = typeof x.txId === "string" ? x.txId : undefined;
    const within = timeoutSeconds ? ` within ${timeoutSeconds} seconds` : "";
    return new AppError(
      "chain.tx_timeout",
      `The transaction${hash ? ` ${hash}` : ""} was sent but not included in a block${within}. It may still be included: check its status before sending it again.`,
      { details: { txHash: hash }, cause: e },
    );
  }
  if (typeof x.code === "number" && x.code !== 0 && (typeof x.log === "string" || typeof x.codespace === "string")) {
    return mapChainFailure({ code: x.code, codespace: typeof x.codespace === "string" ? x.codespace : undefined, rawLog: typeof x.log === "string" ? x.log : message });
  }
  const wallet = mapWalletError(message, name);
  if (wallet) return wallet;
  // cosmjs's HTTP RPC client surfaces a node that is down as the browser's or Node's fetch error
  if (/Failed to fetch|fetch failed|NetworkError when attempting|ECONNREFUSED|ENOTFOUND|ETIMEDOUT|socket hang up|Load failed/i.test(message)) {
    return new AppError("chain.unreachable", `The chain's RPC node cannot be reached (${message}); nothing was signed. Check the network's RPC URL or try again in a moment.`, { cause: e });
  }
  // simulate errors: "Query failed with (6): rpc error: code = Unknown desc = <raw log> [stack] With gas wanted: ..."
  const mapped = mapChainFailure({ code: -1, rawLog: message });
  if (mapped.code !== "chain.tx_rejected" || /rpc error|Broadcasting transaction failed/.test(message)) return mapped;
  return new AppError("internal", `Sending the transaction failed unexpectedly: ${message}`, { cause: e });
}
