/**
 * Registers a simulated provider on chain as a provider daemon's operator would: MsgCreateProvider with its host URI
 * and attributes plus its certificate in one tx, AUDITOR1's MsgSignProviderAttributes right behind; on a kept chain
 * state (already registered) MsgUpdateProvider instead, and the certificate only if it is not there yet.
 */
import { MsgSignProviderAttributes } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { MsgCreateProvider, MsgUpdateProvider } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import type { EncodeObject } from "@cosmjs/proto-signing";
import { AUDITOR1 } from "../accounts";
import type { DevnetChain } from "../contract";
import { certificateMsg, isOnChain } from "./cert-registration";
import type { CertBundle } from "./certs";
import type { ProviderProfile } from "./profiles";

export interface RegistrationHooks {
  /** every registration tx's result */
  recordTx(r: { provider: string; code: number; rawLog: string }): void;
  /** the auditor's signature was committed */
  audited(audit: { auditor: string; attributes: { key: string; value: string }[] }): void;
}

export async function registerProvider(chain: DevnetChain, profile: ProviderProfile, hostUri: string, cert: CertBundle, hooks: RegistrationHooks): Promise<void> {
  const address = profile.account.address;
  const record = (r: { code: number; rawLog: string }) => hooks.recordTx({ provider: address, code: r.code, rawLog: r.rawLog });
  const providerMsg = { owner: address, hostUri, attributes: profile.attributes, info: profile.info };
  const certMsg = certificateMsg(address, cert);
  const createMsgs: EncodeObject[] = [{ typeUrl: `/${MsgCreateProvider.$type}`, value: MsgCreateProvider.fromPartial(providerMsg) }];
  if (!isOnChain(chain, address, cert)) createMsgs.push(certMsg);
  // provider and certificate in one tx; the auditor's signature right behind it (same block, FIFO)
  const created = chain.submitAs(address, createMsgs, "devnet provider registration");
  const auditMsg: EncodeObject | undefined = profile.auditedAttributes.length
    ? {
        typeUrl: `/${MsgSignProviderAttributes.$type}`,
        value: MsgSignProviderAttributes.fromPartial({ owner: address, auditor: AUDITOR1.address, attributes: profile.auditedAttributes }),
      }
    : undefined;
  const audited = auditMsg ? chain.submitAs(AUDITOR1.address, [auditMsg], "devnet audit") : undefined;
  let r = await created;
  record(r);
  if (r.code !== 0) {
    // already registered (devnet restarted on a kept chain state): update host URI/attributes, then the cert
    r = await chain.submitAs(address, [{ typeUrl: `/${MsgUpdateProvider.$type}`, value: MsgUpdateProvider.fromPartial(providerMsg) }], "devnet provider update");
    record(r);
    if (!isOnChain(chain, address, cert)) record(await chain.submitAs(address, [certMsg]));
  }
  if (audited && auditMsg) {
    let ra = await audited;
    if (ra.code !== 0) ra = await chain.submitAs(AUDITOR1.address, [auditMsg], "devnet audit"); // provider was not there yet
    record(ra);
    if (ra.code === 0) hooks.audited({ auditor: AUDITOR1.address, attributes: profile.auditedAttributes });
  }
}
