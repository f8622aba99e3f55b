import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createRestClient } from "@/lib/chain/rest";
import { groupViewFromChain } from "@/lib/deploy/group-view";
import { checkSdl } from "@/lib/sdl/check";
import { sharedDir } from "@/lib/chain/testing/corpus";
import { startDevnetFixture, TENANT1, type DevnetFixture } from "@/lib/market/testing/devnet-fixture";

let fx: DevnetFixture;
beforeAll(async () => {
  fx = await startDevnetFixture({ providers: false });
});
afterAll(() => fx?.stop());

describe("groupViewFromChain", () => {
  it.each(["Llama-3.1-8B.yaml", "micro-services-example.yaml", "Kadena.yaml"])(
    "turns the chain's groups of %s into what the SDL preview shows",
    async (file) => {
      const text = readFileSync(path.join(sharedDir(), "sdl-corpus", file), "utf8");
      const fromSdl = await checkSdl(text);
      expect(fromSdl.valid).toBe(true);
      const { dseq } = await fx.deploy(file);
      const onChain = await createRestClient(fx.devnet.endpoints.rest).deployment(TENANT1, dseq);
      const views = onChain!.groups.map((g) => groupViewFromChain(g.spec));
      // same groups, resources and prices; the chain's JSON spells endpoint kinds as names, the preview as numbers
      const strip = (gs: typeof views) => gs.map((g) => ({ ...g, resources: g.resources.map((r) => ({ ...r, resource: { ...r.resource, endpoints: r.resource.endpoints?.length } })) }));
      expect(strip(views)).toEqual(strip(fromSdl.groups!));
    },
  );
});
