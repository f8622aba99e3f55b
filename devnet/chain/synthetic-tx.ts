/**
 * The tx behind submitAs: the simulated providers' and auditor's messages wrapped in a TxRaw with an empty
 * signature, which CheckTx admits only as `trusted` (the devnet's stand-in for a provider daemon signing its tx).
 *
 * The values are in chain-sdk's (patched) TxInput form: DecCoin amounts as decimals ("0.5"), the way chain-sdk's own
 * createBid takes them; its patched encoders write the wire form (LegacyDec atomics).
 */
import type { EncodeObject } from "@cosmjs/proto-signing";
import { cosmos, msgCodecs } from "./codec";
import { sdkErr } from "./errors";
import type { AppState } from "./state";
import { decodeTx } from "./tx";

export function syntheticTx(checkState: AppState, signer: string, msgs: EncodeObject[], memo: string): Uint8Array {
  const anys = msgs.map((m) => {
    const codec = msgCodecs.get(m.typeUrl);
    if (!codec) throw sdkErr.txDecode(`unable to resolve type URL ${m.typeUrl}`);
    const value = m.value instanceof Uint8Array ? m.value : codec.encode(codec.fromPartial(m.value)).finish();
    return { typeUrl: m.typeUrl, value };
  });
  const body = cosmos.TxBody.encode(cosmos.TxBody.fromPartial({ messages: anys, memo })).finish();
  const acc = checkState.accounts.get(signer);
  const authInfo = cosmos.AuthInfo.encode(
    cosmos.AuthInfo.fromPartial({
      signerInfos: [{ modeInfo: { single: { mode: 1 } }, sequence: String(acc?.sequence ?? 0) }],
      fee: { amount: [], gasLimit: "0" },
    }),
  ).finish();
  const raw = cosmos.TxRaw.encode(cosmos.TxRaw.fromPartial({ bodyBytes: body, authInfoBytes: authInfo, signatures: [new Uint8Array()] })).finish();
  const tx = decodeTx(raw);
  if (tx.signers.length !== 1 || tx.signers[0] !== signer) {
    throw sdkErr.unauthorized(`submitAs(${signer}): messages must be signed by ${tx.signers.join(",")}`);
  }
  return raw;
}
