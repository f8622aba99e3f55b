/**
 * Admin routes for provider faults: `POST /fault` sets a provider's mode (down, http500, expired-cert...);
 * `POST /fault/<kind>` injects a fault with a parameter (contract.ts ProviderFaultInjection); `GET /faults` reads
 * them all. Every body names the provider by its account address.
 */
import { z } from "zod";
import type { ProviderFault, ProviderFaultInjection, ProviderFleet } from "../contract";
import { HttpError, type Routes } from "./route";

const FAULTS = ["down", "http500", "late-bids", "no-bids", "drop-streams", "expired-cert", "unregistered-cert"] as const satisfies readonly ProviderFault[];

const provider = z.string().regex(/^akash1[0-9a-z]{38}$/, "must be a provider's akash1... address");
const count = z.number().int().nonnegative();
const faultBody = z.object({ provider, fault: z.enum(FAULTS).nullable() });

/** The body schema of each `POST /fault/<kind>`, producing the injection. */
const INJECTIONS = {
  "drop-logs": z.object({ provider, afterFrames: count, streams: count.min(1).default(1) }),
  "manifest-500": z.object({ provider, times: count.default(1) }),
  "stall-status": z.object({ provider, ms: count.max(600_000) }),
  "huge-log-line": z.object({ provider, bytes: count.min(1).max(64 * 1024 * 1024).default(10 * 1024 * 1024) }),
  "shell-failure": z.object({ provider, times: count.default(1) }),
  "kube-unavailable": z.object({ provider, on: z.boolean().default(true) }),
  clear: z.object({ provider }),
} satisfies Record<ProviderFaultInjection["kind"], z.ZodType>;

export function faultRoutes(fleet: () => ProviderFleet | undefined): Routes {
  const fleetWith = (address: string): ProviderFleet => {
    const f = fleet();
    if (!f) throw new HttpError(409, "the provider fleet is not running");
    if (!(address in f.endpoints())) throw new HttpError(404, `unknown provider ${address}`);
    return f;
  };
  const routes: Routes = {
    "POST /fault": async (b) => {
      const { provider, fault } = faultBody.parse(b);
      await fleetWith(provider).setFault(provider, fault);
      return { provider, fault };
    },
    "GET /faults": () => {
      const f = fleet();
      if (!f) throw new HttpError(409, "the provider fleet is not running");
      return f.faultStates();
    },
  };
  for (const [kind, schema] of Object.entries(INJECTIONS)) {
    routes[`POST /fault/${kind}`] = async (b) => {
      const { provider, ...params } = schema.parse(b ?? {}) as { provider: string };
      const f = fleetWith(provider);
      await f.inject(provider, { kind, ...params } as ProviderFaultInjection);
      return { provider, ...f.faultStates()[provider] };
    };
  }
  return routes;
}
