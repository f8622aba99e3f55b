/** The ABCI result of a tx: a failure as the chain reports it (code, codespace, log), a success's TxMsgData. */
import type { TxResult } from "./blocks";
import { b64, cosmos } from "./codec";
import { ChainError } from "./errors";
import type { DecodedTx } from "./tx";

export function errorResult(e: unknown, gasWanted: number, gasUsed: number): TxResult {
  const err = e instanceof ChainError ? e : new ChainError("undefined", 1, "internal", (e as Error)?.message ?? String(e));
  return { code: err.code, codespace: err.codespace, log: err.message, data: "", gasWanted, gasUsed, events: [] };
}

export function msgData(tx: DecodedTx): string {
  const data = cosmos.TxMsgData.encode(
    cosmos.TxMsgData.fromPartial({ msgResponses: tx.msgs.map((m) => ({ typeUrl: `${m.typeUrl}Response`, value: new Uint8Array() })) }),
  ).finish();
  return b64(data);
}
