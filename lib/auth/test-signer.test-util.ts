import { Secp256k1HdWallet, type StdSignature } from "@cosmjs/amino";
import { Bip39, Random } from "@cosmjs/crypto";
import { makeAdr36SignDoc } from "@/lib/auth/adr36";
import { DEVNET_TEST_MNEMONIC } from "@/lib/wallet/devnet-wallet";

/**
 * Keys for tests. tenant1's is the devnet's public test mnemonic (the only one lib/ may contain); every other
 * account is a fresh random mnemonic, so no further secret-looking words are committed.
 */
export const TENANT1_MNEMONIC = DEVNET_TEST_MNEMONIC;
export const TENANT1_ADDRESS = "akash15yk64u7zc9g9k2yr2wmzeva5qgwxps6ytfzgqy";
export const OTHER_MNEMONIC = Bip39.encode(Random.getBytes(32)).toString();

/** Signs like Keplr's signArbitrary: an amino signature over the ADR-36 doc. */
export async function adr36Signer(mnemonic: string) {
  const wallet = await Secp256k1HdWallet.fromMnemonic(mnemonic, { prefix: "akash" });
  const [account] = await wallet.getAccounts();
  if (!account) throw new Error("no account");
  return {
    address: account.address,
    pubkey: account.pubkey,
    async sign(data: string): Promise<StdSignature> {
      const { signature } = await wallet.signAmino(account.address, makeAdr36SignDoc(account.address, data));
      return signature;
    },
  };
}
