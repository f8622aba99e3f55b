/**
 * Admin routes that steer the chain's oracle (modules/oracle.ts): pin the AKT price, stall or clear the price
 * sources, so that a console's AKT figures, its "price unknown" state and a refused mint can be tested.
 * Bodies are zod-validated like the other routes.
 */
import { z } from "zod";
import type { App } from "../chain/app";
import { decFromString, decToString } from "../chain/codec";
import { ORACLE_BASE_DENOM, ORACLE_DENOM } from "../chain/modules/oracle";

export interface OracleAdminDeps {
  chain: App;
  isStalled(): boolean;
}

const decimal = z.string().regex(/^\d+(\.\d{1,18})?$/, "must be a decimal such as \"100\" or \"2.5\"");
const priceBody = z.object({ price: decimal.refine((p) => decFromString(p) > 0n, "must be above 0").nullable() });
const stallBody = z.object({ stalled: z.boolean().default(true), expire: z.boolean().default(false) });

export function oracleRoutes(deps: OracleAdminDeps): Record<string, (body: unknown) => unknown | Promise<unknown>> {
  const { chain } = deps;
  /** Resolves after the next block, or at once while the chain is stalled (the change then waits for a block). */
  const nextBlock = () =>
    deps.isStalled()
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const off = chain.onBlock(() => {
            off();
            resolve();
          });
        });
  const oracleView = () => {
    const o = chain.state.oracle;
    return {
      denom: ORACLE_DENOM,
      baseDenom: ORACLE_BASE_DENOM,
      height: chain.height(),
      pinned: o.pinned === undefined ? null : decToString(o.pinned),
      stalled: o.stalled,
      twap: o.aggregate ? decToString(o.aggregate.twap) : null,
      healthy: o.health?.isHealthy ?? false,
    };
  };

  return {
    "GET /oracle": () => oracleView(),
    "POST /oracle/price": async (b) => {
      const { price } = priceBody.parse(b);
      const o = chain.state.oracle;
      o.pinned = price === null ? undefined : decFromString(price);
      // a pin holds the TWAP too from the next block on; an unpin lets the seeded price take over gradually
      if (price !== null) o.medians = [];
      await nextBlock();
      return oracleView();
    },
    "POST /oracle/stall": async (b) => {
      const { stalled, expire } = stallBody.parse(b);
      const o = chain.state.oracle;
      o.stalled = stalled;
      if (stalled && expire) o.staleBefore = chain.height() + 1;
      if (!stalled) o.staleBefore = undefined;
      await nextBlock();
      return oracleView();
    },
    "POST /oracle/clear": async () => {
      const o = chain.state.oracle;
      Object.assign(o, { prices: [], medians: [], aggregate: undefined, health: undefined, stalled: true, staleBefore: undefined });
      await nextBlock();
      return oracleView();
    },
  };
}
