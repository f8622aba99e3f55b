"use client";
import { createContext, useContext, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/**
 * Tabs as WAI-ARIA describes them: a tablist of role="tab" buttons named by their text, one tabpanel labelled by
 * its tab, arrow keys (and Home/End) move between tabs and select them, Tab moves into the panel. Controlled
 * (`value` + `onValueChange`) or not (`defaultValue`).
 */
interface TabsContext {
  base: string;
  value: string;
  select(value: string): void;
}

const Context = createContext<TabsContext | null>(null);

function useTabs(): TabsContext {
  const ctx = useContext(Context);
  if (!ctx) throw new Error("<Tab>, <TabList> and <TabPanel> must be inside <Tabs>");
  return ctx;
}

const idOf = (base: string, part: "tab" | "panel", value: string) => `${base}-${part}-${value.replace(/[^a-zA-Z0-9_-]/g, "_")}`;

export interface TabsProps {
  value?: string;
  defaultValue?: string;
  onValueChange?(value: string): void;
  children: ReactNode;
  className?: string;
}

export function Tabs({ value, defaultValue = "", onValueChange, children, className }: TabsProps) {
  const base = useId();
  const [own, setOwn] = useState(defaultValue);
  const current = value ?? own;
  const select = (next: string) => {
    if (value === undefined) setOwn(next);
    onValueChange?.(next);
  };
  return (
    <Context.Provider value={{ base, value: current, select }}>
      <div className={className}>{children}</div>
    </Context.Provider>
  );
}

export function TabList({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent) => {
    const tabs = [...(list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]:not([disabled])') ?? [])];
    const at = tabs.findIndex((t) => t === document.activeElement);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1 + tabs.length, Home: 0, End: tabs.length - 1 }[e.key];
    if (next === undefined || tabs.length === 0) return;
    e.preventDefault();
    const tab = tabs[next % tabs.length]!;
    tab.focus();
    tab.click();
  };
  return (
    <div ref={list} role="tablist" aria-label={label} onKeyDown={onKeyDown} className={cn("flex gap-1 border-b border-neutral-200 text-sm", className)}>
      {children}
    </div>
  );
}

export function Tab({ value, children, className }: { value: string; children: ReactNode; className?: string }) {
  const { base, value: current, select } = useTabs();
  const selected = current === value;
  return (
    <button
      type="button"
      role="tab"
      id={idOf(base, "tab", value)}
      aria-selected={selected}
      aria-controls={idOf(base, "panel", value)}
      tabIndex={selected ? 0 : -1}
      onClick={() => select(value)}
      className={cn("-mb-px rounded-t px-3 py-1", selected ? "border border-neutral-200 border-b-white bg-white font-medium" : "text-neutral-600 hover:text-neutral-900", className)}
    >
      {children}
    </button>
  );
}

/** The panel of `value`; only the selected one is rendered. */
export function TabPanel({ value, children, className, ...props }: { value: string; children: ReactNode; className?: string } & React.HTMLAttributes<HTMLDivElement>) {
  const { base, value: current } = useTabs();
  if (current !== value) return null;
  return (
    <div role="tabpanel" id={idOf(base, "panel", value)} aria-labelledby={idOf(base, "tab", value)} tabIndex={0} className={className} {...props}>
      {children}
    </div>
  );
}
