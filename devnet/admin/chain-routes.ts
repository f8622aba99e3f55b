/**
 * Admin routes that act on the chain's state: seeding many deployments for one owner (issue 10's scale tests
 * and benchmark) and steering the oracle's AKT price (issue 12). Bodies are zod-validated like the other routes.
 */
import { z } from "zod";
import type { App } from "../chain/app";
import { decFromString, decToString } from "../chain/codec";
import { ORACLE_BASE_DENOM, ORACLE_DENOM } from "../chain/modules/oracle";
import { deploymentParams } from "../chain/params";
import { SEED_MAX_PRICE, SeedError, seedDeployments, type SeedResult } from "./seed-deployments";

export interface ChainAdminDeps {
  chain: App;
  /** the account the seed's deposits come from */
  faucet: string;
  isStalled(): boolean;
}

const address = z.string().regex(/^akash1[0-9a-z]{38}$/, "must be an akash1... account address");
const decimal = z.string().regex(/^\d+(\.\d{1,18})?$/, "must be a decimal such as \"100\" or \"2.5\"");
const minDeposit = (denom: string) => BigInt(deploymentParams.minDeposits.find((d) => d.denom === denom)!.amount);

const seedBody = z
  .object({
    owner: address,
    count: z.number().int().min(1).max(10_000),
    leased: z.number().int().min(0).max(10_000).default(0),
    denom: z.enum(["uact", "uakt"]).default("uact"),
    deposit: z.string().regex(/^\d+$/, "must be an integer amount of micro units").default("5000000"),
    price: decimal.default("100"),
  })
  .refine((b) => b.leased <= b.count, { message: "leased must not exceed count", path: ["leased"] })
  .refine((b) => BigInt(b.deposit) >= minDeposit(b.denom), { message: "deposit is below the chain's minimum deposit (500000)", path: ["deposit"] })
  .refine((b) => decFromString(b.price) > 0n && decFromString(b.price) <= decFromString(String(SEED_MAX_PRICE)), {
    message: `price must be above 0 and at most the seeded group's max price (${SEED_MAX_PRICE})`,
    path: ["price"],
  });
const priceBody = z.object({ price: decimal.refine((p) => decFromString(p) > 0n, "must be above 0").nullable() });
const stallBody = z.object({ stalled: z.boolean().default(true), expire: z.boolean().default(false) });

export function chainAdminRoutes(deps: ChainAdminDeps): Record<string, (body: unknown) => unknown | Promise<unknown>> {
  const { chain } = deps;
  let seeding: Promise<unknown> = Promise.resolve();
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
    "POST /deployments/seed": (b) => {
      const req = seedBody.parse(b);
      if (deps.isStalled()) throw new SeedError(409, "the chain is stalled: unstall it first, seeding needs a block");
      const providers = [...chain.state.providers.keys()];
      const run = seeding.then(() => seedDeployments(chain, deps.faucet, providers, { ...req, deposit: BigInt(req.deposit) }));
      seeding = run.catch(() => undefined);
      return run as Promise<SeedResult>;
    },
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
