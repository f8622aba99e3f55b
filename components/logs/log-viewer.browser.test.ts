/**
 * The LogViewer in headless Chromium, with real layout: virtualization over the ring buffer, following, pausing on
 * scroll-up with the view held on its line while old lines are evicted, and wrapped rows measured.
 */
import { chromium, type Browser, type Page } from "@playwright/test";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { servePage, type ServedPage } from "@/test/support/browser-page";

let served: ServedPage;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  served = await servePage(path.resolve(__dirname, "../../test/support/harness/log-viewer.tsx"));
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(served.url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const log = () => page.getByRole("log", { name: "Logs" });
/** The number (` #n`) of the first row whose top is inside the log's viewport. */
const firstVisible = () =>
  log().evaluate((el) => {
    const top = el.getBoundingClientRect().top;
    const row = Array.from(el.querySelectorAll("[data-index]")).find((r) => r.getBoundingClientRect().bottom > top + 1)!;
    return Number(/#(\d+)$/.exec(row.textContent!)![1]);
  });

describe("LogViewer in Chromium", () => {
  it("keeps only the buffer's lines and renders only the visible rows", async () => {
    await page.getByText(/the viewer keeps the last 3,000/).waitFor({ timeout: 20_000 });
    expect(await page.getByText(/^3,000 lines shown/).count()).toBe(1);
    expect(await log().locator("[data-index]").count()).toBeLessThan(80);
  });

  it("follows the newest line", async () => {
    const gap = await log().evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);
    expect(gap).toBeLessThanOrEqual(18);
  });

  it("pauses when scrolled up and holds the view on its line while old lines are evicted", async () => {
    await log().hover();
    await page.mouse.wheel(0, -18 * 600);
    await expect.poll(() => page.getByRole("button", { name: "Follow" }).getAttribute("aria-pressed")).toBe("false");
    await page.waitForTimeout(200);
    const before = await firstVisible();
    await page.waitForTimeout(600); // about 1,200 lines arrive and as many old ones leave
    expect(await firstVisible()).toBe(before);
    expect(await page.getByText(/paused/).count()).toBe(1);
  });

  it("goes back to the newest line when Follow is pressed", async () => {
    await page.getByRole("button", { name: "Follow" }).click();
    await page.waitForTimeout(200);
    const gap = await log().evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);
    expect(gap).toBeLessThanOrEqual(18);
  });

  it("wraps long lines into taller rows", async () => {
    await page.getByRole("checkbox", { name: "Wrap lines" }).check();
    await expect
      .poll(() => log().evaluate((el) => Math.max(...Array.from(el.querySelectorAll<HTMLElement>("[data-index]")).map((r) => r.offsetHeight))))
      .toBeGreaterThan(18);
  });
});
