import { notFound } from "next/navigation";
import { DeploymentView } from "@/components/deploy/deployment-view";

export const metadata = { title: "Deployment · Akash Tenant Console" };

export default async function DeploymentPage({ params, searchParams }: { params: Promise<{ dseq: string }>; searchParams: Promise<{ owner?: string }> }) {
  const { dseq } = await params;
  if (!/^[1-9]\d{0,19}$/.test(dseq)) notFound();
  const { owner } = await searchParams;
  return <DeploymentView dseq={dseq} ownerParam={owner && /^akash1[02-9ac-hj-np-z]{38,58}$/.test(owner) ? owner : null} />;
}
