import { expect, test } from "./fixtures";
import { DeployFlow } from "./pages/deploy-flow";

// After Accept the workload runs at the devnet's provider: everything below goes through the console's server
// (route handlers and its websocket endpoint) with a provider token the (fake) Keplr signed.

test.describe("a running lease", () => {
  test("shows its services ready with a URI, streams searchable logs and events, and runs a command in a shell", async ({ page, wallet }) => {
    const flow = new DeployFlow(page);
    await flow.review();
    await flow.createDeployment();
    await flow.acceptFirstBid();
    await flow.expectLeaseRecorded();
    expect(wallet.calls).toContain("signArbitrary");

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
});
