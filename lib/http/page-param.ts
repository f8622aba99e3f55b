import { z } from "zod";

export const MAX_PAGE = 100_000;

/** A page number from a query string value: a positive integer up to MAX_PAGE; anything else is page 1. */
export function parsePage(value: string | string[] | null | undefined): number {
  return z.coerce.number().int().min(1).max(MAX_PAGE).catch(1).parse(Array.isArray(value) ? value[0] : (value ?? 1));
}
