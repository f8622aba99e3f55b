import { readFileSync } from "node:fs";
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { SigningStargateClient, GasPrice } from "@cosmjs/stargate";
import YAML from "yaml";
import { expect, TENANT2, test } from "./fixtures";
import { DeployFlow } from "./pages/deploy-flow";
import { waitForBlocks } from "./wait-for-blocks";

// Every scenario signs against the devnet and connects the fake Keplr: both are automatic fixtures (fixtures.ts).

test.describe("deployment wizard", () => {
  test("creates a deployment and accepts a bid, signed in SIGN_MODE_DIRECT", async ({ page, wallet }) => {
    const flow = new DeployFlow(page);
    await flow.review();
    const dseq = await flow.createDeployment();
    expect(wallet.calls).toContain("signDirect");
    await expect(page.getByText(`dseq ${dseq}`)).toBeVisible();
    await flow.acceptFirstBid();
    await flow.expectLeaseRecorded();
    await page.goto("/deployments");
    await expect(page.getByRole("row", { name: new RegExp(dseq) })).toContainText("Leased");
  });

  test("the user rejects the signature: message shown, nothing broadcast, draft intact", async ({ page, wallet, devnet }) => {
    const deploymentsOnChain = async () => {
      const res = await fetch(`${devnet.rest}/akash/deployment/v1beta4/deployments/list?filters.owner=${wallet.account.address}&pagination.count_total=true`);
      return Number(((await res.json()) as { pagination: { total: string } }).pagination.total);
    };
    const flow = new DeployFlow(page);
    await flow.review();
    const reviewUrl = page.url();
    const before = await deploymentsOnChain();
    wallet.rejectNext();
    await page.getByRole("button", { name: "Create deployment" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /rejected/i })).toBeVisible();
    expect(page.url()).toBe(reviewUrl);
    await waitForBlocks(devnet.rpc, 2); // a transaction broadcast before the rejection would be in one of these
    expect(await deploymentsOnChain()).toBe(before);
    // the draft is still there, unchanged
    await page.goto(reviewUrl.replace(/\/deploy$/, ""));
    await flow.editor.waitForEditor();
    expect(await flow.editor.text()).toContain("image: nginx:1.27");
  });

  test("a GPU SDL gets bids only from providers with that GPU", async ({ page }) => {
    const flow = new DeployFlow(page);
    await flow.review({ template: "llama-3-1-8b" });
    await flow.createDeployment();
    await expect(flow.bidRows().first()).toBeVisible({ timeout: 45_000 });
    // the models the template asks for (any one of them will do), read from the SDL the flow deployed
    const sdl = YAML.parse(readFileSync(new URL("../lib/templates/sdl/llama-3-1-8b.yaml", import.meta.url), "utf8")) as {
      profiles: { compute: Record<string, { resources: { gpu: { attributes: { vendor: { nvidia: { model: string }[] } } } } }> };
    };
    const models = Object.values(sdl.profiles.compute).flatMap((p) => p.resources.gpu.attributes.vendor.nvidia.map((g) => g.model));
    expect(models).toEqual(["h100", "a100", "rtxa6000"]);
    // the GPU column reads "—" until the providers' attributes have loaded
    const gpuCells = flow.bidRows().locator("td:nth-child(3)");
    await expect(gpuCells.filter({ hasText: /^—$/ })).toHaveCount(0, { timeout: 15_000 });
    const gpus = await gpuCells.allTextContents();
    expect(gpus.length).toBeGreaterThan(0);
    for (const gpu of gpus) expect(models.filter((m) => gpu.toLowerCase().split(/[^a-z0-9]+/).includes(m)), gpu).not.toEqual([]);
  });

  test("before any deposit: the providers that can run the SDL, and a region nobody has flagged before signing", async ({ page }) => {
    const flow = new DeployFlow(page);
    await flow.editor.gotoNew();
    const prescreen = page.getByRole("region", { name: "Providers that can run this" });
    // the default SDL asks for nothing special: every provider on chain can run it
    await expect(prescreen).toContainText("6 of 6 providers can run this now");
    const text = await flow.editor.text();
    await flow.header.connect("Keplr");
    await flow.editor.replaceText(text.replace("  placement:\n    dcloud:\n", "  placement:\n    dcloud:\n      attributes:\n        region: mars-central\n"));
    await expect(prescreen).toContainText("None of the 6 providers can run this now");
    await expect(prescreen).toContainText("region=mars-central");
    await prescreen.getByText("Ruled out (6)").click();
    await expect(prescreen.getByRole("listitem")).toHaveCount(6);
    await page.getByRole("button", { name: "Review and deploy" }).click();
    // on the review step: above the button that signs, and in the preview beside it
    const warnings = page.getByRole("note").filter({ hasText: "None of the 6 providers can run this now" });
    await expect(warnings).toHaveCount(2);
    await expect(warnings.first()).toContainText("Relax region=mars-central");
    // the same resources at the big clouds, each figure dated and sourced on hover
    const clouds = page.getByRole("region", { name: "Compared with the big clouds" });
    await expect(clouds.getByRole("row", { name: /^Google Cloud/ })).toContainText(/\$\d+\.\d\d/);
    await expect(clouds.getByRole("row", { name: /^Google Cloud/ })).toHaveAttribute("title", /published 2026-07-30; read 2026-12-03/);
    await expect(clouds.getByRole("row", { name: /^AWS/ })).toContainText("no confirmed price per vCPU and GB of memory");
    await expect(page.getByRole("button", { name: "Create deployment" })).toBeVisible();
  });

  test("no bids: the page explains what the SDL asks for and closes the deployment", async ({ page }) => {
    test.setTimeout(150_000);
    const flow = new DeployFlow(page);
    await flow.editor.gotoNew();
    const text = await flow.editor.text();
    const impossible = text.replace("  placement:\n    dcloud:\n", "  placement:\n    dcloud:\n      attributes:\n        region: mars-central\n");
    await flow.header.connect("Keplr");
    await flow.editor.replaceText(impossible);
    await expect(flow.editor.problemCounts).toContainText("0 errors");
    await page.getByRole("button", { name: "Review and deploy" }).click();
    await flow.createDeployment();
    await expect(page.getByText(/region/i).filter({ hasText: /mars-central/ }).first()).toBeVisible({ timeout: 90_000 });
    await page.getByRole("button", { name: "Close deployment" }).first().click();
    await expect(page.getByRole("status").filter({ hasText: /^Closed\./ })).toContainText(/5 ACT left in escrow went back to your balance/, { timeout: 30_000 });
    await expect(page.getByRole("status").filter({ hasText: /^Closed$/ })).toBeVisible();
  });
});

