"use client";
import { useEffect, useRef, useState } from "react";
import type { SdlCheckResult } from "@/lib/sdl/check";
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

/**
 * Checks `text` in a Web Worker as soon as it changes, with at most one check in flight: text typed while a check
 * runs waits, and only the newest of it is sent when the check returns. No fixed debounce, so a keystroke's
 * markers arrive one check later (a few ms), and a burst of typing never queues up stale work.
 */
export function useSdlCheck(text: string): SdlCheckState {
  const [state, setState] = useState<SdlCheckState>({ result: null, pending: true, failure: null, lastDurationMs: null });
  const worker = useRef<Worker | null>(null);
  const inFlight = useRef<{ id: number; startedAt: number; text: string } | null>(null);
  const queued = useRef<string | null>(text);
  const nextId = useRef(0);

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
      setState({
        result: result ?? null,
        pending: stale,
        failure: error ?? null,
        lastDurationMs: started === null ? null : Math.round(performance.now() - started),
      });
      sendQueued();
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

  useEffect(() => {
    queued.current = text;
    setState((s) => (s.pending ? s : { ...s, pending: true }));
    sendQueued();
     
  }, [text]);

  return state;
}
