"use client";
import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { authApi } from "@/lib/auth/api-client";
import { clearBackupsOf, handOverBackups } from "@/lib/drafts/local-backup";
import type { AppError } from "@/lib/errors/app-error";
import { sessionKeys, sessionQueries } from "@/lib/query/session";
import { signInWithWallet, type SignInWallet } from "@/lib/wallet/sign-in";

/** The server's session address; null when signed out (or while the server cannot say). */
export function useSession() {
  return useQuery(sessionQueries.current());
}

/** The session as the cache knows it, asking the server first when it has not answered yet. */
export async function currentSession(queryClient: QueryClient): Promise<string | null> {
  // a server that cannot be reached has no session this browser could use or end: that is "none"
  return queryClient.fetchQuery(sessionQueries.current()).then(
    (address) => address,
    () => null,
  );
}

/**
 * Writes the new session into the cache and renders the server components again when it changed: the /drafts
 * pages read the session cookie, and must show the new owner's drafts.
 */
function useSetSession() {
  const queryClient = useQueryClient();
  const router = useRouter();
  return (address: string | null) => {
    const before = queryClient.getQueryData(sessionKeys.all());
    queryClient.setQueryData(sessionKeys.all(), address);
    if (before !== address) router.refresh();
  };
}

/**
 * Signs in as the wallet's address (ADR-36 over the server's nonce); resolves with the address. The server hands
 * this browser's anonymous drafts to the address at sign-in; their browser backups follow them.
 */
export function useSignIn() {
  const setSession = useSetSession();
  return useMutation<string, AppError, SignInWallet>({
    mutationFn: (wallet) => signInWithWallet(wallet),
    onSuccess: (address) => {
      handOverBackups(address);
      setSession(address);
    },
  });
}

/**
 * Ends the server session (`everywhere`: every session of the address, on every device). The address's browser
 * backups of draft text go with it: SDLs can hold secrets, and the next person at this browser is not them. When
 * signing out fails, the session is read again rather than assumed gone.
 */
function useEndSession(end: () => Promise<unknown>) {
  const setSession = useSetSession();
  const queryClient = useQueryClient();
  return useMutation<unknown, AppError, void>({
    mutationFn: end,
    onSuccess: () => {
      const before = queryClient.getQueryData<string | null>(sessionKeys.all());
      if (before) clearBackupsOf({ kind: "address", address: before });
      setSession(null);
    },
    onError: () => queryClient.invalidateQueries({ queryKey: sessionKeys.all() }),
  });
}

export const useSignOut = () => useEndSession(authApi.logout);
export const useSignOutEverywhere = () => useEndSession(authApi.logoutEverywhere);
