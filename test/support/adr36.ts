import type { StdSignDoc } from "@cosmjs/amino";
import { toBase64, toUtf8 } from "@cosmjs/encoding";

/**
 * Keplr's makeADR36AminoSignDoc, written out again for the test side (the fake Keplr, the sign-in tests' signer, the benches) so that a bug in
 * the console's copy (lib/auth/adr36.ts) is not mirrored by the wallet it is tested against.
 */
export function adr36Doc(signer: string, data: string): StdSignDoc {
  return {
    chain_id: "",
    account_number: "0",
    sequence: "0",
    fee: { gas: "0", amount: [] },
    msgs: [{ type: "sign/MsgSignData", value: { signer, data: toBase64(toUtf8(data)) } }],
    memo: "",
  };
}
