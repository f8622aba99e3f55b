import { Scope, Source } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import type { MsgAccountDeposit, MsgCreateCertificate, MsgMintACT, MsgRevokeCertificate } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import type { GroupSpec, MsgCloseDeployment, MsgCreateDeployment, MsgUpdateDeployment } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { LeaseClosedReason } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import type { MsgCloseLease, MsgCreateLease } from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { addressProblem } from "@/lib/chain/address";
import type { EncodeObject } from "@cosmjs/proto-signing";
import { parseDseq } from "@/lib/chain/dseq";
import { MESSAGE_TYPES, TYPE_URLS } from "@/lib/chain/registry";
import { AppError } from "@/lib/errors/app-error";

/**
 * Pure builders for every message the console sends. Each validates what the chain would reject anyway, but
 * earlier and in words a tenant understands, and returns chain-sdk's own message object (via fromPartial) so the
 * registry encodes exactly what chain-sdk would.
 */
export interface TypedEncodeObject<U extends string, V> extends EncodeObject {
  readonly typeUrl: U;
  readonly value: V;
}

export interface CoinInput {
  denom: string;
  /** integer amount of the base denom (uakt, uact) */
  amount: string | bigint;
}

const DEPOSIT_DENOMS = ["uakt", "uact"] as const;

function invalid(message: string): AppError {
  return new AppError("request.invalid", message);
}

function address(value: string, field: string): string {
  const problem = addressProblem(value);
  if (problem) throw invalid(`${field} ${problem}`);
  return value;
}

function positiveCoin(coin: CoinInput, field: string, denoms: readonly string[] = DEPOSIT_DENOMS): { denom: string; amount: string } {
  const text = coin.amount.toString();
  if (!/^\d+$/.test(text) || BigInt(text) <= 0n) {
    throw invalid(`${field} must be a positive whole number of ${coin.denom || "base units"}, got "${text}".`);
  }
  if (!denoms.includes(coin.denom)) throw invalid(`${field} must be in ${denoms.join(" or ")}, got "${coin.denom}".`);
  return { denom: coin.denom, amount: BigInt(text).toString() };
}

function seq(value: number, field: string, min: number): number {
  if (!Number.isInteger(value) || value < min || value > 0xffff_ffff) {
    throw invalid(`${field} must be a whole number from ${min} to 4294967295, got ${value}.`);
  }
  return value;
}

function manifestHash(hash: Uint8Array): Uint8Array {
  // sha256 of the manifest's sorted JSON (chain-sdk generateManifestVersion); the provider checks it on manifest PUT
  if (!(hash instanceof Uint8Array) || hash.length !== 32) {
    throw invalid(`The manifest hash must be 32 bytes (sha256), got ${hash instanceof Uint8Array ? hash.length : typeof hash}.`);
  }
  return hash;
}

export interface DeploymentRef {
  owner: string;
  dseq: string | number | bigint;
}

function deploymentId(ref: DeploymentRef): { owner: string; dseq: string } {
  return { owner: address(ref.owner, "owner"), dseq: parseDseq(ref.dseq) };
}

export interface CreateDeploymentInput extends DeploymentRef {
  /** chain-sdk GroupSpecs as returned by generateManifest(...).value.groupSpecs */
  groups: readonly GroupSpec[];
  hash: Uint8Array;
  deposit: CoinInput;
  /** where the deposit comes from; the tenant's own balance unless an authz grant is meant to pay */
  sources?: readonly Source[];
}

export function createDeploymentMsg(input: CreateDeploymentInput): TypedEncodeObject<typeof TYPE_URLS.createDeployment, MsgCreateDeployment> {
  const id = deploymentId(input);
  if (input.groups.length === 0) throw invalid("A deployment needs at least one group; the SDL's deployment section is empty.");
  const deposit = positiveCoin(input.deposit, "deposit");
  // the chain refuses a deposit in another denom than the groups' prices ("Mismatched denominations")
  for (const group of input.groups) {
    for (const unit of group.resources) {
      const priceDenom = unit.price?.denom;
      if (priceDenom !== undefined && priceDenom !== deposit.denom) {
        throw invalid(`Group "${group.name}" is priced in ${priceDenom} but the deposit is in ${deposit.denom}; deposit in ${priceDenom}.`);
      }
    }
  }
  const sources = input.sources ?? [Source.balance];
  if (sources.length === 0) throw invalid("A deposit needs at least one source (balance or grant).");
  return {
    typeUrl: TYPE_URLS.createDeployment,
    value: MESSAGE_TYPES.createDeployment.fromPartial({
      id,
      groups: [...input.groups],
      hash: manifestHash(input.hash),
      deposit: { amount: deposit, sources: [...sources] },
    }),
  };
}

export function updateDeploymentMsg(input: DeploymentRef & { hash: Uint8Array }): TypedEncodeObject<typeof TYPE_URLS.updateDeployment, MsgUpdateDeployment> {
  return {
    typeUrl: TYPE_URLS.updateDeployment,
    value: MESSAGE_TYPES.updateDeployment.fromPartial({ id: deploymentId(input), hash: manifestHash(input.hash) }),
  };
}

