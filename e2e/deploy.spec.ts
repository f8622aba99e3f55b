import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { SigningStargateClient, GasPrice } from "@cosmjs/stargate";
import { expect, TENANT2, test } from "./fixtures";
import { DeployFlow } from "./pages/deploy-flow";

// Every scenario signs against the devnet; the worker-scoped fixture starts it (or reuses one on the default ports).
test.beforeEach(async ({ devnet }) => {
  expect(devnet.rpc).toContain("26657");
});

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
    await new Promise((r) => setTimeout(r, 2_000)); // a block or two: nothing may appear
    expect(await deploymentsOnChain()).toBe(before);
    // the draft is still there, unchanged
    await page.goto(reviewUrl.replace(/\/deploy$/, ""));
    await flow.editor.waitForEditor();
    expect(await flow.editor.text()).toContain("image: nginx:1.27");
  });

  test("a GPU SDL gets bids only from providers with that GPU", async ({ page, wallet }) => {
    void wallet; // the fake Keplr the flow connects
    const flow = new DeployFlow(page);
    await flow.review({ template: "llama-3-1-8b" });
    await flow.createDeployment();
    await expect(flow.bidRows().first()).toBeVisible({ timeout: 45_000 });
    const gpus = await flow.bidRows().locator("td:nth-child(3)").allTextContents();
    expect(gpus.length).toBeGreaterThan(0);
    for (const gpu of gpus) expect(gpu.toLowerCase()).toMatch(/h100|a100|rtxa6000/);
  });

  test("no bids: the page explains what the SDL asks for and closes the deployment", async ({ page, wallet }) => {
    void wallet; // the fake Keplr the flow connects
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
    await expect(page.getByRole("status").filter({ hasText: "Closed" })).toBeVisible({ timeout: 30_000 });
  });
});

test.describe("insufficient funds", () => {
  test("an account without AKT for the fee is told so, and nothing is created", async ({ page, devnet, wallet }) => {
    // a fresh account holding ACT only: enough for the deposit, nothing for the fee (paid in AKT)
    const fresh = await DirectSecp256k1HdWallet.generate(24, { prefix: "akash" });
    const [account] = await fresh.getAccounts();
    const funder = await DirectSecp256k1HdWallet.fromMnemonic(TENANT2.mnemonic, { prefix: "akash" });
    const client = await SigningStargateClient.connectWithSigner(devnet.rpc, funder, { gasPrice: GasPrice.fromString("0.025uakt") });
    await client.sendTokens(TENANT2.address, account!.address, [{ denom: "uact", amount: "20000000" }], "auto");
    client.disconnect();

    const flow = new DeployFlow(page);
    await page.goto("/");
    await wallet.switchAccount({ name: "fresh", mnemonic: fresh.mnemonic, address: account!.address });
    await flow.review();
    await page.getByRole("button", { name: "Create deployment" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /insufficient|not enough|funds/i })).toBeVisible({ timeout: 20_000 });
    await expect(page).toHaveURL(/\/deploy$/);
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
