"use client";
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { useDismiss } from "@/components/ui/use-dismiss";

/** The props a popover's trigger button must carry (spread them on a <Button>). */
export interface PopoverTriggerProps {
  ref: React.RefObject<HTMLButtonElement | null>;
  "aria-expanded": boolean;
  "aria-controls": string | undefined;
  "aria-haspopup": "dialog" | "menu";
  onClick(): void;
}

export interface PopoverProps {
  /** "menu": a list of actions (role menu, arrow keys move between items); "dialog": a panel of content */
  kind?: "dialog" | "menu";
  /** the panel's accessible name */
  label: string;
  trigger(props: PopoverTriggerProps): ReactNode;
  /** the panel's content; `close` closes it and returns focus to the trigger */
  children(close: () => void): ReactNode;
  align?: "start" | "end";
  className?: string;
}

/**
 * A panel anchored under its trigger: Escape closes it and returns focus to the trigger, a click outside closes it,
 * opening moves focus into it. Menus also get arrow keys, Home and End over their items (WAI-ARIA menu button).
 * Hand-built on purpose: the anchoring is one CSS `absolute`, and the behaviour above is the whole of what the
 * console's three popovers need; a positioning library would add weight for collisions we do not have.
 */
export function Popover({ kind = "dialog", label, trigger, children, align = "end", className }: PopoverProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  const closeAndReturn = useCallback(() => {
    setOpen(false);
    button.current?.focus();
  }, []);
  useDismiss(root, open, close, button);

  useEffect(() => {
    if (!open) return;
    const first = panel.current?.querySelector<HTMLElement>(kind === "menu" ? '[role="menuitem"]' : "button, a[href], input, select, textarea, [tabindex]");
    (first ?? panel.current)?.focus();
  }, [open, kind]);

  const onMenuKey = (e: KeyboardEvent) => {
    if (kind !== "menu") return;
    const items = [...(panel.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.findIndex((el) => el === document.activeElement);
    const next = { ArrowDown: at + 1, ArrowUp: at - 1 + items.length, Home: 0, End: items.length - 1 }[e.key];
    if (e.key === "Tab") setOpen(false);
    if (next === undefined || items.length === 0) return;
    e.preventDefault();
    items[next % items.length]?.focus();
  };

  return (
    <div ref={root} className="relative">
      {trigger({ ref: button, "aria-expanded": open, "aria-controls": open ? panelId : undefined, "aria-haspopup": kind, onClick: () => setOpen((o) => !o) })}
      {open && (
        <div
          ref={panel}
          id={panelId}
          role={kind}
          aria-label={label}
          tabIndex={-1}
          onKeyDown={onMenuKey}
          className={cn(
            "absolute z-20 mt-1 max-w-[calc(100vw-1rem)] rounded border border-neutral-200 bg-white text-sm shadow-lg",
            align === "end" ? "right-0" : "left-0",
            kind === "menu" ? "py-1" : "p-3",
            className,
          )}
        >
          {children(closeAndReturn)}
        </div>
      )}
    </div>
  );
}

/** An item of a `kind="menu"` Popover. */
export function MenuItem({ className, ...props }: React.ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button
      type="button"
      role="menuitem"
      tabIndex={-1}
      className={cn("flex w-full items-baseline justify-between gap-2 px-3 py-2 text-left text-sm hover:bg-neutral-100 focus:bg-neutral-100 focus:outline-none", className)}
      {...props}
    />
  );
}