export function closeDeploymentMsg(input: DeploymentRef): TypedEncodeObject<typeof TYPE_URLS.closeDeployment, MsgCloseDeployment> {
  return { typeUrl: TYPE_URLS.closeDeployment, value: MESSAGE_TYPES.closeDeployment.fromPartial({ id: deploymentId(input) }) };
}

export interface BidIdInput extends DeploymentRef {
  gseq: number;
  oseq: number;
  provider: string;
  bseq: number;
}

function bidId(input: BidIdInput) {
  return {
    ...deploymentId(input),
    gseq: seq(input.gseq, "gseq", 1),
    oseq: seq(input.oseq, "oseq", 1),
    provider: address(input.provider, "provider"),
    bseq: seq(input.bseq, "bseq", 0),
  };
}

export function createLeaseMsg(input: BidIdInput): TypedEncodeObject<typeof TYPE_URLS.createLease, MsgCreateLease> {
  return { typeUrl: TYPE_URLS.createLease, value: MESSAGE_TYPES.createLease.fromPartial({ bidId: bidId(input) }) };
}

/** A lease id has the same fields as the bid it came from. The tenant closes as owner. */
export function closeLeaseMsg(input: BidIdInput): TypedEncodeObject<typeof TYPE_URLS.closeLease, MsgCloseLease> {
  return {
    typeUrl: TYPE_URLS.closeLease,
    value: MESSAGE_TYPES.closeLease.fromPartial({ id: bidId(input), reason: LeaseClosedReason.lease_closed_owner }),
  };
}

export interface DepositInput extends DeploymentRef {
  /** who pays; the owner for a self-custody tenant, a grantee when spending an authz deposit grant */
  signer?: string;
  amount: CoinInput;
  sources?: readonly Source[];
}

/**
 * Tops up a deployment's escrow. Since akash v1 deposits go through the escrow module; the account of a
 * deployment is scope "deployment" with xid "<owner>/<dseq>" (akash-network/console TransactionMessageData).
 */
export function depositMsg(input: DepositInput): TypedEncodeObject<typeof TYPE_URLS.accountDeposit, MsgAccountDeposit> {
  const id = deploymentId(input);
  const signer = address(input.signer ?? input.owner, "signer");
  const sources = input.sources ?? [Source.balance];
  if (sources.length === 0) throw invalid("A deposit needs at least one source (balance or grant).");
  return {
    typeUrl: TYPE_URLS.accountDeposit,
    value: MESSAGE_TYPES.accountDeposit.fromPartial({
      signer,
      id: { scope: Scope.deployment, xid: `${id.owner}/${id.dseq}` },
      deposit: { amount: positiveCoin(input.amount, "deposit"), sources: [...sources] },
    }),
  };
}

const PEM = /^-----BEGIN ([A-Z0-9 ]+)-----\r?\n[\s\S]+?\r?\n-----END \1-----\s*$/;

/** The chain stores the PEM text itself as bytes (cert v1 MsgCreateCertificate.cert / .pubkey). */
export function createCertificateMsg(input: { owner: string; certPem: string; pubkeyPem: string }): TypedEncodeObject<typeof TYPE_URLS.createCertificate, MsgCreateCertificate> {
  if (!PEM.test(input.certPem) || !input.certPem.includes("CERTIFICATE")) throw invalid("The certificate must be a PEM block (-----BEGIN CERTIFICATE-----).");
  if (!PEM.test(input.pubkeyPem) || !input.pubkeyPem.includes("PUBLIC KEY")) throw invalid("The public key must be a PEM block (-----BEGIN EC PUBLIC KEY----- or PUBLIC KEY).");
  const utf8 = new TextEncoder();
  return {
    typeUrl: TYPE_URLS.createCertificate,
    value: MESSAGE_TYPES.createCertificate.fromPartial({
      owner: address(input.owner, "owner"),
      cert: utf8.encode(input.certPem),
      pubkey: utf8.encode(input.pubkeyPem),
    }),
  };
}

export function revokeCertificateMsg(input: { owner: string; serial: string }): TypedEncodeObject<typeof TYPE_URLS.revokeCertificate, MsgRevokeCertificate> {
  if (!/^\d+$/.test(input.serial)) throw invalid(`Certificate serial "${input.serial}" must be the decimal serial shown on chain.`);
  return {
    typeUrl: TYPE_URLS.revokeCertificate,
    value: MESSAGE_TYPES.revokeCertificate.fromPartial({ id: { owner: address(input.owner, "owner"), serial: input.serial } }),
  };
}

/**
 * Burns AKT to mint ACT (bme v1). The chain requires `to` to be the signer when the minted coin is ACT, so there is
 * no recipient parameter. Settlement is asynchronous: the ACT arrives in a later block.
 */
export function mintActMsg(input: { owner: string; amount: CoinInput }): TypedEncodeObject<typeof TYPE_URLS.mintAct, MsgMintACT> {
  const owner = address(input.owner, "owner");
  return {
    typeUrl: TYPE_URLS.mintAct,
    value: MESSAGE_TYPES.mintAct.fromPartial({ owner, to: owner, coinsToBurn: positiveCoin(input.amount, "AKT to burn", ["uakt"]) }),
  };
}
