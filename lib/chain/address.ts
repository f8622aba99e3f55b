import { fromBech32 } from "@cosmjs/encoding";
import { z } from "zod";

/**
 * The one rule for an Akash account address (tenants, providers, auditors): bech32 with the `akash` prefix and a
 * 20-byte payload, which is `akash1` followed by 38 characters of the bech32 alphabet. The checksum is verified too,
 * so a mistyped character is caught here and not by the chain after a signature.
 */
export const AKASH_ADDRESS_PATTERN = /^akash1[02-9ac-hj-np-z]{38}$/;

/** Why `value` is not an Akash account address, in words for the tenant; null when it is one. */
export function addressProblem(value: string): string | null {
  let decoded: { prefix: string; data: Uint8Array };
  try {
    decoded = fromBech32(value);
  } catch {
    return `"${value}" is not a valid bech32 address. Copy it again from the wallet or the explorer.`;
  }
  if (decoded.prefix !== "akash") return `"${value}" is a "${decoded.prefix}" address; Akash addresses start with "akash1".`;
  if (decoded.data.length !== 20) return `"${value}" is not an account address (it holds ${decoded.data.length} bytes, accounts hold 20).`;
  return null;
}

export function isAkashAddress(value: string): boolean {
  return AKASH_ADDRESS_PATTERN.test(value) && addressProblem(value) === null;
}

/** For request bodies, query strings and route params. */
export function akashAddressSchema(message = "must be an akash1… account address") {
  return z.string().refine(isAkashAddress, { message });
}

/** akash15yk64u7zc9g9k2yr2wmzeva5qgwxps6ytfzgqy -> akash15yk6…zgqy: the one short form, with the full address in a title. */
export function shortAddress(address: string): string {
  return address.length > 16 ? `${address.slice(0, 10)}…${address.slice(-4)}` : address;
}
