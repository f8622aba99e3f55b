"use client";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { SdlDiagnostic, SdlQuickFix } from "@/lib/sdl/diagnostics";
import { SDL_MAX_BYTES } from "@/lib/sdl/limits";
import { useSdlCheck } from "./use-sdl-check";
import { ProblemsPanel } from "./problems-panel";
import { PreviewPanel } from "./preview-panel";
import { applyTextEdits } from "@/lib/sdl/apply-edits";
import type { SdlEditorHandle } from "./sdl-editor";
import { useDraftAutosave, type SaveStatus } from "@/components/drafts/use-draft-autosave";
import { ErrorMessage } from "@/components/ui/error-message";
import { backupKey, clearBackup, readBackup, removeExpiredBackups, type DraftBackup } from "@/lib/drafts/local-backup";
import { useBackupOwner } from "@/components/drafts/use-backup-owner";
import { VersionHistory } from "@/components/drafts/version-history";

const SdlEditor = dynamic(() => import("./sdl-editor"), {
  ssr: false,
  loading: () => <p className="p-4 text-sm text-neutral-500">Loading editor…</p>,
});

export interface WorkbenchDraft {
  id: string;
  name: string;
  content: string;
}

interface Props {
  draft: WorkbenchDraft | null;
  initialContent: string;
  initialName: string;
  sdlSchema: object;
}

export function SdlWorkbench({ draft, initialContent, initialName, sdlSchema }: Props) {
  const [content, setContent] = useState(draft?.content ?? initialContent);
  const [name, setName] = useState(draft?.name ?? initialName);
  const [draftId, setDraftId] = useState<string | null>(draft?.id ?? null);
  const [notice, setNotice] = useState<string | null>(null);
  const [backup, setBackup] = useState<DraftBackup | null>(null);
  const editorHandle = useRef<SdlEditorHandle | null>(null);
  const check = useSdlCheck(content);

  const onCreated = useCallback((id: string) => {
    setDraftId(id);
    // Same page, new address: a reload now opens the saved draft, and the editor keeps its state.
    window.history.replaceState(null, "", `/drafts/${id}`);
  }, []);
  const router = useRouter();
  const { status, saveNow } = useDraftAutosave({ draftId, content, name, initialContent: draft?.content ?? initialContent, onCreated });

  const owner = useBackupOwner();
  const restoreChecked = useRef(false);
  useEffect(() => {
    if (!owner || restoreChecked.current) return;
    // Only on first load, once the owner is known: later backups are this session's own.
    restoreChecked.current = true;
    removeExpiredBackups(Date.now());
    const found = readBackup(backupKey(owner, draft?.id ?? null), owner);
    if (found && found.content !== (draft?.content ?? initialContent)) setBackup(found);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [owner]);

  const diagnostics = check.result?.diagnostics ?? [];
  const selectDiagnostic = (d: SdlDiagnostic) => editorHandle.current?.revealPosition(d.range.startLine, d.range.startColumn);
  const applyFix = (fix: SdlQuickFix) => setContent((c) => applyTextEdits(c, fix.edits));
  const reviewAndDeploy = async () => {
    try {
      // the review page reads the draft from the server: make sure it has exactly this text
      router.push(`/drafts/${await saveNow()}/deploy`);
    } catch (err) {
      setNotice(err instanceof Error ? err.message : "The draft could not be saved; nothing was deployed.");
    }
  };

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <Toolbar
        name={name}
        onRename={setName}
        status={status}
        content={content}
        onImport={(text, fileName) => {
          setContent(text);
          setNotice(`Imported ${fileName}.`);
        }}
        onNotice={setNotice}
        draftId={draftId}
        onRestore={(text) => setContent(text)}
        validation={check}
        onDeploy={check.result?.valid && !check.pending ? () => void reviewAndDeploy() : null}
      />
      {notice && (
        <p role="status" className="border-b border-neutral-200 bg-blue-50 px-4 py-1.5 text-sm text-blue-900">
          {notice}{" "}
          <button type="button" className="underline" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </p>
      )}
      {backup && (
        <div role="alert" className="flex items-center gap-3 border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm">
          <span>
            This browser kept unsaved changes from {new Date(backup.savedAt).toLocaleString()}.
          </span>
          <button type="button" className="rounded border border-amber-400 px-2" onClick={() => { setContent(backup.content); setName(backup.name); setBackup(null); }}>
            Restore them
          </button>
          <button type="button" className="underline" onClick={() => { if (owner) clearBackup(backupKey(owner, draftId)); setBackup(null); }}>
            Discard
          </button>
        </div>
      )}
      {check.failure && <ErrorMessage error={new Error(check.failure)} className="border-b border-red-200 px-4 py-1.5" />}
      <div className="flex min-h-0 flex-1">
        <div className="flex min-h-0 min-w-0 flex-1 flex-col">
          <div className="min-h-[300px] flex-1" data-testid="editor-container">
            <SdlEditor
              value={content}
              onChange={setContent}
              diagnostics={diagnostics}
              sdlSchema={sdlSchema}
              onReady={(h) => (editorHandle.current = h)}
            />
          </div>
          <ProblemsPanel diagnostics={diagnostics} pending={check.pending} onSelect={selectDiagnostic} onApplyFix={applyFix} />
        </div>
        <aside className="flex w-[440px] shrink-0 flex-col border-l border-neutral-200 bg-neutral-50">
          <PreviewPanel result={check.result} />
        </aside>
      </div>
    </div>
  );
}

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

function Toolbar({ name, onRename, status, content, onImport, onNotice, draftId, onRestore, validation, onDeploy }: ToolbarProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <div className="flex flex-wrap items-center gap-3 border-b border-neutral-200 bg-white px-4 py-2">
      <label className="flex items-center gap-2 text-sm">
        <span className="text-neutral-500">Draft name</span>
        <input
          value={name}
          onChange={(e) => onRename(e.target.value.slice(0, 120))}
          className="w-64 rounded border border-neutral-300 px-2 py-1"
        />
      </label>
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
        <button type="button" className="rounded border border-neutral-300 px-3 py-1 text-sm hover:bg-neutral-100" onClick={() => fileInput.current?.click()}>
          Import
        </button>
        <button
          type="button"
          className="rounded border border-neutral-300 px-3 py-1 text-sm hover:bg-neutral-100"
          onClick={() => download(`${slugify(name) || "deploy"}.yaml`, content)}
        >
          Download
        </button>
        <button
          type="button"
          disabled={!onDeploy}
          title={onDeploy ? undefined : "Fix the errors in the Problems panel first"}
          onClick={() => onDeploy?.()}
          className="rounded bg-neutral-900 px-3 py-1 text-sm text-white disabled:opacity-40"
        >
          Review and deploy
        </button>
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
