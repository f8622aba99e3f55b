/**
 * What a tenant does from outside the devnet, with cosmjs and chain-sdk only (the devnet's own tests, the full-cycle
 * test and the devnet benches): a cosmjs Registry of chain-sdk's generated message types, a deployment from an SDL
 * (group specs, manifest and its version hash), the account's wallet and key, and provider JWTs.
 * Nothing here reaches into the chain or the providers: everything goes over RPC, REST and the gateways. Lib-free on
 * purpose: the devnet is tested against chain-sdk and cosmjs, so that a bug in the console's encoding or signing
 * cannot be mirrored by the network it is tested against.
 */
import {
  JwtTokenManager,
  generateManifest,
  generateManifestVersion,
  manifestToSortedJSON,
  type CreateJWTOptions,
} from "@akashnetwork/chain-sdk";
import * as v1 from "@akashnetwork/chain-sdk/private-types/akash.v1";
import * as v1beta4 from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import * as v1beta5 from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { Bip39, EnglishMnemonic, Secp256k1, Slip10, Slip10Curve, sha256, stringToPath } from "@cosmjs/crypto";
import { Registry, type EncodeObject, type GeneratedType } from "@cosmjs/proto-signing";
import { defaultRegistryTypes } from "@cosmjs/stargate";
import { Secp256k1HdWallet } from "@cosmjs/amino";
import type { DevnetAccount } from "../../devnet/accounts";
import { createDeploymentMsg, createLeaseMsg, sdlDeployment, typeUrl, type BidIdJson, type SdlDeployment } from "../../devnet/tenant-messages";

export { createDeploymentMsg, createLeaseMsg, sdlDeployment, typeUrl, type BidIdJson, type SdlDeployment };

/** The Akash messages a tenant signs, chain-sdk's generated (unpatched) codecs. */
export const TENANT_MESSAGES = {
  createDeployment: v1beta4.MsgCreateDeployment,
  updateDeployment: v1beta4.MsgUpdateDeployment,
  closeDeployment: v1beta4.MsgCloseDeployment,
  createLease: v1beta5.MsgCreateLease,
  closeLease: v1beta5.MsgCloseLease,
  accountDeposit: v1.MsgAccountDeposit,
  createCertificate: v1.MsgCreateCertificate,
  revokeCertificate: v1.MsgRevokeCertificate,
  mintAct: v1.MsgMintACT,
} as const;


/** cosmjs's default types (bank, staking...) plus chain-sdk's Akash messages. */
export function tenantRegistry(): Registry {
  return new Registry([
    ...defaultRegistryTypes,
    // chain-sdk's codecs write with @bufbuild/protobuf's BinaryWriter; cosmjs only calls .finish() on it.
    ...Object.values(TENANT_MESSAGES).map((t): [string, GeneratedType] => [typeUrl(t), t as unknown as GeneratedType]),
  ]);
}



/** A parsed SDL (e.g. a tweaked corpusSdl) through chain-sdk: manifest groups, group specs, manifest JSON, version hash. */
export async function manifestOf(sdl: unknown) {
  const r = generateManifest(sdl as Parameters<typeof generateManifest>[0]);
  if (!r.ok) throw new Error(`SDL invalid: ${JSON.stringify(r.value).slice(0, 300)}`);
  return { groups: r.value.groups, groupSpecs: r.value.groupSpecs, json: manifestToSortedJSON(r.value.groups), hash: await generateManifestVersion(r.value.groups) };
}


export function closeDeploymentMsg(owner: string, dseq: bigint): EncodeObject {
  return { typeUrl: typeUrl(v1beta4.MsgCloseDeployment), value: v1beta4.MsgCloseDeployment.fromPartial({ id: { owner, dseq: dseq.toString() } }) };
}



const privkeys = new Map<string, Promise<Uint8Array>>();

/** The account's secp256k1 key at m/44'/118'/0'/0/0 (what Secp256k1HdWallet derives). */
export function privkeyOf(account: DevnetAccount): Promise<Uint8Array> {
  let p = privkeys.get(account.mnemonic);
  if (!p) {
    p = Bip39.mnemonicToSeed(new EnglishMnemonic(account.mnemonic)).then(
      (seed) => Slip10.derivePath(Slip10Curve.Secp256k1, seed, stringToPath("m/44'/118'/0'/0/0")).privkey,
    );
    privkeys.set(account.mnemonic, p);
  }
  return p;
}

/** The account's amino wallet (what Keplr's signAmino and signArbitrary use), its address and public key. */
export async function walletOf(account: DevnetAccount) {
  const wallet = await Secp256k1HdWallet.fromMnemonic(account.mnemonic, { prefix: "akash" });
  const [acc] = await wallet.getAccounts();
  if (!acc) throw new Error(`no account in the wallet of ${account.name}`);
  return { wallet, address: acc.address, pubkey: acc.pubkey };
}

/**
 * A provider JWT (AEP-64) from chain-sdk's JwtTokenManager. ES256K: the tenant's account key signs
 * sha256(header.payload) directly; ES256KADR36: the amino wallet signs it as an ADR-36 document, as Keplr does.
 */
export async function providerToken(
  account: DevnetAccount,
  opts: Partial<CreateJWTOptions> = {},
  algorithm: "ES256K" | "ES256KADR36" = "ES256K",
): Promise<string> {
  const { wallet, address } = await walletOf(account);
  const mgr = new JwtTokenManager(algorithm === "ES256K" ? await es256kSigner(account) : wallet);
  const now = Math.floor(Date.now() / 1000);
  return mgr.generateToken({ version: "v1", iss: address, iat: now, nbf: now, exp: now + 3600, leases: { access: "full" }, ...opts });
}

async function es256kSigner(account: DevnetAccount) {
  const privkey = await privkeyOf(account);
  const { pubkey } = await Secp256k1.makeKeypair(privkey);
  const compressed = Secp256k1.compressPubkey(pubkey);
  return {
    algorithm: "ES256K" as const,
    async signArbitrary(_signer: string, data: string | Uint8Array) {
      const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
      const sig = await Secp256k1.createSignature(sha256(bytes), privkey);
      return {
        pub_key: { type: "tendermint/PubKeySecp256k1", value: Buffer.from(compressed).toString("base64") },
        signature: Buffer.from([...sig.r(32), ...sig.s(32)]).toString("base64"),
      };
    },
  };
}
