import { z } from "zod";
import { callApi } from "@/lib/http/json-client";

const outcome = z.object({ drafts: z.object({ added: z.number(), skipped: z.number() }), deployments: z.object({ added: z.number(), skipped: z.number() }) });
export type ImportOutcomeDto = z.infer<typeof outcome>;

/** The browser's side of app/api/records. */
export const recordsApi = {
  exportUrl: "/api/records/export",
  importFile: (text: string) =>
    callApi(outcome, "/api/records/import", { method: "POST", body: text, unreachable: "The console's server cannot be reached; nothing was imported. Try again in a moment." }),
};
