import { queryOptions } from "@tanstack/react-query";
import { draftsApi } from "@/lib/drafts/api-client";

// Keys go from general to specific so `invalidateQueries({ queryKey: draftQueries.all() })` refreshes every list.
export const draftQueries = {
  all: () => ["drafts"] as const,
  list: (page: number) => queryOptions({ queryKey: [...draftQueries.all(), "list", { page }] as const, queryFn: () => draftsApi.list(page) }),
  versions: (id: string) =>
    queryOptions({ queryKey: [...draftQueries.all(), "detail", id, "versions"] as const, queryFn: () => draftsApi.versions(id) }),
  /** a saved version never changes */
  version: (id: string, versionId: string) =>
    queryOptions({
      queryKey: [...draftQueries.all(), "detail", id, "versions", versionId] as const,
      queryFn: () => draftsApi.version(id, versionId),
      staleTime: Infinity,
    }),
};
