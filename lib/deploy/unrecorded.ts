import { z } from "zod";
import { saveDeploymentBody } from "@/lib/deploy/schemas";
import type { SaveDeploymentInput } from "@/lib/deploy/api-client";

/**
 * Deployments that are on chain but whose record (SDL, manifest) did not reach the console's server: the server
 * was down or the session expired between inclusion and the save. Only this browser has the SDL and manifest that
 * were signed, so it keeps them and records them again on the next visit (the server's save is idempotent per dseq).
 * Holds SDL text and public on-chain facts only; nothing secret.
 */
const PREFIX = "akash-console:unrecorded-deployments:";
const listSchema = z.array(saveDeploymentBody);

/** The part of the Web Storage API this needs; a test passes an in-memory one. */
export type KeyValueStore = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** window.localStorage, or null where the browser refuses it (storage disabled: reading the property throws). */
export function browserStore(): KeyValueStore | null {
  try {
    return window.localStorage;
  } catch (e) {
    if (e instanceof DOMException) return null;
    throw e;
  }
}

const keyFor = (networkId: string, owner: string) => `${PREFIX}${networkId}:${owner}`;

export function unrecordedDeployments(store: KeyValueStore, networkId: string, owner: string): SaveDeploymentInput[] {
  try {
    const parsed = listSchema.safeParse(JSON.parse(store.getItem(keyFor(networkId, owner)) ?? "[]"));
    return parsed.success ? parsed.data : [];
  } catch (e) {
    if (e instanceof SyntaxError) return []; // a damaged entry holds nothing that can still be recorded
    throw e;
  }
}

/** Returns false when the browser's storage refused it (full or disabled): the caller then says it cannot be recovered. */
export function rememberUnrecorded(store: KeyValueStore, networkId: string, owner: string, input: SaveDeploymentInput): boolean {
  const others = unrecordedDeployments(store, networkId, owner).filter((d) => d.dseq !== input.dseq);
  try {
    store.setItem(keyFor(networkId, owner), JSON.stringify([...others, input]));
    return true;
  } catch (e) {
    if (e instanceof DOMException) return false; // QuotaExceededError, SecurityError in a locked-down browser
    throw e;
  }
}

export function forgetUnrecorded(store: KeyValueStore, networkId: string, owner: string, dseq: string): void {
  const rest = unrecordedDeployments(store, networkId, owner).filter((d) => d.dseq !== dseq);
  if (rest.length === 0) store.removeItem(keyFor(networkId, owner));
  else store.setItem(keyFor(networkId, owner), JSON.stringify(rest));
}
