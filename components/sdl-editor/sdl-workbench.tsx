"use client";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useCallback, useRef, useState } from "react";
import type { SdlDiagnostic, SdlQuickFix } from "@/lib/sdl/diagnostics";
import { useSdlCheck } from "./use-sdl-check";
import { ProblemsPanel } from "./problems-panel";
import { PreviewPanel } from "./preview-panel";
import { applyTextEdits } from "@/lib/sdl/apply-edits";
import type { SdlEditorHandle } from "./sdl-editor";
import { useDraftAutosave } from "@/components/drafts/use-draft-autosave";
import { ErrorMessage } from "@/components/ui/error-message";
import { Button } from "@/components/ui/button";
import { BackupBanner } from "./backup-banner";
import { WorkbenchToolbar } from "./workbench-toolbar";

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
  const editorHandle = useRef<SdlEditorHandle | null>(null);
  const check = useSdlCheck(content, (d) => editorHandle.current?.showDiagnostics(d));

  const onCreated = useCallback((id: string) => {
    setDraftId(id);
    // Same page, new address: a reload now opens the saved draft, and the editor keeps its state.
    window.history.replaceState(null, "", `/drafts/${id}`);
  }, []);
  const router = useRouter();
  const { status, saveNow } = useDraftAutosave({ draftId, content, name, initialContent: draft?.content ?? initialContent, onCreated });

  const diagnostics = check.result?.diagnostics ?? [];
  const selectDiagnostic = useCallback((d: SdlDiagnostic) => editorHandle.current?.revealPosition(d.range.startLine, d.range.startColumn), []);
  const applyFix = useCallback((fix: SdlQuickFix) => setContent((c) => applyTextEdits(c, fix.edits)), []);
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
      <WorkbenchToolbar
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
          <Button variant="link" size="sm" onClick={() => setNotice(null)}>
            Dismiss
          </Button>
        </p>
      )}
      <BackupBanner
        draftId={draft?.id ?? null}
        savedContent={draft?.content ?? initialContent}
        onRestore={(b) => {
          setContent(b.content);
          setName(b.name);
        }}
      />
      {check.failure && <ErrorMessage error={new Error(check.failure)} className="border-b border-red-200 px-4 py-1.5" />}
      <div className="flex min-h-0 flex-1">
        <div className="flex min-h-0 min-w-0 flex-1 flex-col">
          <div className="min-h-[300px] flex-1" data-testid="editor-container">
            <SdlEditor
              value={content}
              onChange={(text) => {
                check.submit(text);
                setContent(text);
              }}
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
