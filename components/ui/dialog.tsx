"use client";
import { useEffect, useId, useRef, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export interface DialogProps {
  open: boolean;
  /** called on Escape, on a click on the backdrop, and by the dialog's own close buttons */
  onClose(): void;
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  className?: string;
}

/**
 * A modal dialog on the platform's <dialog>: showModal() makes the rest of the page inert and traps focus, Escape
 * fires `cancel`, and focus goes back to the element that had it when the dialog opened.
 */
export function Dialog({ open, onClose, title, description, children, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    return () => {
      dialog.close();
      opener?.focus();
    };
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(e) => {
        e.preventDefault(); // React decides when it closes: `open` is the truth
        onClose();
      }}
      onClick={(e) => {
        if (e.target === ref.current) onClose(); // the backdrop is the dialog element itself
      }}
      className={cn("m-auto w-[28rem] max-w-[calc(100vw-2rem)] rounded border border-neutral-200 bg-white p-0 text-sm shadow-xl backdrop:bg-neutral-900/30", className)}
    >
      {open && (
        <div className="p-4">
          <h2 id={titleId} className="text-base font-semibold">
            {title}
          </h2>
          {description && (
            <div id={descriptionId} className="mt-1 text-neutral-700">
              {description}
            </div>
          )}
          {children}
        </div>
      )}
    </dialog>
  );
}
