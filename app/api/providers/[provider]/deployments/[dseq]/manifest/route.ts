import { route } from "@/lib/http/route.server";
import { sendManifest } from "@/lib/provider-gateway/provider-api.server";
import { deploymentCall, noStore, readManifestBody } from "@/lib/provider-gateway/proxy-route.server";

// PUT /api/providers/{provider}/deployments/{dseq}/manifest  (Authorization: Bearer <provider token>, body: the manifest)
// One attempt per call: the browser's manifest-send policy decides whether and when to try again.
export const PUT = route<{ provider: string; dseq: string }>(async (req, { params }) => {
  const { ctx, dseq } = await deploymentCall(req, params);
  const manifest = await readManifestBody(req);
  await sendManifest(ctx, dseq, manifest);
  return noStore({ sent: true, provider: ctx.endpoint.provider, dseq });
});
