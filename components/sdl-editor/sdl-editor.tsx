"use client";
import { useEffect, useRef } from "react";
import Editor, { type OnMount } from "@monaco-editor/react";
import type { editor as MonacoEditor, languages, IDisposable } from "monaco-editor/esm/vs/editor/editor.api";
import type { SdlDiagnostic } from "@/lib/sdl/diagnostics";
import { setupMonaco, SDL_MODEL_URI, type Monaco } from "./monaco-setup";

export interface SdlEditorHandle {
  revealPosition(line: number, column: number): void;
  /** sets the markers now (from the worker's answer), without waiting for the page to re-render */
  showDiagnostics(diagnostics: readonly SdlDiagnostic[]): void;
}

interface Props {
  value: string;
  onChange(value: string): void;
  diagnostics: readonly SdlDiagnostic[];
  sdlSchema: object;
  onReady?(handle: SdlEditorHandle): void;
}

const MARKER_OWNER = "akash-sdl";

/**
 * The Monaco editor for SDL. Markers and quick fixes come from lib/sdl diagnostics; the code action provider reads
 * the newest diagnostics through a ref, so it is registered once and never goes stale.
 * Loaded with next/dynamic (ssr: false): Monaco touches `window` at import.
 */
export default function SdlEditor({ value, onChange, diagnostics, sdlSchema, onReady }: Props) {
  const monacoRef = useRef<Monaco | null>(null);
  const editorRef = useRef<MonacoEditor.IStandaloneCodeEditor | null>(null);
  const diagnosticsRef = useRef(diagnostics);
  const disposables = useRef<IDisposable[]>([]);
  /** the diagnostics the markers show: the prop's effect skips the ones showDiagnostics already set */
  const applied = useRef<readonly SdlDiagnostic[] | null>(null);
  diagnosticsRef.current = diagnostics;

  const applyMarkers = (m: Monaco, model: MonacoEditor.ITextModel, list: readonly SdlDiagnostic[]) => {
    applied.current = list;
    m.editor.setModelMarkers(model, MARKER_OWNER, list.map((d) => toMarker(m, d)));
  };

  const monaco = typeof window === "undefined" ? null : setupMonaco(sdlSchema);

  useEffect(() => {
    const m = monacoRef.current;
    const model = editorRef.current?.getModel();
    if (!m || !model || applied.current === diagnostics) return;
    applyMarkers(m, model, diagnostics);
  }, [diagnostics]);

  useEffect(() => () => disposables.current.forEach((d) => d.dispose()), []);

  const handleMount: OnMount = (editor, m) => {
    editorRef.current = editor;
    monacoRef.current = m as unknown as Monaco;
    const model = editor.getModel();
    if (model) applyMarkers(m as unknown as Monaco, model, diagnosticsRef.current);
    disposables.current.push(
      m.languages.registerCodeActionProvider("yaml", {
        provideCodeActions: (actionModel, range) => ({
          actions: quickFixesFor(diagnosticsRef.current, range, actionModel.uri, m as unknown as Monaco),
          dispose() {},
        }),
      }),
    );
    onReady?.({
      revealPosition(line, column) {
        editor.setPosition({ lineNumber: line, column });
        editor.revealPositionInCenter({ lineNumber: line, column });
        editor.focus();
      },
      showDiagnostics(list) {
        const current = editor.getModel();
        if (current) applyMarkers(m as unknown as Monaco, current, list);
      },
    });
  };

  if (!monaco) return null;
  return (
    <Editor
      height="100%"
      language="yaml"
      path={SDL_MODEL_URI}
      value={value}
      onChange={(v) => onChange(v ?? "")}
      onMount={handleMount}
      loading={<p className="p-4 text-sm text-neutral-500">Loading editor…</p>}
      options={{
        minimap: { enabled: false },
        fontSize: 13,
        tabSize: 2,
        insertSpaces: true,
        scrollBeyondLastLine: false,
        renderWhitespace: "selection",
        automaticLayout: true,
        ariaLabel: "SDL editor",
        quickSuggestions: { other: true, comments: false, strings: true },
      }}
    />
  );
}

function toMarker(m: Monaco, d: SdlDiagnostic): MonacoEditor.IMarkerData {
  return {
    severity: d.severity === "error" ? m.MarkerSeverity.Error : m.MarkerSeverity.Warning,
    message: d.message,
    code: d.code,
    source: d.path || undefined,
    startLineNumber: d.range.startLine,
    startColumn: d.range.startColumn,
    endLineNumber: d.range.endLine,
    endColumn: d.range.endColumn,
  };
}

function quickFixesFor(
  diagnostics: readonly SdlDiagnostic[],
  range: { startLineNumber: number; endLineNumber: number },
  uri: MonacoEditor.ITextModel["uri"],
  m: Monaco,
): languages.CodeAction[] {
  const actions: languages.CodeAction[] = [];
  for (const d of diagnostics) {
    if (!d.fixes?.length) continue;
    if (d.range.endLine < range.startLineNumber || d.range.startLine > range.endLineNumber) continue;
    for (const fix of d.fixes) {
      actions.push({
        title: fix.title,
        kind: "quickfix",
        isPreferred: d.fixes.length === 1,
        diagnostics: [toMarker(m, d)],
        edit: {
          edits: fix.edits.map((e) => ({
            resource: uri,
            versionId: undefined,
            textEdit: {
              range: { startLineNumber: e.range.startLine, startColumn: e.range.startColumn, endLineNumber: e.range.endLine, endColumn: e.range.endColumn },
              text: e.text,
            },
          })),
        },
      });
    }
  }
  return actions;
}
