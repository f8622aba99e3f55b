import { notFound } from "next/navigation";
import { validationSDLSchema } from "@akashnetwork/chain-sdk";
import { SdlWorkbench } from "@/components/sdl-editor/sdl-workbench";
import { findTemplate } from "@/lib/templates/catalog";
import { readTemplateSdl } from "@/lib/templates/catalog.server";
import { GPU_MODEL_PARAM, withGpuModel } from "@/lib/templates/with-gpu";
import { DEFAULT_SDL } from "@/lib/sdl-default";

export const metadata = { title: "New deployment · Akash Tenant Console" };

/** /new, /new?template=<slug>, and /new?template=<slug>&gpu=<vendor/model> ("Deploy with this GPU" on /gpus) */
export default async function NewDeploymentPage({ searchParams }: { searchParams: Promise<{ template?: string; gpu?: string }> }) {
  const { template, gpu } = await searchParams;
  let content = DEFAULT_SDL;
  let name = "Untitled deployment";
  if (template) {
    const meta = findTemplate(template);
    const text = meta && (await readTemplateSdl(meta.slug));
    if (!meta || text === undefined) notFound();
    content = text;
    name = meta.name;
  }
  if (gpu !== undefined) {
    if (!template || !GPU_MODEL_PARAM.test(gpu.toLowerCase())) notFound();
    content = withGpuModel(content, gpu);
    name = `${name} on ${gpu.toLowerCase().replace("/", " ")}`;
  }
  return <SdlWorkbench key={`${template ?? "blank"}|${gpu ?? ""}`} draft={null} initialContent={content} initialName={name} sdlSchema={validationSDLSchema} />;
}