test.describe("insufficient funds", () => {
  test("an account without AKT for the fee is told so, and nothing is created", async ({ page, devnet, wallet }) => {
    // a fresh account holding ACT only: enough for the deposit, nothing for the fee (paid in AKT)
    const flow = new DeployFlow(page);
    await page.goto("/");
    await wallet.switchAccount(await freshAccount(devnet.rpc, { denom: "uact", amount: "20000000" }));
    await flow.review();
    // the fee the review step simulated is the one the chain asks for
    const feeLine = page.getByTestId("network-fee");
    await expect(feeLine).toHaveText(/^about [\d.]+ AKT \(simulated\)$/, { timeout: 15_000 });
    const fee = (await feeLine.textContent())!.replace(/^about | \(simulated\)$/g, "");
    await page.getByRole("button", { name: "Create deployment" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "network fee" })).toHaveText(
      `Not enough AKT for the network fee: the transaction needs ${fee} for the fee but the account holds 0 AKT. ` +
        "The fee is paid in AKT even when the deposit is in another token: add AKT to the account and sign again.",
      { timeout: 20_000 },
    );
    await expect(page).toHaveURL(/\/deploy$/);
    await waitForBlocks(devnet.rpc, 2);
    const res = await fetch(`${devnet.rest}/akash/deployment/v1beta4/deployments/list?filters.owner=${wallet.account.address}`);
    expect(((await res.json()) as { deployments: unknown[] }).deployments).toEqual([]);
  });
});

