import "server-only";
import { type CookieReader, getSessionAddress } from "@/lib/auth/session.server";
import { LOCAL_OWNER } from "@/lib/db/drafts";

/**
 * Whose drafts a request sees: the signed-in address, else the local install ("local"). A signed-in wallet never
 * sees another address's drafts, nor the local ones: those stay with the install that wrote them.
 */
export async function draftOwner(source: Request | CookieReader): Promise<string> {
  return (await getSessionAddress(source)) ?? LOCAL_OWNER;
}
