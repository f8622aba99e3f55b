import { route } from "@/lib/http/route.server";
import { leaseManifest } from "@/lib/provider-gateway/provider-api.server";
import { leaseCall, noStore, type LeaseParams } from "@/lib/provider-gateway/proxy-route.server";

// GET /api/providers/{provider}/leases/{dseq}/{gseq}/{oseq}/manifest -> the lease's group as the provider runs it
export const GET = route<LeaseParams>(async (req, { params }) => {
  const { ctx, lease } = await leaseCall(req, params);
  return noStore(await leaseManifest(ctx, lease));
});
