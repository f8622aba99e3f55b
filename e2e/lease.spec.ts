import { expect, test, type DevnetEndpointsFixture } from "./fixtures";
import { DeployFlow } from "./pages/deploy-flow";

// After Accept the workload runs at the devnet's provider: everything below goes through the console's server
// (route handlers and its websocket endpoint) with a provider token the (fake) Keplr signed.

test.describe("a running lease", () => {
  test("shows its services ready with a URI, streams searchable logs and events, and runs a command in a shell", async ({ page, wallet }) => {
    const flow = new DeployFlow(page);
    await flow.runningLease();
    expect(wallet.calls).toContain("signArbitrary");
    // the default SDL's resources at Google Cloud's per-unit prices, against the lease price, since the lease began
    await expect(page.getByRole("region", { name: "Saving so far" })).toContainText(/^Saving so far: −?\$[\d,.]+ against Google Cloud \(\d+% (less|more)\) · no confirmed figure for AWS, Azure$/, { timeout: 30_000 });

    const workload = page.getByRole("region", { name: /^Lease \d+\/1\/1 on akash1/ });
    const services = workload.getByRole("table", { name: "Services" });
    await expect(services).toContainText(/1\/1 ready/, { timeout: 30_000 });
    await expect(services.getByRole("link").first()).toHaveAttribute("href", /^https?:\/\//);

    await expect(workload.getByRole("tab", { name: "Logs" })).toHaveAttribute("aria-selected", "true");
    const logs = workload.getByRole("log", { name: "Logs" });
    await expect(logs).toContainText("start worker processes", { timeout: 30_000 });
    await workload.getByRole("searchbox", { name: "Search logs" }).or(workload.getByRole("textbox", { name: "Search logs" })).fill("worker processes");
    await expect(workload.getByText("– of 1", { exact: true })).toBeVisible();
    await workload.getByRole("button", { name: "Next match" }).click();
    await expect(workload.getByText("1 of 1", { exact: true })).toBeVisible();
    await expect(logs.locator("mark")).toHaveText("worker processes");

    await workload.getByRole("tab", { name: "Events" }).click();
    await expect(workload.getByRole("log", { name: "Events" })).toContainText("Scheduled", { timeout: 30_000 });

    await workload.getByRole("tab", { name: "Shell" }).click();
    await workload.getByRole("textbox", { name: "Command" }).fill("echo hello from the lease");
    await workload.getByRole("button", { name: "Run" }).click();
    await expect(workload.getByLabel("Command output")).toContainText("hello from the lease", { timeout: 30_000 });
    await expect(workload.getByText("Exit code 0", { exact: true })).toBeVisible();
  });

  test.describe("faults", () => {
    /** every provider of the devnet: which one wins the bid is not known before Accept */
    async function providers(devnet: DevnetEndpointsFixture): Promise<string[]> {
      const body = (await (await fetch(`${devnet.rest}/akash/provider/v1beta4/providers`)).json()) as { providers: { owner: string }[] };
      return body.providers.map((p) => p.owner);
    }
    const admin = (devnet: DevnetEndpointsFixture, path: string, body: object) => fetch(`${devnet.admin}${path}`, { method: "POST", body: JSON.stringify(body) });
    const clearAll = async (devnet: DevnetEndpointsFixture) => {
      for (const provider of await providers(devnet)) {
        await admin(devnet, "/fault/clear", { provider });
        await admin(devnet, "/fault", { provider, fault: null });
      }
    };
    test.afterEach(async ({ devnet }) => clearAll(devnet));

    test("a provider that answers 500 to the manifest twice gets it on the third attempt", async ({ page, devnet }) => {
      for (const provider of await providers(devnet)) await admin(devnet, "/fault/manifest-500", { provider, times: 2 });
      const flow = new DeployFlow(page);
      await flow.runningLease();
      await expect(page.getByRole("region", { name: /^Lease / }).getByRole("table", { name: "Services" })).toBeVisible({ timeout: 30_000 });
    });

    test("a lease left without its manifest gets it on the next visit", async ({ page, devnet }) => {
      for (const provider of await providers(devnet)) await admin(devnet, "/fault/manifest-500", { provider, times: 20 });
      const flow = new DeployFlow(page);
      await flow.review();
      await flow.createDeployment();
      await flow.acceptFirstBid();
      const leases = page.getByRole("table", { name: "Active leases" });
      // the provider keeps failing: after its retries the lease says so, with the reason and Retry
      await expect(leases.getByText("Manifest not sent", { exact: true })).toBeVisible({ timeout: 60_000 });
      await expect(leases.getByRole("button", { name: "Retry" })).toBeVisible();
      await clearAll(devnet);
      // the tab closed mid-flow; the tenant comes back later: the manifest is sent once, on its own
      await page.reload();
      await expect(leases).toContainText("Manifest sent", { timeout: 60_000 });
    });

    test("a dropped log stream resumes on its own, without a duplicate line", async ({ page, devnet }) => {
      for (const provider of await providers(devnet)) await admin(devnet, "/fault/drop-logs", { provider, afterFrames: 12 });
      const flow = new DeployFlow(page);
      await flow.runningLease();
      const logs = page.getByRole("log", { name: "Logs" });
      await expect(logs).toContainText("start worker processes", { timeout: 30_000 });
      // the provider drops the stream after 12 frames; access lines keep coming after the resume
      await expect.poll(async () => (await logs.textContent())?.match(/"GET /g)?.length ?? 0, { timeout: 30_000 }).toBeGreaterThan(6);
      await expect(logs.getByText("start worker processes")).toHaveCount(1);
    });

    test("a provider whose certificate is not on chain is refused, and the page names it", async ({ page, devnet }) => {
      const flow = new DeployFlow(page);
      await flow.runningLease();
      const provider = (await page.getByRole("table", { name: "Active leases" }).getByRole("row").nth(1).getByRole("cell").nth(1).textContent())!.trim();
      await admin(devnet, "/fault", { provider, fault: "unregistered-cert" });
      await page.reload();
      const workload = page.getByRole("region", { name: /^Lease / });
      await expect(workload.getByRole("alert").filter({ hasText: `Provider ${provider} serves a certificate` }).first()).toBeVisible({ timeout: 30_000 });
    });
  });
});
