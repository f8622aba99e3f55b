"use client";
// The package's stylesheet, bundled with the page (no CDN, nothing inline): the CSP allows 'self' styles.
import "@xterm/xterm/css/xterm.css";
import { Button } from "@/components/ui/button";
import type { FitAddon } from "@xterm/addon-fit";
import type { Terminal } from "@xterm/xterm";
import { useEffect, useRef, useState } from "react";
import { CommandBox } from "@/components/shell/command-box";
import { runShell, type ShellPhase } from "@/components/shell/run-shell";
import type { OpenShell, ShellSession } from "@/components/shell/shell-session";
import { VIEWER_BG, VIEWER_FG } from "@/lib/logs/ansi-css";

export interface ShellTerminalProps {
  /** opens a command in the lease's container (one service, one pod); see shell-session.ts */
  open: OpenShell;
}


/**
 * A terminal (xterm.js) on a container: bash, or sh when the image has no bash; the panel's size is sent as resize
 * frames whenever it changes; copy and paste (buttons, and Ctrl+Shift+C / Ctrl+Shift+V); the exit code when the
 * shell ends. xterm runs in screen-reader mode: its output is mirrored as text in the DOM, which assistive
 * technology (and a test) can read. xterm touches `window` when loaded, so it is imported in an effect only.
 */
export function ShellTerminal({ open }: ShellTerminalProps) {
  const host = useRef<HTMLDivElement>(null);
  const term = useRef<{ term: Terminal; fit: FitAddon } | null>(null);
  const session = useRef<ShellSession | null>(null);
  const openRef = useRef(open);
  openRef.current = open;
  const [ready, setReady] = useState(false);
  const [run, setRun] = useState(0);
  const [phase, setPhase] = useState<ShellPhase | null>(null);
  const [notice, setNotice] = useState("");

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    let raf = 0;
    void (async () => {
      const [{ Terminal }, { FitAddon }] = await Promise.all([import("@xterm/xterm"), import("@xterm/addon-fit")]);
      if (disposed || !host.current) return;
      const t = new Terminal({
        screenReaderMode: true,
        convertEol: true,
        cursorBlink: true,
        fontSize: 13,
        fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
        scrollback: 5000,
        theme: { background: VIEWER_BG, foreground: VIEWER_FG },
      });
      const fit = new FitAddon();
      t.loadAddon(fit);
      t.open(host.current);
      fit.fit();
      t.onData((d) => session.current?.write(d));
      t.onBinary((d) => session.current?.write(Uint8Array.from(d, (c) => c.charCodeAt(0))));
      t.onResize(({ cols, rows }) => session.current?.resize(cols, rows));
      t.attachCustomKeyEventHandler((e) => {
        if (e.type !== "keydown" || !e.ctrlKey || !e.shiftKey) return true;
        if (e.code === "KeyC") {
          const sel = t.getSelection();
          if (sel) void navigator.clipboard?.writeText(sel).catch(() => undefined);
          return false;
        }
        // Ctrl+Shift+V: leave it to the browser, whose paste event xterm turns into input
        return e.code !== "KeyV";
      });
      observer = new ResizeObserver(() => {
        cancelAnimationFrame(raf);
        raf = requestAnimationFrame(() => fit.fit());
      });
      observer.observe(host.current);
      term.current = { term: t, fit };
      setReady(true);
    })();
    return () => {
      disposed = true;
      observer?.disconnect();
      cancelAnimationFrame(raf);
      term.current?.term.dispose();
      term.current = null;
    };
  }, []);

  useEffect(() => {
    const t = term.current?.term;
    if (!ready || !t) return;
    const ctrl = new AbortController();
    setNotice("");
    void runShell(t, openRef.current, ctrl.signal, {
      onSession: (s) => (session.current = s),
      onPhase: setPhase,
      onNotice: setNotice,
    });
    t.focus();
    return () => {
      ctrl.abort();
      session.current?.close();
      session.current = null;
    };
  }, [ready, run]);

  const copy = async () => {
    const sel = term.current?.term.getSelection();
    if (!sel) return setNotice("Select text in the terminal first.");
    // a rejection is the browser refusing the clipboard (permission, no focus): say what to use instead
    await navigator.clipboard.writeText(sel).then(
      () => setNotice("Copied the selection."),
      () => setNotice("The browser refused access to the clipboard: use Ctrl+Shift+C."),
    );
  };
  const paste = async () => {
    await navigator.clipboard.readText().then(
      (text) => {
        term.current?.term.paste(text);
        term.current?.term.focus();
      },
      () => setNotice("The browser refused access to the clipboard: use Ctrl+Shift+V in the terminal."),
    );
  };
  const ended = phase?.state === "exited" || phase?.state === "failed";

  return (
    <section aria-label="Shell" className="flex flex-col gap-2">
      <div role="status" className="min-h-6 text-sm">
        <PhaseText phase={phase} />
        {notice && <span className="ml-2 text-neutral-600">{notice}</span>}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button size="sm" onClick={() => void copy()}>
          Copy selection
        </Button>
        <Button size="sm" onClick={() => void paste()} disabled={phase?.state !== "running"}>
          Paste
        </Button>
        {ended && (
          <Button size="sm" onClick={() => setRun((n) => n + 1)}>
            Start a new session
          </Button>
        )}
      </div>
      <div ref={host} className="h-[28rem] w-full overflow-hidden rounded bg-neutral-950 p-1" />
      <CommandBox open={open} />
    </section>
  );
}

function PhaseText({ phase }: { phase: ShellPhase | null }) {
  if (!phase) return <span className="text-neutral-600">Loading the terminal…</span>;
  switch (phase.state) {
    case "starting":
      return <span className="text-neutral-600">Opening {phase.shell}…</span>;
    case "running":
      return <span className="text-green-800">Connected: {phase.shell}</span>;
    case "exited":
      return (
        <span className={phase.exitCode === 0 ? "text-neutral-800" : "text-amber-800"}>
          <strong>
            {phase.shell} exited with code {phase.exitCode}
          </strong>
          {phase.message && `: ${phase.message}`}
        </span>
      );
    case "failed":
      return (
        <span role="alert" className="text-red-800">
          <strong>The shell failed:</strong> {phase.message}
        </span>
      );
  }
}
