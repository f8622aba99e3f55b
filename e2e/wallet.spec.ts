import { expect, TENANT1, TENANT2, test } from "./fixtures";
import { WalletHeader } from "./pages/wallet-header";

// Every test talks to the devnet (balances, signing client); it and the fake Keplr are automatic fixtures.

test.describe("wallet", () => {
  test("connects Keplr in one click: address, balances, and a signed-in session that owns new drafts", async ({ page, wallet, browser }) => {
    const header = new WalletHeader(page);
    // balances follow NewBlock events from the devnet's CometBFT websocket
    const newBlock = page
      .waitForEvent("websocket", (ws) => ws.url().endsWith(":26657/websocket"))
      .then((ws) => ws.waitForEvent("framereceived", (f) => String(f.payload).includes("tendermint/event/NewBlock")));
    await page.goto("/");
    await header.connect("Keplr");
    await header.expectAccount(TENANT1.address);
    await header.expectSignedIn(TENANT1.address);
    await newBlock;
    expect(wallet.calls).toEqual(expect.arrayContaining(["experimentalSuggestChain", "enable akash-devnet-1", "getKey", "signArbitrary"]));

    // genesis gives tenant1 1,000,000 AKT and 10,000 ACT; other tests spend some of it
    expect(await header.balance("akt")).toBeGreaterThan(0);
    expect(await header.balance("act")).toBeGreaterThan(0);
    await expect(header.signInButton).toBeHidden();

    const name = `wallet e2e ${Date.now()}`;
    const status = await page.evaluate(
      async (n) => (await fetch("/api/drafts", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: n, content: "version: '2.0'\n" }) })).status,
      name,
    );
    expect(status).toBe(201);
    await page.goto("/drafts");
    await expect(page.getByText(name)).toBeVisible();

    // another browser without this session does not see it
    const other = await browser.newContext();
    const stranger = await other.newPage();
    await stranger.goto("/drafts");
    await expect(stranger.getByRole("heading", { name: "Drafts" })).toBeVisible();
    await expect(stranger.getByText(name)).toHaveCount(0);
    await other.close();
  });

  test("reconnects silently after a reload", async ({ page, wallet }) => {
    const header = new WalletHeader(page);
    await page.goto("/");
    await header.connect("Keplr");
    await header.expectAccount(TENANT1.address);
    await header.expectSignedIn(TENANT1.address);
    const signatures = wallet.calls.filter((c) => c === "signArbitrary").length;
    await page.reload();
    await header.expectAccount(TENANT1.address);
    await expect(header.signInButton).toBeHidden();
    expect(wallet.calls.filter((c) => c === "signArbitrary")).toHaveLength(signatures);
  });

  test("follows an account switch in Keplr without a reload", async ({ page, wallet }) => {
    const header = new WalletHeader(page);
    await page.goto("/");
    await header.connect("Keplr");
    await header.expectAccount(TENANT1.address);
    await page.evaluate(() => ((window as unknown as { __notReloaded: boolean }).__notReloaded = true));

    await wallet.switchAccount(TENANT2);
    await header.expectAccount(TENANT2.address);
    await header.expectSignedIn(TENANT2.address);
    expect(await header.balance("akt")).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(true);
  });

  test.describe("when the tenant rejects the sign-in", () => {
    test.use({ walletOptions: { reject: "next" } });

    test("stays connected, says so, and signs in on a second try", async ({ page, wallet }) => {
      const header = new WalletHeader(page);
      await page.goto("/");
      await header.connect("Keplr");
      await header.expectAccount(TENANT1.address);
      await expect(header.alert).toContainText("You rejected the request in Keplr. Nothing was signed.");
      await expect(header.alert).toContainText("still connected");
      expect(await header.sessionAddress()).toBeNull();
      expect(wallet.calls.filter((c) => c === "signArbitrary")).toHaveLength(1);

      await header.signInButton.click();
      await header.expectSignedIn(TENANT1.address);
      await expect(header.signInButton).toBeHidden();
      await expect(header.alert).toBeHidden();
    });
  });

  test.describe("with a Ledger account", () => {
    test.use({ walletOptions: { ledger: true } });

    test("signs in (ADR-36 is amino, which the Ledger app signs) and shows the account as a Ledger", async ({ page, wallet }) => {
      const header = new WalletHeader(page);
      await page.goto("/");
      await header.connect("Keplr");
      await header.expectSignedIn(TENANT1.address);
      expect(wallet.calls).toContain("signArbitrary");
      await header.accountButton.click();
      await expect(page.getByRole("dialog", { name: "Wallet account" })).toContainText("Keplr · Ledger");
    });
  });

  test.describe("without a wallet extension", () => {
    test.use({ walletOptions: { installed: false } });

    test("the devnet test account works without an extension", async ({ page }) => {
      const header = new WalletHeader(page);
      await page.goto("/");
      await header.connect("Devnet test account");
      await header.expectAccount(TENANT1.address);
      await header.expectSignedIn(TENANT1.address);
      expect(await header.balance("akt")).toBeGreaterThan(0);

      await header.accountButton.click();
      await page.getByRole("dialog", { name: "Wallet account" }).getByRole("button", { name: "Disconnect" }).click();
      await expect(header.connectButton).toBeVisible();
      await header.expectSignedIn(null);
    });

    test("choosing Keplr shows where to install it", async ({ page }) => {
      const header = new WalletHeader(page);
      await page.goto("/");
      await header.connect("Keplr");
      await expect(header.alert).toContainText("Keplr is not installed");
      await expect(header.alert.getByRole("link", { name: "Install Keplr" })).toHaveAttribute("href", "https://www.keplr.app/download");
      await expect(header.connectButton).toBeVisible();
    });
  });
});
