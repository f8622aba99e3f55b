import { z } from "zod";
import { akashAddressSchema } from "@/lib/chain/address";
import { SERVICE_NAME } from "@/lib/sdl/rules/services";

/** A lease as the console addresses it: which provider, whose deployment, which group and order. */
export interface LeaseRef {
  provider: string;
  owner: string;
  dseq: string;
  gseq: number;
  oseq: number;
}

const address = akashAddressSchema();

export const accountAddress = address;
export const dseqString = z.string().regex(/^[1-9]\d{0,19}$/, "a dseq is a positive integer");
export const seqNumber = z.coerce.number().int().min(1).max(0xffffffff);

/** zod at the edge: a LeaseRef from a URL or a websocket message */
export const leaseRefSchema = z.object({ provider: address, owner: address, dseq: dseqString, gseq: seqNumber, oseq: seqNumber });

/** Kubernetes service names of an SDL (lowercase, digits, dashes): the only thing a service filter may carry */
export const serviceName = z.string().max(63).regex(SERVICE_NAME, "must be a service name from the SDL");

export function leaseLabel(l: LeaseRef): string {
  return `${l.dseq}/${l.gseq}/${l.oseq} on ${l.provider}`;
}
