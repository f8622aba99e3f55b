/**
 * Stateless checks the modules share (deployment, market, provider): an account address of this chain and a
 * group's max price. Deployment calls into market (orders of a new group), so market must not import deployment.
 */
import { fromBech32 } from "@cosmjs/encoding";
import { akashV1beta4, decFromDecoded } from "../codec";
import { deploymentErr, sdkErr } from "../errors";

export function requireAddress(addr: string, what: string): void {
  try {
    const { prefix } = fromBech32(addr);
    if (prefix !== "akash") throw new Error("prefix");
  } catch {
    throw sdkErr.invalidAddress(`invalid ${what} address ${JSON.stringify(addr)}`);
  }
}

/** Max price of a group per block, in LegacyDec atomics, and its denom (the sum of price x count). */
export function groupMaxPrice(spec: akashV1beta4.GroupSpec): { denom: string; amount: bigint } {
  let denom = "";
  let amount = 0n;
  for (const ru of spec.resources) {
    if (!ru.price) throw deploymentErr.invalidPrice(`group ${spec.name}: missing price`);
    if (denom && ru.price.denom !== denom) throw deploymentErr.invalidPrice(`group ${spec.name}: mixed denominations`);
    denom = ru.price.denom;
    let p: bigint;
    try {
      p = decFromDecoded(ru.price.amount);
    } catch (e) {
      throw sdkErr.txDecode((e as Error).message);
    }
    amount += p * BigInt(ru.count);
  }
  return { denom, amount };
}
