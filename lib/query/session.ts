import { queryOptions } from "@tanstack/react-query";
import { authApi } from "@/lib/auth/api-client";

/** The console's sign-in session (app/api/auth): which address the server serves, null when signed out. */
export const sessionKeys = {
  all: () => ["session"] as const,
};

export const sessionQueries = {
  current: () =>
    queryOptions({
      queryKey: sessionKeys.all(),
      queryFn: async ({ signal }) => (await authApi.session(signal)).address,
      // the session changes only through sign-in and sign-out, which write the answer into the cache themselves
      staleTime: Infinity,
      retry: false,
    }),
};
