import { GpuMarketplace } from "@/components/market/gpu-marketplace";

export const metadata = { title: "GPUs · Akash Tenant Console" };

export default function GpusPage() {
  return (
    <div className="mx-auto w-full max-w-6xl p-6">
      <h1 className="text-xl font-semibold">GPUs</h1>
      <p className="mt-1 text-sm text-neutral-600">
        Every GPU model the providers on chain advertise, how many offer it, and what their recent bids (open, and those
        leases were made of) ask per GPU-hour. A bid counts for a model only when its provider offers exactly one model
        the deployment takes.
      </p>
      <div className="mt-4">
        <GpuMarketplace />
      </div>
    </div>
  );
}
