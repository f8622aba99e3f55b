import { z } from "zod";
import { callApi, sendOnUnload } from "@/lib/http/json-client";

// The browser's side of app/api/drafts: every response is parsed, so a proxy's HTML error page or a changed
// server shows up as a clear message instead of `undefined` somewhere in the editor.
const draftSchema = z.object({
  id: z.string(),
  name: z.string(),
  content: z.string().optional(),
  size: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DraftDto = z.infer<typeof draftSchema>;

const versionSchema = z.object({ id: z.string(), createdAt: z.string(), size: z.number() });
export type DraftVersionDto = z.infer<typeof versionSchema>;

const UNREACHABLE = "The console's server cannot be reached. Your text is kept in this browser until it can.";

function call<T>(schema: z.ZodType<T>, input: string, init: RequestInit = {}): Promise<T> {
  return callApi(schema, input, { ...init, unreachable: UNREACHABLE });
}

export const draftsApi = {
  list: (page = 1) => call(z.object({ items: z.array(draftSchema), total: z.number(), page: z.number(), pageSize: z.number() }), `/api/drafts?page=${page}`),
  get: (id: string) => call(draftSchema, `/api/drafts/${encodeURIComponent(id)}`),
  create: (input: { name: string; content: string }) => call(draftSchema, "/api/drafts", { method: "POST", body: JSON.stringify(input) }),
  update: (id: string, patch: { name?: string; content?: string }) =>
    call(draftSchema, `/api/drafts/${encodeURIComponent(id)}`, { method: "PATCH", body: JSON.stringify(patch) }),
  /** for `pagehide`: the request outlives the page; the local backup covers a failure */
  updateOnUnload: (id: string, patch: { name?: string; content?: string }) =>
    sendOnUnload(`/api/drafts/${encodeURIComponent(id)}`, { method: "PATCH", body: JSON.stringify(patch) }),
  remove: (id: string) => call(z.object({ deleted: z.literal(true) }), `/api/drafts/${encodeURIComponent(id)}`, { method: "DELETE" }),
  versions: (id: string) => call(z.object({ items: z.array(versionSchema) }), `/api/drafts/${encodeURIComponent(id)}/versions`),
  version: (id: string, versionId: string) =>
    call(z.object({ id: z.string(), createdAt: z.string(), content: z.string() }), `/api/drafts/${encodeURIComponent(id)}/versions/${encodeURIComponent(versionId)}`),
};
