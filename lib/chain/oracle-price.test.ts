import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRestClient } from "@/lib/chain/rest";
import { startDevnetFixture, type DevnetFixture } from "@/test/support/devnet";

let fx: DevnetFixture;
const admin = (path: string, body: object) => fetch(`${fx.devnet.endpoints.admin}${path}`, { method: "POST", body: JSON.stringify(body) });
beforeAll(async () => {
  fx = await startDevnetFixture({ providers: false });
});
afterAll(() => fx.stop());

describe("the AKT price from the chain's oracle", () => {
  it("is the oracle's time-weighted price with its time, and says when the oracle is unhealthy", async () => {
    const rest = createRestClient(fx.devnet.endpoints.rest);
    await admin("/oracle/price", { price: "2.5" });
    expect(await rest.aktPrice()).toMatchObject({ usd: 2.5, healthy: true, reason: null, at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    await admin("/oracle/stall", { stalled: true, expire: true });
    expect(await rest.aktPrice()).toMatchObject({ healthy: false, reason: expect.stringContaining("insufficient price sources") });
    await admin("/oracle/stall", { stalled: false });
  });

  it("is null, not a guess, when the chain has no price", async () => {
    await admin("/oracle/clear", {});
    expect(await createRestClient(fx.devnet.endpoints.rest).aktPrice()).toBeNull();
  });
});
