import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { findTemplate } from "@/lib/templates/catalog";

const TEMPLATE_DIR = path.join(process.cwd(), "lib", "templates", "sdl");

/** The template's SDL text, or undefined for an unknown slug (the slug never reaches the file system unchecked). */
export async function readTemplateSdl(slug: string): Promise<string | undefined> {
  const meta = findTemplate(slug);
  if (!meta) return undefined;
  return readFile(path.join(TEMPLATE_DIR, `${meta.slug}.yaml`), "utf8");
}
