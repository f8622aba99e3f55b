"use client";
import { useRef } from "react";
import { VersionHistory } from "@/components/drafts/version-history";
import type { SaveStatus } from "@/components/drafts/use-draft-autosave";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SDL_MAX_BYTES } from "@/lib/sdl/limits";
import type { useSdlCheck } from "./use-sdl-check";

interface ToolbarProps {
  name: string;
  onRename(name: string): void;
  status: SaveStatus;
  content: string;
  onImport(text: string, fileName: string): void;
  onNotice(message: string): void;
  draftId: string | null;
  onRestore(content: string): void;
  validation: ReturnType<typeof useSdlCheck>;
  /** null while the SDL has errors (or is being checked) */
  onDeploy: (() => void) | null;
}

/** The editor's bar: the draft's name and save state, its history, import and download, and Review and deploy. */
export function WorkbenchToolbar({ name, onRename, status, content, onImport, onNotice, draftId, onRestore, validation, onDeploy }: ToolbarProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <div className="flex flex-wrap items-center gap-3 border-b border-neutral-200 bg-white px-4 py-2">
      <Field label={<span className="text-neutral-500">Draft name</span>} inline>
        {(props) => <Input {...props} value={name} onChange={(e) => onRename(e.target.value.slice(0, 120))} className="w-64" />}
      </Field>
      <SaveIndicator status={status} />
      <span className="text-xs text-neutral-500" aria-hidden>
        {validation.lastDurationMs !== null ? `checked in ${validation.lastDurationMs} ms` : ""}
      </span>
      <div className="ml-auto flex items-center gap-2">
        {draftId && <VersionHistory draftId={draftId} onRestore={onRestore} />}
        <input
          ref={fileInput}
          type="file"
          accept=".yaml,.yml,text/yaml,application/x-yaml,text/plain"
          className="sr-only"
          aria-label="Import SDL file"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (!file) return;
            if (file.size > SDL_MAX_BYTES) {
              onNotice(`${file.name} is ${(file.size / 1048576).toFixed(1)} MiB; an SDL may be at most 1 MiB. Nothing was imported.`);
              return;
            }
            onImport(await file.text(), file.name);
          }}
        />
        <Button size="sm" onClick={() => fileInput.current?.click()}>
          Import
        </Button>
        <Button size="sm" onClick={() => download(`${slugify(name) || "deploy"}.yaml`, content)}>
          Download
        </Button>
        <Button variant="primary" size="sm" disabled={!onDeploy} title={onDeploy ? undefined : "Fix the errors in the Problems panel first"} onClick={() => onDeploy?.()}>
          Review and deploy
        </Button>
      </div>
    </div>
  );
}

function SaveIndicator({ status }: { status: SaveStatus }) {
  const text =
    status.kind === "saved" ? `Saved ${status.at.toLocaleTimeString()}` :
    status.kind === "saving" ? "Saving…" :
    status.kind === "error" ? status.message :
    "Not saved yet";
  return (
    <span role="status" aria-live="polite" data-testid="save-status" className={`text-xs ${status.kind === "error" ? "text-red-700" : "text-neutral-500"}`}>
      {text}
    </span>
  );
}

function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/x-yaml" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

function slugify(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}
