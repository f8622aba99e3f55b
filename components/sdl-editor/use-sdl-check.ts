"use client";
import { startTransition, useEffect, useRef, useState } from "react";
import type { SdlCheckResult } from "@/lib/sdl/check";
import type { SdlDiagnostic } from "@/lib/sdl/diagnostics";
import type { CheckRequest, CheckResponse } from "./sdl-check.worker";

export interface SdlCheckState {
  result: SdlCheckResult | null;
  /** true while the text on screen has not been checked yet */
  pending: boolean;
  /** the validator itself failed (a bug, not a problem of the SDL) */
  failure: string | null;
  /** milliseconds from the request to its result, for the status line */
  lastDurationMs: number | null;
}

export interface SdlCheck extends SdlCheckState {
  /** Sends text to the worker now, before React renders it: the editor calls this from its change event. */
  submit(text: string): void;
}

/**
 * Checks `text` in a Web Worker as soon as it changes, with at most one check in flight: text typed while a check
 * runs waits, and only the newest of it is sent when the check returns. No fixed debounce, so a keystroke's
 * markers arrive one check later (a few ms), and a burst of typing never queues up stale work.
 * The keystroke's path is kept off React: the editor submits the text from its change event (not after the page
 * re-rendered), `onDiagnostics` gets the result's diagnostics as the worker answers (the editor sets its markers
 * there, in the same task), and the panels' state is updated in a transition that yields to the next keystroke.
 */
export function useSdlCheck(text: string, onDiagnostics?: (diagnostics: SdlDiagnostic[]) => void): SdlCheck {
  const [state, setState] = useState<SdlCheckState>({ result: null, pending: true, failure: null, lastDurationMs: null });
  const worker = useRef<Worker | null>(null);
  const inFlight = useRef<{ id: number; startedAt: number; text: string } | null>(null);
  const queued = useRef<string | null>(text);
  const nextId = useRef(0);
  /** the last text handed to the worker or queued for it, so the render that follows a submit sends nothing again */
  const lastSubmitted = useRef<string | null>(text);
  const diagnosticsListener = useRef(onDiagnostics);
  diagnosticsListener.current = onDiagnostics;

  const sendQueued = () => {
    const w = worker.current;
    if (!w || inFlight.current || queued.current === null) return;
    const id = ++nextId.current;
    inFlight.current = { id, startedAt: performance.now(), text: queued.current };
    w.postMessage({ id, text: queued.current } satisfies CheckRequest);
    queued.current = null;
  };

  useEffect(() => {
    const w = new Worker(new URL("./sdl-check.worker.ts", import.meta.url));
    w.onmessage = (event: MessageEvent<CheckResponse>) => {
      const { id, result, error } = event.data;
      const started = inFlight.current?.id === id ? inFlight.current.startedAt : null;
      inFlight.current = null;
      const stale = queued.current !== null;
      // the next queued text goes out first, then the markers, then React: each is ready as soon as it can be
      sendQueued();
      if (result && !stale) diagnosticsListener.current?.(result.diagnostics);
      const lastDurationMs = started === null ? null : Math.round(performance.now() - started);
      startTransition(() => setState({ result: result ?? null, pending: stale, failure: error ?? null, lastDurationMs }));
    };
    w.onerror = (event) => {
      inFlight.current = null;
      setState((s) => ({ ...s, pending: false, failure: `The validator stopped: ${event.message || "unknown error"}. Reload the page; your text is kept.` }));
    };
    worker.current = w;
    sendQueued();
    return () => {
      w.terminate();
      worker.current = null;
      // A check cut off by unmount (React's strict mode does this in development) is sent again on remount.
      if (inFlight.current && queued.current === null) queued.current = inFlight.current.text;
      inFlight.current = null;
    };
     
  }, []);

  const submit = (next: string) => {
    if (next === lastSubmitted.current) return;
    lastSubmitted.current = next;
    queued.current = next;
    sendQueued();
  };

  useEffect(() => {
    // text set other than by typing (an import, a restore, a quick fix) is sent here
    submit(text);
    setState((s) => (s.pending ? s : { ...s, pending: true }));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- submit works on refs only: it is the same every render
  }, [text]);

  return { ...state, submit };
}
