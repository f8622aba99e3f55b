import { providersAnswerSchema } from "@/lib/market/provider-info";
import { directoryAnswerSchema } from "@/lib/market/directory";
import { callApi } from "@/lib/http/json-client";

// The browser's side of app/api/providers, through the one console API client.
const UNREACHABLE = "The console's server cannot be reached, so provider names, regions and uptime are missing; the bids themselves are read from the chain.";

export const providersApi = {
  /** owners are sorted so the same set always asks the same URL (and hits the route's private cache) */
  byOwners: (owners: readonly string[], signal?: AbortSignal) =>
    callApi(providersAnswerSchema, `/api/providers?owners=${encodeURIComponent([...owners].sort().join(","))}`, { signal, unreachable: UNREACHABLE }),
  /** every provider on chain with the console's uptime figures */
  directory: (signal?: AbortSignal) =>
    callApi(directoryAnswerSchema, "/api/providers/directory", { signal, unreachable: "The console's server cannot be reached, so the provider directory cannot be shown." }),
};
