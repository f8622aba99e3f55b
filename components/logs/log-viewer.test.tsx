// @vitest-environment jsdom
import React from "react";
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { installLogLayout } from "@/test/support/jsdom-layout";
import { LogViewer } from "@/components/logs/log-viewer";
import { capturedLogFrames, CAPTURED_SERVICES } from "@/test/support/devnet-capture";
import { gatewayError, scriptedOpen, type Opening } from "@/test/support/scripted-stream";
import type { LogFrame } from "@/lib/logs/frames";
import { serviceOf } from "@/lib/logs/pod-service";

// vitest.config.ts sets no JSX runtime: .tsx compiles to React.createElement looked up globally.
(globalThis as { React?: typeof React }).React = React;

beforeAll(installLogLayout);
afterEach(cleanup);

const initial = capturedLogFrames("initial");
// eslint-disable-next-line no-control-regex -- the SGR sequences of the devnet's coloured lines
const SGR = /\u001b\[\d+m/g;
const truth = capturedLogFrames("truth");

function mount(openings: Opening<LogFrame>[]) {
  const open = scriptedOpen(openings);
  render(<LogViewer open={open} services={CAPTURED_SERVICES} />);
  return open;
}

const log = () => screen.getByRole("log", { name: "Logs" });
const rows = () => Array.from(log().querySelectorAll<HTMLElement>("[data-index]"));
const messageOf = (row: HTMLElement) => row.querySelector("[data-part=message]")?.textContent ?? "";
const waitForRows = (n: number) => waitFor(() => expect(rows()).toHaveLength(n), { timeout: 5000 });

describe("LogViewer", () => {
  it("shows the devnet's lines in a log region, each with its time of receipt, colours as styled spans", async () => {
    mount([{ frames: initial, then: "hang" }]);
    await waitForRows(initial.length);
    for (const row of rows()) expect(row.querySelector("time")?.getAttribute("datetime")).toMatch(/^\d{4}-\d\d-\d\dT/);
    const coloured = rows().find((r) => messageOf(r).includes("info: loaded configuration"))!;
    expect(coloured.textContent).not.toContain("\u001b");
    const info = Array.from(coloured.querySelectorAll("span")).find((s) => s.textContent === "info")!;
    expect(info.style.color).toBe("rgb(13, 188, 121)");
    expect(rows().map(messageOf)).toEqual(initial.map((f) => f.message.replace(SGR, "")));
  });

  it("renders markup in a log line as text, never as elements", async () => {
    mount([{ frames: [{ name: "web-1", message: '<img src=x onerror="alert(1)"><script>alert(2)</script>' }], then: "hang" }]);
    await waitForRows(1);
    expect(log().querySelector("img, script")).toBeNull();
    expect(messageOf(rows()[0]!)).toBe('<img src=x onerror="alert(1)"><script>alert(2)</script>');
  });

  it("highlights the matches of Search logs and moves through them with next and previous", async () => {
    mount([{ frames: initial, then: "hang" }]);
    await waitForRows(initial.length);
    const expected = initial.reduce((n, f) => n + (f.message.split("docker-entrypoint").length - 1), 0);
    fireEvent.change(screen.getByRole("searchbox", { name: "Search logs" }), { target: { value: "Docker-Entrypoint" } });
    await waitFor(() => expect(log().querySelectorAll("mark")).toHaveLength(expected));
    expect(screen.getByText(`– of ${expected}`)).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Next match" }));
    expect(screen.getByText(`1 of ${expected}`)).toBeTruthy();
    const first = log().querySelector("mark[data-current]")!;
    expect(first.textContent).toBe("docker-entrypoint");
    fireEvent.click(screen.getByRole("button", { name: "Next match" }));
    expect(screen.getByText(`2 of ${expected}`)).toBeTruthy();
    expect(log().querySelector("mark[data-current]")).not.toBe(first);
    fireEvent.click(screen.getByRole("button", { name: "Previous match" }));
    fireEvent.click(screen.getByRole("button", { name: "Previous match" }));
    expect(screen.getByText(`${expected} of ${expected}`)).toBeTruthy();
    // stepping to a match stops following, so the view stays on it
    expect(screen.getByRole("button", { name: "Follow" }).getAttribute("aria-pressed")).toBe("false");
  });

  it("says Reconnecting after a drop, then resumes with a tail and shows no line twice", async () => {
    const open = mount([
      { frames: initial, then: gatewayError("console.unreachable", "The console's connection dropped.") },
      { frames: capturedLogFrames("resume"), then: "hang" },
    ]);
    await screen.findByText("Reconnecting", {}, { timeout: 5000 });
    expect(screen.getByRole("status").textContent).toContain("The console's connection dropped.");
    await waitFor(() => expect(open.tails).toHaveLength(2), { timeout: 5000 });
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe(""), { timeout: 5000 });
    await new Promise((r) => setTimeout(r, 600)); // the resumed backlog settles

    expect(open.tails).toEqual([1000, 500]);
    const shown = new Map<string, string[]>();
    for (const r of rows()) shown.set(r.dataset.source!, [...(shown.get(r.dataset.source!) ?? []), messageOf(r)]);
    expect(rows().length).toBeGreaterThan(initial.length);
    for (const [pod, lines] of shown) {
      const history = truth.filter((f) => f.name === pod).map((f) => f.message.replace(SGR, ""));
      expect(lines, pod).toEqual(history.slice(0, lines.length));
    }
  });

  it("says the provider ended the stream, with its close code and reason, and reopens on request", async () => {
    const open = mount([
      { frames: initial.slice(0, 5), then: gatewayError("provider.stream_closed", "The provider closed the stream.", { closeCode: 4000, reason: "no running pods" }) },
      { frames: [], then: "hang" },
    ]);
    await screen.findByText("Stream ended by the provider", {}, { timeout: 5000 });
    const status = screen.getByRole("status").textContent!;
    expect(status).toContain("close code 4000: provider internal error or no running pods");
    expect(status).toContain("Reason: no running pods");
    expect(rows()).toHaveLength(5);
    fireEvent.click(screen.getByRole("button", { name: "Reopen stream" }));
    await waitFor(() => expect(open.tails).toEqual([1000, 500]));
  });

  it("shows a failure's message and offers to retry", async () => {
    mount([{ frames: [], then: gatewayError("provider.tls_pin", "The provider's certificate does not match its certificate on chain.") }]);
    const alert = await screen.findByRole("alert", {}, { timeout: 5000 });
    expect(alert.textContent).toContain("The provider's certificate does not match its certificate on chain.");
    expect(within(alert).getByRole("button", { name: "Retry" })).toBeTruthy();
  });

  it("filters by service", async () => {
    mount([{ frames: initial, then: "hang" }]);
    await waitForRows(initial.length);
    fireEvent.change(screen.getByRole("combobox", { name: "Service" }), { target: { value: "db" } });
    const db = initial.filter((f) => serviceOf(f.name, CAPTURED_SERVICES) === "db");
    await waitForRows(db.length);
    expect(rows().every((r) => r.dataset.source!.startsWith("db-"))).toBe(true);
  });

  it("pauses following when scrolled up, and the Follow button resumes it", async () => {
    mount([{ frames: initial, then: "hang" }]);
    await waitForRows(initial.length);
    const follow = screen.getByRole("button", { name: "Follow" });
    expect(follow.getAttribute("aria-pressed")).toBe("true");
    const bottom = log().scrollTop;
    expect(bottom).toBeGreaterThan(0);
    act(() => {
      log().scrollTop = bottom - 500;
      fireEvent.scroll(log());
    });
    expect(follow.getAttribute("aria-pressed")).toBe("false");
    expect(screen.getByText(/paused/)).toBeTruthy();
    fireEvent.click(follow);
    expect(follow.getAttribute("aria-pressed")).toBe("true");
    expect(log().scrollTop).toBe(bottom);
  });

  it("wraps long lines on request", async () => {
    mount([{ frames: initial.slice(0, 3), then: "hang" }]);
    await waitForRows(3);
    expect(rows()[0]!.className).toContain("whitespace-pre ");
    fireEvent.click(screen.getByRole("checkbox", { name: "Wrap lines" }));
    expect(rows()[0]!.className).toContain("whitespace-pre-wrap");
  });

  it("cuts a 10 MB line and says how much it left out", async () => {
    mount([{ frames: [{ name: "api-1", message: "y".repeat(10 * 1024 * 1024) }], then: "hang" }]);
    await waitForRows(1);
    expect(messageOf(rows()[0]!)).toHaveLength(16_384);
    expect(rows()[0]!.textContent).toContain(`[${(10 * 1024 * 1024 - 16_384).toLocaleString("en-US")} more characters not shown]`);
  });

  it("copies and downloads what was received as text: receipt time, pod, visible text", async () => {
    const written: string[] = [];
    Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText: async (t: string) => void written.push(t) } });
    const blobs: Blob[] = [];
    URL.createObjectURL = (b: Blob | MediaSource) => (blobs.push(b as Blob), "blob:logs");
    URL.revokeObjectURL = () => {};
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    mount([{ frames: initial, then: "hang" }]);
    await waitForRows(initial.length);

    fireEvent.click(screen.getByRole("button", { name: "Copy" }));
    await screen.findByText(`Copied ${initial.length} lines.`);
    const lines = written[0]!.trimEnd().split("\n");
    expect(lines).toHaveLength(initial.length);
    expect(lines[0]).toBe(`${lines[0]!.slice(0, 24)} [${initial[0]!.name}] ${initial[0]!.message.replace(SGR, "")}`);
    expect(lines[0]!.slice(0, 24)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    fireEvent.click(screen.getByRole("button", { name: "Download" }));
    expect(click).toHaveBeenCalledTimes(1);
    expect(await blobs[0]!.text()).toBe(written[0]);
    click.mockRestore();
  });
});
