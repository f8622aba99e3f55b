import { z } from "zod";

/** The list's page, filter, search and order, from the URL (app/api/deployments/overview). */
export const overviewQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  state: z.enum(["all", "active", "closed"]).default("all"),
  q: z.string().trim().max(128).default(""),
  order: z.enum(["newest", "oldest"]).default("newest"),
});
export type OverviewQuery = z.infer<typeof overviewQuery>;

export const OVERVIEW_PAGE_SIZE = 20;
/** a text search reads at most this many matching deployments from the chain */
export const SEARCH_LIMIT = 200;
