/** A provider's certificate on chain: the MsgCreateCertificate for it, and registering one outside the start-up tx. */
import { MsgCreateCertificate } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import type { EncodeObject } from "@cosmjs/proto-signing";
import type { DevnetChain } from "../contract";
import type { CertBundle } from "./certs";

const utf8 = (s: string) => new TextEncoder().encode(s);

export function certificateMsg(owner: string, cert: CertBundle): EncodeObject {
  return {
    typeUrl: `/${MsgCreateCertificate.$type}`,
    value: MsgCreateCertificate.fromPartial({ owner, cert: utf8(cert.certPem), pubkey: utf8(cert.pubkeyPem) }),
  };
}

export function isOnChain(chain: DevnetChain, owner: string, cert: CertBundle): boolean {
  return chain.getCertificates(owner).some((c) => c.serial === cert.serial && c.state === "valid");
}

/** Registers `cert` unless it is already valid on chain; resolves once the tx is committed. */
export async function registerCertificate(chain: DevnetChain, owner: string, cert: CertBundle): Promise<void> {
  if (isOnChain(chain, owner, cert)) return;
  const r = await chain.submitAs(owner, [certificateMsg(owner, cert)], "devnet certificate");
  if (r.code !== 0) throw new Error(`registering certificate ${cert.serial} of ${owner} failed: ${r.rawLog}`);
}
