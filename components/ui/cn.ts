import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

/**
 * Class names for the primitives: clsx for conditions, tailwind-merge so a caller's `className="px-4"` replaces the
 * variant's `px-3` instead of fighting it in the cascade (the later class in the stylesheet wins, not in the string).
 */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}
