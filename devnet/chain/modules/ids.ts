/** Id helpers shared by the modules: proto id objects <-> records, and their typed-event JSON. */
import { toBigInt } from "../codec";

export interface DeploymentIdRec {
  owner: string;
  dseq: bigint;
}
export interface OrderIdRec extends DeploymentIdRec {
  gseq: number;
  oseq: number;
}
export interface BidIdRec extends OrderIdRec {
  provider: string;
  bseq: number;
}

export const dIdJson = (id: DeploymentIdRec) => ({ owner: id.owner, dseq: id.dseq.toString() });
export const gIdJson = (id: DeploymentIdRec & { gseq: number }) => ({ ...dIdJson(id), gseq: id.gseq });
export const oIdJson = (id: OrderIdRec) => ({ ...gIdJson(id), oseq: id.oseq });
export const bIdJson = (id: BidIdRec) => ({ ...oIdJson(id), provider: id.provider, bseq: id.bseq });

/** A BidID/LeaseID as decoded (dseq a Long), or absent. */
export function bidIdFrom(
  m: { owner?: string; dseq?: { toString(): string } | string | number; gseq?: number; oseq?: number; provider?: string; bseq?: number } | undefined,
): BidIdRec {
  return {
    owner: m?.owner ?? "",
    dseq: toBigInt(m?.dseq),
    gseq: m?.gseq ?? 0,
    oseq: m?.oseq ?? 0,
    provider: m?.provider ?? "",
    bseq: m?.bseq ?? 0,
  };
}
