"use client";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { OpenShell } from "@/components/shell/shell-session";
import { stripAnsi } from "@/lib/logs/ansi";

/** Output kept for one command: a command that floods stdout keeps its last MiB, not the tab's memory. */
const MAX_OUTPUT_CHARS = 1024 * 1024;

type Run = { state: "running" } | { state: "done"; exitCode: number; message?: string } | { state: "failed"; message: string };

/**
 * A one-shot command (`sh -c`), without a TTY: its stdout and stderr as text, then its exit code. For the quick
 * look (`env`, `cat /etc/os-release`) that needs no interactive session.
 */
export function CommandBox({ open }: { open: OpenShell }) {
  const [command, setCommand] = useState("");
  const [output, setOutput] = useState("");
  const [run, setRun] = useState<Run | null>(null);
  const current = useRef<AbortController | null>(null);

  const start = async () => {
    if (!command.trim()) return;
    current.current?.abort();
    const ctrl = new AbortController();
    current.current = ctrl;
    setOutput("");
    setRun({ state: "running" });
    let text = "";
    try {
      const session = await open(["sh", "-c", command], { cols: 120, rows: 40, tty: false, stdin: false, signal: ctrl.signal });
      const decoder = new TextDecoder();
      let shownAt = 0;
      const pump = (async () => {
        for await (const chunk of session.output) {
          text += decoder.decode(chunk.data, { stream: true });
          if (text.length > 2 * MAX_OUTPUT_CHARS) text = text.slice(-MAX_OUTPUT_CHARS);
          // a flood re-renders ten times a second, not once per chunk
          if (!ctrl.signal.aborted && performance.now() - shownAt > 100) {
            shownAt = performance.now();
            setOutput(text);
          }
        }
      })();
      const result = await session.result;
      await pump.catch(() => undefined);
      if (!ctrl.signal.aborted) {
        setOutput(text.slice(-MAX_OUTPUT_CHARS));
        setRun({ state: "done", exitCode: result.exitCode, message: result.message });
      }
    } catch (e) {
      if (!ctrl.signal.aborted) setRun({ state: "failed", message: e instanceof Error && e.message ? e.message : "The command could not be run." });
    }
  };

  return (
    <div className="flex flex-col gap-1 text-sm">
      <form
        className="flex gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <input
          aria-label="Command"
          placeholder="Run one command, e.g. env"
          value={command}
          onChange={(e) => setCommand(e.target.value)}
          className="flex-1 rounded border border-neutral-300 px-2 py-1 font-mono"
        />
        <Button type="submit" size="sm" disabled={run?.state === "running"}>
          Run
        </Button>
      </form>
      {run && (
        <>
          <pre aria-label="Command output" className="max-h-64 overflow-auto rounded bg-neutral-950 p-2 font-mono text-xs whitespace-pre-wrap text-neutral-100">
            {output.split(/\r?\n/).map(stripAnsi).join("\n")}
          </pre>
          <p role="status">
            {run.state === "running" && "Running…"}
            {run.state === "done" && `Exit code ${run.exitCode}${run.message ? `: ${run.message}` : ""}`}
            {run.state === "failed" && `The command failed: ${run.message}`}
          </p>
        </>
      )}
    </div>
  );
}
