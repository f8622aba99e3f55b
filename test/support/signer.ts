/**
 * Signs like Keplr's signArbitrary (an amino signature over the ADR-36 doc), for the sign-in tests. The doc comes
 * from the test side (./adr36.ts), not from lib/auth, so a bug in the console's copy cannot be mirrored here.
 * The devnet's accounts come from devnet/accounts.ts; every other key is a fresh random mnemonic, so no further
 * secret-looking words are committed.
 */
import { Secp256k1HdWallet, type StdSignature } from "@cosmjs/amino";
import { Bip39, Random } from "@cosmjs/crypto";
import { adr36Doc } from "./adr36";

/** A key no devnet account has: a fresh random mnemonic per test run. */
export const OTHER_MNEMONIC = Bip39.encode(Random.getBytes(32)).toString();

export async function adr36Signer(mnemonic: string) {
  const wallet = await Secp256k1HdWallet.fromMnemonic(mnemonic, { prefix: "akash" });
  const [account] = await wallet.getAccounts();
  if (!account) throw new Error("no account");
  return {
    address: account.address,
    pubkey: account.pubkey,
    async sign(data: string): Promise<StdSignature> {
      const { signature } = await wallet.signAmino(account.address, adr36Doc(account.address, data));
      return signature;
    },
  };
}
