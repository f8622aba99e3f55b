import { route } from "@/lib/http/route.server";
import { serviceName } from "@/lib/provider-gateway/lease-ref";
import { serviceStatus } from "@/lib/provider-gateway/provider-api.server";
import { leaseCall, noStore, type LeaseParams } from "@/lib/provider-gateway/proxy-route.server";

// GET /api/providers/{provider}/leases/{dseq}/{gseq}/{oseq}/services/{service}/status -> one service's replicas and URIs
export const GET = route<LeaseParams & { service: string }>(async (req, { params }) => {
  const service = serviceName.parse(params.service);
  const { ctx, lease } = await leaseCall(req, params);
  return noStore(await serviceStatus(ctx, lease, service));
});
