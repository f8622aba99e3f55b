import { expect, type Locator, type Page } from "@playwright/test";

/** The wallet part of the header, as a tenant sees it. */
export class WalletHeader {
  readonly connectButton: Locator;
  readonly accountButton: Locator;
  readonly signInButton: Locator;
  readonly akt: Locator;
  readonly act: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    const header = page.getByRole("banner");
    this.connectButton = header.getByRole("button", { name: /^Connect/ });
    this.accountButton = header.getByRole("button", { name: /^Account / });
    this.signInButton = header.getByRole("button", { name: "Sign in" });
    this.akt = header.getByTestId("balance-akt");
    this.act = header.getByTestId("balance-act");
    this.alert = header.getByRole("alert");
  }

  async connect(wallet: "Keplr" | "Leap" | "Devnet test account") {
    await this.connectButton.click();
    await this.page.getByRole("menu", { name: "Choose a wallet" }).getByRole("menuitem", { name: new RegExp(`^${wallet}`) }).click();
  }

  async expectAccount(address: string) {
    await expect(this.accountButton).toHaveAccessibleName(new RegExp(`${address}$`));
  }

  /** "1,234.5 AKT" -> 1234.5 */
  async balance(which: "akt" | "act"): Promise<number> {
    const locator = which === "akt" ? this.akt : this.act;
    await expect(locator).toHaveText(which === "akt" ? /^[\d,]+(\.\d+)? AKT$/ : /^[\d,]+(\.\d+)? ACT$/);
    return Number((await locator.textContent())!.replace(/[^\d.]/g, ""));
  }

  /** Sign-in follows the connection (one click, two steps): wait until the server has the session. */
  async expectSignedIn(address: string | null) {
    await expect.poll(() => this.sessionAddress(), { message: "the console's session address" }).toBe(address);
  }

  /** The server's view of the browser's session cookie. */
  async sessionAddress(): Promise<string | null> {
    return this.page.evaluate(async () => ((await (await fetch("/api/auth/session")).json()) as { address: string | null }).address);
  }
}
