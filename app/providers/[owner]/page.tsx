import { ProviderDetail } from "@/components/providers/provider-detail";

export const metadata = { title: "Provider · Akash Tenant Console" };

export default async function ProviderPage({ params }: { params: Promise<{ owner: string }> }) {
  const { owner } = await params;
  return (
    <div className="mx-auto w-full max-w-5xl p-6">
      <ProviderDetail owner={decodeURIComponent(owner)} />
    </div>
  );
}
