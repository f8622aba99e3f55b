import { notFound } from "next/navigation";
import { DeploymentView } from "@/components/deploy/deployment-view";
import { isAkashAddress } from "@/lib/chain/address";
import { isDseq } from "@/lib/chain/dseq";

export const metadata = { title: "Deployment · Akash Tenant Console" };

export default async function DeploymentPage({ params, searchParams }: { params: Promise<{ dseq: string }>; searchParams: Promise<{ owner?: string; topup?: string; updated?: string }> }) {
  const { dseq } = await params;
  if (!isDseq(dseq)) notFound();
  const { owner, topup, updated } = await searchParams;
  return <DeploymentView dseq={dseq} ownerParam={owner && isAkashAddress(owner) ? owner : null} openTopUp={topup === "1"} justUpdated={updated === "1"} />;
}
