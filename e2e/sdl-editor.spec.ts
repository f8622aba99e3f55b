import { expect, test } from "@playwright/test";
import { EditorPage } from "./pages/editor-page";

test.describe("SDL editor", () => {
  test("shows a marker and a message for an error, and the preview once it is fixed", async ({ page }) => {
    const editor = new EditorPage(page);
    await editor.gotoNew();
    await expect(editor.problemCounts).toContainText("0 errors");
    const validVersion = await editor.manifestVersion.textContent();
    expect(validVersion).toMatch(/^[0-9a-f]{64}$/);

    // Misspell the service reference under `deployment:` (line 31 of the default SDL).
    const original = await editor.text();
    const broken = original.replace(/\ndeployment:\n {2}web:/, "\ndeployment:\n  wbe:");
    await editor.replaceText(broken);

    const problem = editor.problem(/line 31, column 3/);
    await expect(problem).toBeVisible();
    await expect(problem).toContainText("wbe");
    await expect(page.locator(".monaco-editor .squiggly-error").first()).toBeAttached();
    await expect(page.getByText("Fix the errors to see the groups and manifest.")).toBeVisible();

    // The quick fix in the Problems panel renames the reference back.
    await editor.problems.getByRole("button", { name: "Quick fix: Change to web" }).click();
    await expect(editor.problemCounts).toContainText("0 errors");
    await expect(editor.manifestVersion).toHaveText(validVersion!);
  });

  test("moves the cursor to a problem when it is clicked", async ({ page }) => {
    const editor = new EditorPage(page);
    await editor.gotoNew();
    const text = await editor.text();
    await editor.replaceText(text.replace("units: 0.5", "units: 0"));
    const problem = editor.problem(/cpu/i);
    await expect(problem).toBeVisible();
    await problem.click();
    const line = Number((await problem.getAttribute("aria-label"))!.match(/line (\d+)/)![1]);
    await expect(page.locator(".monaco-editor .current-line").first()).toBeAttached();
    const cursorLine = await page.evaluate(() => {
      const w = window as unknown as { monaco: { editor: { getEditors(): { getPosition(): { lineNumber: number } }[] } } };
      return w.monaco.editor.getEditors()[0]!.getPosition().lineNumber;
    });
    expect(cursorLine).toBe(line);
  });

  test("broken YAML gets a marker at the error, not a crash", async ({ page }) => {
    const editor = new EditorPage(page);
    await editor.gotoNew();
    await editor.replaceText('version: "2.0"\nservices:\n  web:\n\timage: nginx\n');
    await expect(editor.problemCounts).toHaveText("1 error, 0 warnings");
    const problem = editor.problems.getByRole("button", { name: /^Error at / });
    await expect(problem).toHaveCount(1);
    await expect(problem).toHaveAccessibleName("Error at line 4, column 1: Tabs cannot indent YAML: indent with spaces.");
  });

  test("a draft is saved while typing and survives a reload", async ({ page }) => {
    const editor = new EditorPage(page);
    await editor.gotoNew("snake-game");
    await editor.draftName.fill("Snake for e2e");
    const text = await editor.text();
    const edited = text.replace(/count: 1/, "count: 2");
    expect(edited).not.toBe(text);
    await editor.replaceText(edited);
    await expect(editor.saveStatus).toContainText("Saved", { timeout: 15_000 });
    await expect(page).toHaveURL(/\/drafts\/[a-z0-9]+$/);

    await page.reload();
    await editor.waitForEditor();
    expect(await editor.text()).toBe(edited);
    await expect(editor.draftName).toHaveValue("Snake for e2e");

    await page.goto("/drafts");
    await expect(page.getByRole("link", { name: "Snake for e2e" })).toBeVisible();
  });

  test("the template gallery searches and opens a template", async ({ page }) => {
    await page.goto("/templates");
    await page.getByLabel("Search templates").fill("llama");
    const cards = page.getByRole("list", { name: "Templates" }).getByRole("listitem");
    await expect(cards).toHaveCount(2); // Llama 3.1 8B and Ollama
    await page.getByLabel("Search templates").fill("llama 3.1");
    await expect(cards).toHaveCount(1);
    await page.getByRole("link", { name: "Open Llama 3.1 8B in the editor" }).click();
    const editor = new EditorPage(page);
    await editor.waitForEditor();
    expect(await editor.text()).toContain("vllm");
    await expect(page.getByRole("tab", { name: /Groups/ })).toBeVisible();
  });
});
