import type { ButtonHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";

/**
 * The console's buttons. One primary action per view (dark), secondary ones outlined, destructive ones red, and
 * "link" for the small text actions inside a sentence or a table row. A link styled as a button uses
 * `buttonClasses` (a navigation must stay an <a>).
 */
export type ButtonVariant = "primary" | "secondary" | "danger" | "link";
export type ButtonSize = "sm" | "md" | "lg";

const VARIANTS: Record<ButtonVariant, string> = {
  primary: "bg-neutral-900 text-white hover:bg-neutral-700",
  secondary: "border border-neutral-300 bg-white text-neutral-900 hover:bg-neutral-100",
  danger: "border border-red-300 bg-white text-red-800 hover:bg-red-50",
  link: "px-0 py-0 underline underline-offset-2 hover:text-neutral-600",
};

const SIZES: Record<ButtonSize, string> = {
  sm: "px-2 py-0.5 text-xs",
  md: "px-3 py-1.5 text-sm",
  lg: "px-4 py-2 text-base",
};

export function buttonClasses({ variant = "secondary", size = "md", className }: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}): string {
  return cn(
    "inline-flex items-center justify-center gap-1.5 rounded font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-neutral-900 disabled:cursor-not-allowed disabled:opacity-50",
    SIZES[size],
    VARIANTS[variant],
    className,
  );
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** work started by this button is under way: disabled, and announced as busy */
  busy?: boolean;
  ref?: React.Ref<HTMLButtonElement>;
}

export function Button({ variant, size, busy = false, className, disabled, type = "button", ...props }: ButtonProps) {
  return <button type={type} disabled={disabled || busy} aria-busy={busy || undefined} className={buttonClasses({ variant, size, className })} {...props} />;
}
