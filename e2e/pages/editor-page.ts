import { expect, type Locator, type Page } from "@playwright/test";

/** The SDL workbench (/new and /drafts/[id]) as a tenant sees it. */
export class EditorPage {
  readonly editor: Locator;
  readonly problems: Locator;
  readonly problemCounts: Locator;
  readonly manifestVersion: Locator;
  readonly saveStatus: Locator;
  readonly draftName: Locator;

  constructor(readonly page: Page) {
    this.editor = page.getByRole("code").or(page.locator(".monaco-editor")).first();
    this.problems = page.getByRole("list", { name: "Problems" });
    this.problemCounts = page.getByTestId("problem-counts");
    this.manifestVersion = page.getByTestId("manifest-version");
    this.saveStatus = page.getByTestId("save-status");
    this.draftName = page.getByLabel("Draft name");
  }

  async gotoNew(template?: string) {
    await this.page.goto(template ? `/new?template=${template}` : "/new");
    await this.waitForEditor();
  }

  async waitForEditor() {
    await expect(this.page.locator(".monaco-editor .view-lines")).toBeVisible({ timeout: 30_000 });
    await expect(this.problemCounts).not.toContainText("checking", { timeout: 15_000 });
  }

  /**
   * Replaces the whole text as a tenant pasting it does: select all, then a real paste event on Monaco's input
   * (typed text would be auto-indented line by line; a paste is not).
   */
  async replaceText(text: string) {
    await this.page.locator(".monaco-editor .view-lines").click();
    await this.page.keyboard.press("ControlOrMeta+A");
    await this.page.locator(".monaco-editor textarea").evaluate((el, value) => {
      const data = new DataTransfer();
      data.setData("text/plain", value);
      el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
    await expect.poll(() => this.text()).toBe(text);
  }

  /** The editor's current text, read from Monaco's model (the DOM only holds the visible lines). */
  async text(): Promise<string> {
    return this.page.evaluate(() => {
      const w = window as unknown as { monaco?: { editor: { getModels(): { getValue(): string }[] } } };
      const models = w.monaco?.editor.getModels() ?? [];
      return models[0]?.getValue() ?? "";
    });
  }

  problem(text: RegExp | string): Locator {
    return this.problems.getByRole("button", { name: text });
  }
}
