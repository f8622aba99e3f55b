import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRestClient } from "@/lib/chain/rest";
import { groupViewFromChain } from "@/lib/deploy/group-view";
import { checkSdl } from "@/lib/sdl/check";
import { corpusFile } from "@/test/support/corpus";
import { TENANT1 } from "../../devnet/accounts";
import { startDevnetFixture, type DevnetFixture } from "@/test/support/devnet";

let fx: DevnetFixture;
beforeAll(async () => {
  fx = await startDevnetFixture({ providers: false });
});
afterAll(() => fx?.stop());

describe("groupViewFromChain", () => {
  it.each(["Llama-3.1-8B.yaml", "micro-services-example.yaml", "Kadena.yaml"])(
    "turns the chain's groups of %s into what the SDL preview shows",
    async (file) => {
      const text = corpusFile(file);
      const fromSdl = await checkSdl(text);
      expect(fromSdl.valid).toBe(true);
      const { dseq } = await fx.deploy(file);
      const onChain = await createRestClient(fx.devnet.endpoints.rest).deployment(TENANT1.address, dseq);
      const views = onChain!.groups.map((g) => groupViewFromChain(g.spec));
      // same groups, resources and prices; the chain's JSON spells endpoint kinds as names, the preview as numbers
      const strip = (gs: typeof views) => gs.map((g) => ({ ...g, resources: g.resources.map((r) => ({ ...r, resource: { ...r.resource, endpoints: r.resource.endpoints?.length } })) }));
      expect(strip(views)).toEqual(strip(fromSdl.groups!));
    },
  );
});
