import { ProviderDirectory } from "@/components/providers/provider-directory";

export const metadata = { title: "Providers · Akash Tenant Console" };

export default function ProvidersPage() {
  return (
    <div className="mx-auto w-full max-w-7xl p-6">
      <h1 className="text-xl font-semibold">Providers</h1>
      <p className="mt-1 text-sm text-neutral-600">
        Every provider on chain, with its attributes and audits as the chain has them, and online and uptime from this console&apos;s own probes of its gateway (every 5 minutes at most).
      </p>
      <div className="mt-4">
        <ProviderDirectory />
      </div>
    </div>
  );
}
