import { z } from "zod";
import { SDL_MAX_BYTES } from "@/lib/sdl/limits";

const byteLength = (s: string) => new TextEncoder().encode(s).length;

export const draftNameSchema = z.string().trim().min(1, "a draft needs a name").max(120, "a draft name is at most 120 characters");
export const draftContentSchema = z
  .string()
  .refine((s) => byteLength(s) <= SDL_MAX_BYTES, { message: "an SDL may be at most 1 MiB" });

export const createDraftBody = z.object({ name: draftNameSchema, content: draftContentSchema });
export const updateDraftBody = z
  .object({ name: draftNameSchema.optional(), content: draftContentSchema.optional() })
  .refine((b) => b.name !== undefined || b.content !== undefined, { message: "nothing to update" });

export const DRAFTS_PAGE_SIZE = 50;
