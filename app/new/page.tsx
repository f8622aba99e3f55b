import { notFound } from "next/navigation";
import { validationSDLSchema } from "@akashnetwork/chain-sdk";
import { SdlWorkbench } from "@/components/sdl-editor/sdl-workbench";
import { findTemplate } from "@/lib/templates/catalog";
import { readTemplateSdl } from "@/lib/templates/catalog.server";
import { DEFAULT_SDL } from "@/lib/sdl-default";

export const metadata = { title: "New deployment · Akash Tenant Console" };

export default async function NewDeploymentPage({ searchParams }: { searchParams: Promise<{ template?: string }> }) {
  const { template } = await searchParams;
  let content = DEFAULT_SDL;
  let name = "Untitled deployment";
  if (template) {
    const meta = findTemplate(template);
    const text = meta && (await readTemplateSdl(meta.slug));
    if (!meta || text === undefined) notFound();
    content = text;
    name = meta.name;
  }
  return <SdlWorkbench key={template ?? "blank"} draft={null} initialContent={content} initialName={name} sdlSchema={validationSDLSchema} />;
}
