import { route } from "@/lib/http/route.server";
import { leaseStatus } from "@/lib/provider-gateway/provider-api.server";
import { leaseCall, noStore, type LeaseParams } from "@/lib/provider-gateway/proxy-route.server";

// GET /api/providers/{provider}/leases/{dseq}/{gseq}/{oseq}/status -> services, forwarded ports, leased IPs
export const GET = route<LeaseParams>(async (req, { params }) => {
  const { ctx, lease } = await leaseCall(req, params);
  return noStore(await leaseStatus(ctx, lease));
});