test.describe("ACT", () => {
  test("an account short of ACT mints it from AKT in the flow, then deploys", async ({ page, devnet, wallet }) => {
    // a fresh account with AKT only: the SDL is priced in ACT, so the deposit needs ACT first
    const flow = new DeployFlow(page);
    await page.goto("/");
    await wallet.switchAccount(await freshAccount(devnet.rpc, { denom: "uakt", amount: "50000000" }));
    await flow.review();
    const mint = page.getByRole("region", { name: "Not enough ACT for the deposit" });
    await expect(mint).toBeVisible();
    await expect(page.getByRole("button", { name: "Create deployment" })).toBeDisabled();
    await mint.getByLabel("AKT to burn").fill("1");
    await mint.getByRole("button", { name: "Mint ACT" }).click();
    await expect(mint).toBeHidden({ timeout: 30_000 });
    await expect(page.getByRole("button", { name: "Create deployment" })).toBeEnabled({ timeout: 15_000 });
    await flow.createDeployment();
  });
});

test.describe("multi-group SDL", () => {
  test("one choice per group, one transaction for all leases", async ({ page }) => {
    const flow = new DeployFlow(page);
    await flow.editor.gotoNew();
    const base = await flow.editor.text();
    // a second service in a second placement: two groups, two orders
    const twoGroups = base
      .replace("\nprofiles:", "  api:\n    image: nginx:1.27\n    expose:\n      - port: 8080\n        as: 80\n        to:\n          - global: true\n\nprofiles:")
      .replace("  placement:\n", "  placement:\n    second:\n      pricing:\n        web:\n          denom: uact\n          amount: 1000\n")
      .replace(/\n$/, "\n  api:\n    second:\n      profile: web\n      count: 1\n");
    await flow.header.connect("Keplr");
    await flow.editor.replaceText(twoGroups);
    await expect(flow.editor.problemCounts).toContainText("0 errors");
    await expect(page.getByRole("tab", { name: "Groups (2)" })).toBeVisible();
    await page.getByRole("button", { name: "Review and deploy" }).click();
    await flow.createDeployment();

    const tables = page.getByRole("table").filter({ has: page.getByRole("button", { name: /^Accept/ }) });
    await expect(tables).toHaveCount(2, { timeout: 30_000 });
    await expect(page.getByRole("button", { name: "Create leases" })).toBeDisabled();
    await tables.nth(0).getByRole("button", { name: /^Accept/ }).first().click();
    await expect(page.getByRole("button", { name: "Create leases" })).toBeDisabled();
    await tables.nth(1).getByRole("button", { name: /^Accept/ }).first().click();
    await page.getByRole("button", { name: "Create leases" }).click();
    const leases = page.getByRole("table", { name: "Active leases" });
    await expect(leases.getByRole("row")).toHaveCount(3, { timeout: 30_000 });
    // one MsgCreateLease transaction: both leases carry the same tx hash in the console's record
    const dseq = page.url().split("/").pop()!;
    const recordedLeases = () =>
      page.evaluate(async (d) => ((await (await fetch(`/api/deployments/${d}`)).json()) as { leases: { createTxHash: string | null }[] }).leases, dseq);
    await expect.poll(async () => (await recordedLeases()).length).toBe(2);
    const hashes = new Set((await recordedLeases()).map((l) => l.createTxHash));
    expect(hashes.size).toBe(1);
  });
});

test.describe("Ledger", () => {
  test.use({ walletOptions: { ledger: true } });
  test("a Ledger (Amino-only) key creates the deployment and the lease", async ({ page, wallet }) => {
    const flow = new DeployFlow(page);
    await flow.review();
    await flow.createDeployment();
    expect(wallet.calls).toContain("signAmino");
    expect(wallet.calls).not.toContain("signDirect");
    await flow.acceptFirstBid();
    await flow.expectLeaseRecorded();
  });
});

/** A new account funded by tenant2 with exactly `coin`, as a tenant who just bought one token would have. */
async function freshAccount(rpc: string, coin: { denom: string; amount: string }) {
  const fresh = await DirectSecp256k1HdWallet.generate(24, { prefix: "akash" });
  const [account] = await fresh.getAccounts();
  const funder = await DirectSecp256k1HdWallet.fromMnemonic(TENANT2.mnemonic, { prefix: "akash" });
  const client = await SigningStargateClient.connectWithSigner(rpc, funder, { gasPrice: GasPrice.fromString("0.025uakt") });
  await client.sendTokens(TENANT2.address, account!.address, [coin], "auto");
  client.disconnect();
  return { name: "fresh", mnemonic: fresh.mnemonic, address: account!.address };
}
