"use client";
import { useId, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** What a Field hands its control: the ids that tie the control to its label, description and error. */
export interface FieldControlProps {
  id: string;
  "aria-describedby": string | undefined;
  "aria-invalid": boolean | undefined;
}

export interface FieldProps {
  label: ReactNode;
  description?: ReactNode;
  /** shown under the control and read with it; the control is marked invalid while there is one */
  error?: ReactNode;
  /** renders the control with the wiring props spread on it */
  children(control: FieldControlProps): ReactNode;
  /** label beside the control instead of above it */
  inline?: boolean;
  className?: string;
}

/**
 * A labelled control. Ids come from useId, so two forms on one page never share one, and the description and the
 * error are linked with aria-describedby: a screen reader reads "Amount (ACT), invalid, The chain refuses…".
 */
export function Field({ label, description, error, children, inline = false, className }: FieldProps) {
  const id = useId();
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("text-sm", className)}>
      <div className={inline ? "flex items-center gap-2" : "flex flex-col gap-1"}>
        <label htmlFor={id}>{label}</label>
        {children({ id, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined })}
      </div>
      {description && (
        <p id={descriptionId} className="mt-1 text-xs text-neutral-600">
          {description}
        </p>
      )}
      {error && (
        <p id={errorId} role="alert" className="mt-1 text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
