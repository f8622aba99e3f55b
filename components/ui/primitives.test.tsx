// @vitest-environment jsdom
import React, { useState } from "react";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { MenuItem, Popover } from "@/components/ui/popover";
import { Tab, TabList, TabPanel, Tabs } from "@/components/ui/tabs";

// vitest.config.ts sets no JSX runtime: esbuild emits React.createElement and looks React up globally.
(globalThis as { React?: typeof React }).React = React;
afterEach(cleanup);

function Menu() {
  const [picked, setPicked] = useState("");
  return (
    <>
      <Popover kind="menu" label="Choose a wallet" trigger={(p) => <Button {...p}>Connect</Button>}>
        {(close) =>
          ["Keplr", "Leap", "Devnet"].map((w) => (
            <MenuItem key={w} onClick={() => (setPicked(w), close())}>
              {w}
            </MenuItem>
          ))
        }
      </Popover>
      <p>picked {picked}</p>
      <button type="button">outside</button>
    </>
  );
}

describe("Popover", () => {
  it("opens a menu with focus on its first item and moves with the arrow keys, Home and End", () => {
    render(<Menu />);
    const trigger = screen.getByRole("button", { name: "Connect" });
    expect(trigger.getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(trigger);
    const menu = screen.getByRole("menu", { name: "Choose a wallet" });
    expect(trigger.getAttribute("aria-controls")).toBe(menu.id);
    expect(document.activeElement?.textContent).toBe("Keplr");
    fireEvent.keyDown(menu, { key: "ArrowDown" });
    expect(document.activeElement?.textContent).toBe("Leap");
    fireEvent.keyDown(menu, { key: "ArrowUp" });
    fireEvent.keyDown(menu, { key: "ArrowUp" });
    expect(document.activeElement?.textContent).toBe("Devnet");
    fireEvent.keyDown(menu, { key: "Home" });
    expect(document.activeElement?.textContent).toBe("Keplr");
  });

  it("closes on Escape and gives the focus back to its trigger", () => {
    render(<Menu />);
    const trigger = screen.getByRole("button", { name: "Connect" });
    fireEvent.click(trigger);
    fireEvent.keyDown(document, { key: "Escape" });
    expect(screen.queryByRole("menu")).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });

  it("closes on a click outside, and after an item's action with focus on the trigger", () => {
    render(<Menu />);
    const trigger = screen.getByRole("button", { name: "Connect" });
    fireEvent.click(trigger);
    fireEvent.pointerDown(screen.getByRole("button", { name: "outside" }));
    expect(screen.queryByRole("menu")).toBeNull();
    fireEvent.click(trigger);
    fireEvent.click(screen.getByRole("menuitem", { name: "Leap" }));
    expect(screen.getByText("picked Leap")).toBeTruthy();
    expect(document.activeElement).toBe(trigger);
  });
});

describe("Tabs", () => {
  it("names tabs by their text, links each panel to its tab and selects with the arrow keys", () => {
    render(
      <Tabs defaultValue="logs">
        <TabList label="Lease">
          <Tab value="logs">Logs</Tab>
          <Tab value="events">Events</Tab>
          <Tab value="shell">Shell</Tab>
        </TabList>
        <TabPanel value="logs">log lines</TabPanel>
        <TabPanel value="events">kube events</TabPanel>
        <TabPanel value="shell">a terminal</TabPanel>
      </Tabs>,
    );
    const logs = screen.getByRole("tab", { name: "Logs" });
    expect(logs.getAttribute("aria-selected")).toBe("true");
    expect(screen.getByRole("tabpanel", { name: "Logs" }).textContent).toBe("log lines");
    logs.focus();
    fireEvent.keyDown(logs, { key: "ArrowLeft" });
    expect(screen.getByRole("tab", { name: "Shell" }).getAttribute("aria-selected")).toBe("true");
    expect(document.activeElement).toBe(screen.getByRole("tab", { name: "Shell" }));
    expect(screen.getByRole("tabpanel").textContent).toBe("a terminal");
    expect(screen.getByRole("tab", { name: "Logs" }).tabIndex).toBe(-1);
  });
});

describe("Field", () => {
  it("labels its control and links the description and the error", () => {
    render(
      <Field label="Amount (ACT)" description="Paid into escrow." error="Write the deposit like 5 or 5.5.">
        {(p) => <Input {...p} />}
      </Field>,
    );
    const input = screen.getByLabelText("Amount (ACT)");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    const described = input.getAttribute("aria-describedby")!.split(" ").map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(["Paid into escrow.", "Write the deposit like 5 or 5.5."]);
  });
});
