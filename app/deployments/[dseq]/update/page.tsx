import { notFound } from "next/navigation";
import { validationSDLSchema } from "@akashnetwork/chain-sdk";
import { UpdateDeployment } from "@/components/deployment-actions/update-deployment";
import { isDseq } from "@/lib/chain/dseq";

export const metadata = { title: "Update deployment · Akash Tenant Console" };

export default async function UpdateDeploymentPage({ params }: { params: Promise<{ dseq: string }> }) {
  const { dseq } = await params;
  if (!isDseq(dseq)) notFound();
  return <UpdateDeployment dseq={dseq} sdlSchema={validationSDLSchema} />;
}
