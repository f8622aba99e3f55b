import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import type { Page } from "@playwright/test";
import { GasPrice, SigningStargateClient } from "@cosmjs/stargate";
import { createDeploymentMsg } from "../lib/chain/messages";
import { createRegistry } from "../lib/chain/registry";
import { DEFAULT_SDL } from "../lib/sdl-default";
import { corpusDeployment, sdlDeployment } from "../test/support/corpus";
import { expect, TENANT2, test } from "./fixtures";
import { DeployFlow } from "./pages/deploy-flow";
import { waitForBlocks } from "./wait-for-blocks";

/** the console's server reads the open bids for every browser, at most every 10 s: wait until it carries this deployment's */
async function untilTheDirectoryHasBids(page: Page, dseq: string, providers: number) {
  await expect
    .poll(
      async () => {
        const body = (await (await page.request.get("/api/providers/directory")).json()) as { providers: { recentBids: { dseq: string }[] | null }[] };
        return body.providers.filter((p) => p.recentBids?.some((b) => b.dseq === dseq)).length;
      },
      { timeout: 30_000, intervals: [1_000] },
    )
    .toBeGreaterThanOrEqual(providers);
}

test.describe("the market before paying", () => {
  test("the provider directory lists the six providers with regions and GPUs, and filters by GPU model", async ({ page }) => {
    await page.goto("/providers");
    const table = page.getByRole("table");
    // one header row, one row per provider
    await expect(table.getByRole("row")).toHaveCount(7);
    for (const region of ["us-west", "eu-central", "ap-southeast", "us-east", "eu-west"]) await expect(table.getByRole("cell", { name: region, exact: false }).first()).toBeVisible();
    await expect(table).toContainText("nvidia h100");
    // the map: a dot per region; choosing one filters the table, choosing it again clears the filter
    const map = page.getByRole("group", { name: "Providers by region" });
    await map.getByRole("button", { name: /^us-west: 2 providers/ }).click();
    await expect(page.getByRole("status").filter({ hasText: "2 of 6 providers" })).toBeVisible();
    await expect(page.getByRole("combobox", { name: /^Region/ })).toHaveValue("us-west");
    await map.getByRole("button", { name: /^us-west: 2 providers/ }).click();
    await expect(page.getByRole("status").filter({ hasText: /^6 providers$/ })).toBeVisible();
    await page.getByLabel("GPU model").selectOption({ label: "nvidia h100" });
    const rows = table.getByRole("row").filter({ has: page.getByRole("rowheader") });
    await expect(page.getByRole("status").filter({ hasText: /of 6 providers/ })).toBeVisible();
    const count = await rows.count();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(6);
    for (const text of await rows.allTextContents()) expect(text).toContain("nvidia h100");
    // the gateways of the devnet answer the console's probes
    await expect(rows.first()).toContainText("Online");
    // a provider's page: everything the directory knows, and its attributes as the chain has them
    const name = (await rows.first().getByRole("link").textContent())!;
    await rows.first().getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    await expect(page.getByRole("table", { name: /Attributes on chain/ })).toContainText("capabilities/gpu/vendor/nvidia/model/h100");
    await page.goto("/providers/not-an-address");
    await expect(page.getByRole("main").getByRole("alert")).toContainText("is not an akash1… account address");
  });

  test("the GPU page shows the H100 with a price per GPU-hour from the recent bids, and deploys with it", async ({ page, devnet }) => {
    // a GPU deployment by tenant2 (signed here), so that providers with an H100 have an open bid on chain
    const wallet = await DirectSecp256k1HdWallet.fromMnemonic(TENANT2.mnemonic, { prefix: "akash" });
    const client = await SigningStargateClient.connectWithSigner(devnet.rpc, wallet, { registry: createRegistry(), gasPrice: GasPrice.fromString("0.025uakt") });
    const dseq = String(Date.now());
    try {
      const { groups, hash } = await corpusDeployment("Llama-3.1-8B.yaml");
      const msg = createDeploymentMsg({ owner: TENANT2.address, dseq, groups, hash, deposit: { denom: "uact", amount: "5000000" } });
      const res = await client.signAndBroadcast(TENANT2.address, [msg], "auto");
      expect(res.code, res.rawLog).toBe(0);
    } finally {
      client.disconnect();
    }
    await waitForBlocks(devnet.rpc, 6);
    await untilTheDirectoryHasBids(page, dseq, 1);
    await page.goto("/gpus");
    const h100 = page.getByRole("row", { name: /nvidia h100/ });
    await expect(h100).toContainText("80Gi");
    await expect(h100.getByRole("cell").nth(5)).toHaveText(/\$[\d.,]+ \/ \$[\d.,]+/, { timeout: 20_000 });
    // free now: the devnet providers report their capacity; nothing leased runs on an H100 yet
    await expect(h100.getByRole("cell").nth(3)).toHaveText(/^\d+$/);
    await h100.getByRole("link", { name: "Deploy with nvidia h100" }).click();
    await expect(page).toHaveURL(/\/new\?template=llama-3-1-8b&gpu=nvidia%2Fh100/);
    const prescreen = page.getByRole("region", { name: "Providers that can run this" });
    await expect(prescreen).toContainText(/\d of 6 providers can run this now/);
    await prescreen.getByText(/^Ruled out/).click();
    await expect(prescreen).toContainText("needs GPU nvidia h100");
  });

  test("a price ceiling under what providers just asked for the same resources is flagged before signing, naming their bid", async ({ page, devnet }) => {
    // tenant2 deploys the default SDL (signed here): the providers bid a few uact per block on it
    const wallet = await DirectSecp256k1HdWallet.fromMnemonic(TENANT2.mnemonic, { prefix: "akash" });
    const client = await SigningStargateClient.connectWithSigner(devnet.rpc, wallet, { registry: createRegistry(), gasPrice: GasPrice.fromString("0.025uakt") });
    const dseq = String(Date.now());
    try {
      const { groups, hash } = await sdlDeployment(DEFAULT_SDL);
      const res = await client.signAndBroadcast(TENANT2.address, [createDeploymentMsg({ owner: TENANT2.address, dseq, groups, hash, deposit: { denom: "uact", amount: "5000000" } })], "auto");
      expect(res.code, res.rawLog).toBe(0);
    } finally {
      client.disconnect();
    }
    await waitForBlocks(devnet.rpc, 6);
    await untilTheDirectoryHasBids(page, dseq, 3);
    const flow = new DeployFlow(page);
    await flow.editor.gotoNew();
    const prescreen = page.getByRole("region", { name: "Providers that can run this" });
    await expect(prescreen).toContainText("6 of 6 providers can run this now");
    // the same resources at 1 uact per block: under every bid they just placed
    await flow.editor.replaceText(DEFAULT_SDL.replace("amount: 1000", "amount: 1"));
    await expect(prescreen).not.toContainText("6 of 6 providers can run this now");
    await prescreen.getByText(/^Ruled out/).click();
    const priced = prescreen.getByRole("listitem").filter({ hasText: "needs a price ceiling of at least" });
    await expect(priced.first()).toContainText(new RegExp(`it bid [\\d.]+ uact per block for no more resources in deployment \\d+; this group allows 1\\)`));
    expect(await priced.count()).toBeGreaterThanOrEqual(3);
    // a provider's page lists what it asked: this bid, for the default SDL's resources
    const { bids } = (await (await fetch(`${devnet.rest}/akash/market/v1beta5/bids/list?filters.owner=${TENANT2.address}&filters.dseq=${dseq}`)).json()) as { bids: { bid: { id: { provider: string } } }[] };
    await page.goto(`/providers/${bids[0]!.bid.id.provider}`);
    const recent = page.getByRole("table", { name: /^Recent bids \((the newest )?\d+\)/ });
    await expect(recent.getByRole("row").filter({ hasText: `${dseq}/1` })).toContainText(/Open\s*0.5 CPU, 512 MiB, 1 GiB storage\s*[\d.]+ uact\s*[\d.]+ ACT \(\$[\d.]+\)/);
  });
});
