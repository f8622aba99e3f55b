import { expect, TENANT1, test } from "./fixtures";
import { DeployFlow } from "./pages/deploy-flow";

// Living with a deployment: the list from the chain, a top-up that grows the escrow, a close that returns it.

test.describe("managing a deployment", () => {
  test("tops up the escrow, closes the deployment with its refund shown, and the list follows the chain", async ({ page, devnet }) => {
    const flow = new DeployFlow(page);
    const dseq = await flow.runningLease();

    const escrowOf = async () => {
      const res = await fetch(`${devnet.rest}/akash/deployment/v1beta4/deployments/info?id.owner=${TENANT1.address}&id.dseq=${dseq}`);
      const body = (await res.json()) as { escrow_account: { state: { funds: { amount: string }[] } } };
      return Number(body.escrow_account.state.funds[0]!.amount);
    };
    const before = await escrowOf();
    await page.getByRole("button", { name: "Top up" }).click();
    const amount = page.getByRole("textbox", { name: "Amount" });
    await amount.fill("999999999");
    await expect(page.getByText(/That is more ACT than the account holds/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Deposit" })).toBeDisabled();
    await amount.fill("2.5");
    await expect(page.getByTestId("top-up-after")).toContainText("in escrow");
    await page.getByRole("button", { name: "Deposit" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Deposited" })).toBeVisible({ timeout: 30_000 });
    // 2.5 ACT more, less what the lease drew in the meantime (a few blocks at a few uact each)
    await expect.poll(async () => (await escrowOf()) - before, { timeout: 10_000 }).toBeGreaterThan(2_400_000);

    await page.goto("/deployments");
    const row = page.getByRole("row", { name: new RegExp(dseq) });
    await expect(row).toContainText("Leased");
    await expect(row).toContainText(/left/);
    await row.getByRole("link").click();

    await page.getByRole("button", { name: "Close deployment" }).click();
    await expect(page.getByRole("status").filter({ hasText: /^Closed\./ })).toContainText(/ACT left in escrow went back to your balance/, { timeout: 30_000 });
    await page.goto("/deployments");
    await expect(page.getByRole("row", { name: new RegExp(dseq) })).toContainText("Closed");
  });

  test("a deployment close to running dry shows the escrow banner on every page, whose link opens its top-up", async ({ page, devnet }) => {
    // 5 AKT at 1,000 uakt per block: 5,000 blocks, under a day at the devnet's pace
    const res = await fetch(`${devnet.admin}/deployments/seed`, { method: "POST", body: JSON.stringify({ owner: TENANT1.address, count: 1, leased: 1, deposit: "5000000", price: "1000" }) });
    const [dseq] = ((await res.json()) as { dseqs: string[] }).dseqs;
    const flow = new DeployFlow(page);
    await flow.editor.gotoNew();
    await flow.header.connect("Keplr");
    const banner = page.getByRole("region", { name: "Escrow running out" });
    await expect(banner).toContainText(`Deployment ${dseq}: escrow runs out in`, { timeout: 30_000 });
    await page.goto("/templates");
    await banner.getByRole("link", { name: `Top up ${dseq}` }).click();
    await expect(page).toHaveURL(new RegExp(`/deployments/${dseq}\\?topup=1$`));
    await expect(page.getByRole("textbox", { name: "Amount" })).toBeVisible({ timeout: 30_000 });
  });

  test("updates the image (the provider takes the new manifest), refuses a resource change before signing, and redeploys a closed one", async ({ page }) => {
    const flow = new DeployFlow(page);
    const dseq = await flow.runningLease();

    await page.getByRole("link", { name: "Edit and update" }).click();
    await expect(page).toHaveURL(new RegExp(`/deployments/${dseq}/update$`));
    await flow.editor.waitForEditor();
    const sdl = await flow.editor.text();
    await flow.editor.replaceText(sdl.replace("size: 512Mi", "size: 1Gi"));
    const check = page.getByRole("region", { name: "Update check" });
    await expect(check.getByRole("alert")).toContainText(/The memory \(bytes\) of resource 1 of group "\w+" changes from 536870912 to 1073741824/);
    await expect(page.getByRole("button", { name: "Update deployment" })).toBeDisabled();

    await flow.editor.replaceText(sdl.replace("image: nginx:1.27", "image: nginx:1.27.4"));
    await expect(check).toContainText("The update is allowed");
    await page.getByRole("button", { name: "Update deployment" }).click();
    await expect(page).toHaveURL(new RegExp(`/deployments/${dseq}\\?updated=1$`), { timeout: 30_000 });
    await expect(page.getByText(/Updated on chain\. The providers run the new workload once they have the new manifest/)).toBeVisible();
    // the provider accepts the new manifest only when its version is the hash now on chain (else 422)
    await expect(page.getByRole("table", { name: "Active leases" })).toContainText("Manifest sent", { timeout: 60_000 });
    await page.getByText("SDL (read-only)").click();
    await expect(page.getByLabel("SDL", { exact: true })).toContainText("image: nginx:1.27.4");

    await page.getByText("Transaction history").click();
    const history = page.getByRole("table", { name: `Transactions of deployment ${dseq}` });
    await expect(history.getByRole("row")).toHaveCount(4, { timeout: 15_000 });
    await expect(history).toContainText(/Created.*Lease created.*Updated/s);
    await expect(history.getByRole("link").first()).toHaveAttribute("href", /\/tx\?hash=0x[0-9A-F]{64}$/);

    await page.getByRole("button", { name: "Close deployment" }).click();
    await page.getByRole("button", { name: "Redeploy" }).click({ timeout: 30_000 });
    await expect(page).toHaveURL(/\/drafts\/[^/]+\/deploy$/);
    await expect(page.getByText(/\(redeploy\)/).first()).toBeVisible();
  });
});
