import { Secp256k1HdWallet, type StdSignature } from "@cosmjs/amino";
import { makeAdr36SignDoc } from "@/lib/auth/adr36";

/** The public devnet accounts (devnet/accounts.ts; lib/ may not import devnet/, so the two are repeated here). */
export const TENANT1_MNEMONIC = "test test test test test test test test test test test junk";
export const TENANT1_ADDRESS = "akash15yk64u7zc9g9k2yr2wmzeva5qgwxps6ytfzgqy";
export const TENANT2_MNEMONIC =
  "envelope myself predict shuffle wealth section want furnace rebuild devote siren assist tape divert write eight special unique obtain identify cabin goat joy bring";
export const TENANT2_ADDRESS = "akash1ftvgh9rdfnn48rtjy2x4xw50tsr6vzfc8npy7k";

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
