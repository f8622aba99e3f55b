/**
 * The ShellTerminal in headless Chromium (xterm needs a real layout and canvas measurements jsdom lacks), served
 * under a CSP like the console's, on an in-memory container with sh and no bash.
 */
import { chromium, type Browser, type Page } from "@playwright/test";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { servePage, type ServedPage } from "@/test/support/browser-page";

let served: ServedPage;
let browser: Browser;
let page: Page;
const cspViolations: string[] = [];

beforeAll(async () => {
  served = await servePage(path.resolve(__dirname, "../../test/support/harness/shell.tsx"));
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  page = await context.newPage();
  page.on("console", (m) => m.type() === "error" && m.text().includes("Content Security Policy") && cspViolations.push(m.text()));
  await page.goto(served.url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/** What xterm's screen-reader mode exposes: the terminal's rows as text in the DOM. */
const screenText = () => page.locator(".xterm-accessibility-tree").innerText();
const container = () => page.evaluate(() => (window as unknown as { __container: { opened: { command: string[] }[]; resizes: [number, number][] } }).__container);

describe("ShellTerminal in Chromium", () => {
  it("opens bash, falls back to sh when the container has no bash, and shows the prompt as readable text", async () => {
    await page.getByRole("status").filter({ hasText: "Connected: sh" }).waitFor({ timeout: 15_000 });
    expect(await page.getByRole("status").first().innerText()).toContain("bash is not available in this container; using sh.");
    expect((await container()).opened.map((o) => o.command)).toEqual([["bash"], ["sh"]]);
    await expect.poll(screenText, { timeout: 10_000 }).toContain("/ #");
  });

  it("runs what is typed and shows its output", async () => {
    await page.keyboard.type("echo hello from the container");
    await page.keyboard.press("Enter");
    await expect.poll(screenText, { timeout: 10_000 }).toMatch(/^hello from the container$/m);
  });

  it("sends a resize frame when the panel changes size", async () => {
    const before = (await container()).resizes.at(-1)!;
    await page.evaluate(() => (document.getElementById("panel")!.style.width = "520px"));
    await expect.poll(async () => (await container()).resizes.at(-1)![0], { timeout: 10_000 }).toBeLessThan(before[0]);
  });

  it("pastes the clipboard into the shell", async () => {
    await page.evaluate(() => navigator.clipboard.writeText("echo pasted text"));
    await page.getByRole("button", { name: "Paste" }).click();
    // reading the clipboard is asynchronous: Enter must follow the pasted text, not overtake it
    await expect.poll(screenText, { timeout: 10_000 }).toMatch(/# echo pasted text\s*$/m);
    await page.keyboard.press("Enter");
    await expect.poll(screenText, { timeout: 10_000 }).toMatch(/^pasted text$/m);
  });

  it("shows the exit code when the shell ends, and offers a new session", async () => {
    await page.keyboard.type("exit 3");
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: "sh exited with code 3" }).waitFor();
    await expect.poll(screenText, { timeout: 10_000 }).toContain("[sh exited with code 3]");
    expect(await page.getByRole("button", { name: "Start a new session" }).isVisible()).toBe(true);
  });

  it("runs a one-shot command and shows its output and exit code", async () => {
    await page.getByRole("textbox", { name: "Command" }).fill("echo one-shot");
    await page.getByRole("button", { name: "Run" }).click();
    await page.getByText("Exit code 0").waitFor();
    expect(await page.getByLabel("Command output").innerText()).toBe("one-shot\n");
  });

  it("ran without a Content Security Policy violation", () => {
    expect(cspViolations).toEqual([]);
  });
});
