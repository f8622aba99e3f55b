import { notFound } from "next/navigation";
import { validationSDLSchema } from "@akashnetwork/chain-sdk";
import { SdlWorkbench } from "@/components/sdl-editor/sdl-workbench";
import { getDb } from "@/lib/db/client";
import { cookies } from "next/headers";
import { draftsRepository } from "@/lib/db/drafts";
import { draftOwner } from "@/lib/drafts/owner.server";

export const dynamic = "force-dynamic";

export default async function DraftPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const draft = await draftsRepository(getDb()).get(await draftOwner(await cookies()), id);
  if (!draft) notFound();
  return (
    <SdlWorkbench
      key={draft.id}
      draft={{ id: draft.id, name: draft.name, content: draft.content }}
      initialContent={draft.content}
      initialName={draft.name}
      sdlSchema={validationSDLSchema}
    />
  );
}
