import { notFound } from "next/navigation";
import { cookies } from "next/headers";
import { ReviewStep } from "@/components/deploy/review-step";
import { getDb } from "@/lib/db/client";
import { draftsRepository } from "@/lib/db/drafts";
import { draftOwner } from "@/lib/drafts/owner.server";

export const dynamic = "force-dynamic";
export const metadata = { title: "Review deployment · Akash Tenant Console" };

export default async function DeployDraftPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const draft = await draftsRepository(getDb()).get(await draftOwner(await cookies()), id);
  if (!draft) notFound();
  return <ReviewStep draft={{ id: draft.id, name: draft.name, content: draft.content }} />;
}
