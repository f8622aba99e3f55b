import { expect, type Page } from "@playwright/test";
import { EditorPage } from "./editor-page";
import { WalletHeader } from "./wallet-header";

/** The deployment wizard as a tenant walks it: editor -> review -> bids -> lease. */
export class DeployFlow {
  readonly editor: EditorPage;
  readonly header: WalletHeader;

  constructor(readonly page: Page) {
    this.editor = new EditorPage(page);
    this.header = new WalletHeader(page);
  }

  /** Opens the editor with `sdl` (or the default SDL), connects Keplr and goes to the review step. */
  async review(options: { sdl?: string; template?: string } = {}) {
    await this.editor.gotoNew(options.template);
    await this.header.connect("Keplr");
    await expect(this.header.accountButton).toBeVisible();
    if (options.sdl) await this.editor.replaceText(options.sdl);
    await expect(this.editor.problemCounts).toContainText("0 errors");
    await this.page.getByRole("button", { name: "Review and deploy" }).click();
    await expect(this.page).toHaveURL(/\/drafts\/[^/]+\/deploy$/);
    await expect(this.page.getByTestId("escrow-lifetime")).not.toHaveText("–");
  }

  async createDeployment(): Promise<string> {
    await this.page.getByRole("button", { name: "Create deployment" }).click();
    await expect(this.page).toHaveURL(/\/deployments\/\d+$/, { timeout: 30_000 });
    return this.page.url().split("/").pop()!;
  }

  bidTable() {
    return this.page.getByRole("table").filter({ has: this.page.getByRole("columnheader", { name: /Provider/ }) }).first();
  }

  bidRows() {
    return this.bidTable().getByRole("row").filter({ has: this.page.getByRole("button", { name: /^Accept/ }) });
  }

  async acceptFirstBid() {
    await expect(this.bidRows().first()).toBeVisible({ timeout: 30_000 });
    await this.bidRows().first().getByRole("button", { name: /^Accept/ }).click();
  }

  /** The lease is recorded and its manifest reaches the provider on its own, signed by the wallet's token. */
  async expectLeaseRecorded() {
    const leases = this.page.getByRole("table", { name: "Active leases" });
    await expect(leases).toBeVisible({ timeout: 30_000 });
    await expect(leases.getByRole("row")).toHaveCount(2);
    await expect(leases).toContainText("Manifest sent", { timeout: 60_000 });
  }

  /** The default SDL deployed, a bid accepted and its manifest sent: a running lease; returns the dseq. */
  async runningLease(): Promise<string> {
    await this.review();
    const dseq = await this.createDeployment();
    await this.acceptFirstBid();
    await this.expectLeaseRecorded();
    return dseq;
  }
}
