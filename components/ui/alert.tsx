import type { HTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";

/**
 * A message box. `error` is announced at once (role="alert"); the other tones are polite (role="status") unless
 * the caller says otherwise (e.g. role="note" for a standing warning).
 */
export type AlertTone = "error" | "warning" | "info" | "success";

const TONES: Record<AlertTone, string> = {
  error: "border-red-300 bg-red-50 text-red-900",
  warning: "border-amber-300 bg-amber-50 text-amber-950",
  info: "border-blue-200 bg-blue-50 text-blue-950",
  success: "border-green-300 bg-green-50 text-green-900",
};

export interface AlertProps extends HTMLAttributes<HTMLDivElement> {
  tone: AlertTone;
  title?: string;
}

export function Alert({ tone, title, className, children, role, ...props }: AlertProps) {
  return (
    <div role={role ?? (tone === "error" ? "alert" : "status")} className={cn("rounded border px-3 py-2 text-sm", TONES[tone], className)} {...props}>
      {title && <p className="font-medium">{title}</p>}
      {children}
    </div>
  );
}
