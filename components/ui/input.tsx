import type { InputHTMLAttributes, SelectHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";

const FIELD = "rounded border border-neutral-300 bg-white px-2 py-1 text-sm aria-invalid:border-red-500 focus-visible:outline-2 focus-visible:outline-neutral-900";

export function Input({ className, ref, ...props }: InputHTMLAttributes<HTMLInputElement> & { ref?: React.Ref<HTMLInputElement> }) {
  return <input ref={ref} className={cn(FIELD, className)} {...props} />;
}

export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={cn(FIELD, className)} {...props} />;
}
