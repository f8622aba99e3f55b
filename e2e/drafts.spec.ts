import { expect, test } from "./fixtures";

test.describe("drafts", () => {
  test("deleting a draft asks first: Escape keeps it and gives the focus back, Delete draft removes it", async ({ page }) => {
    await page.goto("/");
    const name = `delete me ${Date.now()}`;
    const status = await page.evaluate(
      async (n) => (await fetch("/api/drafts", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: n, content: "version: '2.0'\n" }) })).status,
      name,
    );
    expect(status).toBe(201);
    await page.goto("/drafts");
    const remove = page.getByRole("button", { name: `Delete ${name}` });
    await remove.click();
    const dialog = page.getByRole("dialog", { name: `Delete the draft “${name}”?` });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("This cannot be undone.");

    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(remove).toBeFocused();
    await expect(page.getByRole("link", { name })).toBeVisible();

    await remove.click();
    await dialog.getByRole("button", { name: "Delete draft" }).click();
    await expect(page.getByRole("link", { name })).toHaveCount(0);
    await expect(dialog).toBeHidden();
  });
});
