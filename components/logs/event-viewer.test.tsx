// @vitest-environment jsdom
import React from "react";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { EventViewer } from "@/components/logs/event-viewer";
import { installLogLayout } from "@/test/support/jsdom-layout";
import { capturedEventFrames, CAPTURED_SERVICES } from "@/test/support/devnet-capture";
import { gatewayError, scriptedOpen } from "@/test/support/scripted-stream";

(globalThis as { React?: typeof React }).React = React;

beforeAll(installLogLayout);
afterEach(cleanup);

const events = capturedEventFrames("initial");
const rows = () => Array.from(screen.getByRole("log", { name: "Events" }).querySelectorAll<HTMLElement>("[data-index]"));

describe("EventViewer", () => {
  it("shows one line per kube event: type, reason, object and note (devnet capture)", async () => {
    render(<EventViewer open={scriptedOpen([{ frames: events, then: "hang" }])} services={CAPTURED_SERVICES} />);
    await waitFor(() => expect(rows()).toHaveLength(events.length), { timeout: 5000 });
    const e = events[0]!;
    expect(rows()[0]!.querySelector("[data-part=message]")!.textContent).toBe(`${e.type} ${e.reason} ${e.object.kind}/${e.object.name}: ${e.note}`);
    expect(screen.getByRole("searchbox", { name: "Search events" })).toBeTruthy();
  });

  it("shows no event twice after the stream is reopened (the provider sends them all again)", async () => {
    const open = scriptedOpen([
      { frames: events, then: gatewayError("console.unreachable", "The console's connection dropped.") },
      { frames: capturedEventFrames("resume"), then: "hang" },
    ]);
    render(<EventViewer open={open} services={CAPTURED_SERVICES} />);
    await screen.findByText("Reconnecting", {}, { timeout: 5000 });
    await waitFor(() => expect(open.tails).toHaveLength(2), { timeout: 5000 });
    await new Promise((r) => setTimeout(r, 800));
    expect(rows()).toHaveLength(events.length);
  });

  it("filters events by the service their object belongs to", async () => {
    render(<EventViewer open={scriptedOpen([{ frames: events, then: "hang" }])} services={CAPTURED_SERVICES} />);
    await waitFor(() => expect(rows()).toHaveLength(events.length), { timeout: 5000 });
    fireEvent.change(screen.getByRole("combobox", { name: "Service" }), { target: { value: "web" } });
    const web = events.filter((e) => e.object.name === "web" || e.object.name.startsWith("web-"));
    await waitFor(() => expect(rows()).toHaveLength(web.length));
  });
});
