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

const DEBOUNCE_MS = 120;

/**
 * Checks `text` in a Web Worker, debounced. Only the newest request's answer is kept: a slow check of old text
 * never overwrites the markers of newer text.
 */
export function useSdlCheck(text: string): SdlCheckState {
  const [state, setState] = useState<SdlCheckState>({ result: null, pending: true, failure: null, lastDurationMs: null });
  const workerRef = useRef<Worker | null>(null);
  const latestId = useRef(0);
  const startedAt = useRef(new Map<number, number>());

  useEffect(() => {
    const worker = new Worker(new URL("./sdl-check.worker.ts", import.meta.url));
    worker.onmessage = (event: MessageEvent<CheckResponse>) => {
      const { id, result, error } = event.data;
      const started = startedAt.current.get(id);
      startedAt.current.delete(id);
      if (id !== latestId.current) return;
      setState({
        result: result ?? null,
        pending: false,
        failure: error ?? null,
        lastDurationMs: started === undefined ? null : Math.round(performance.now() - started),
      });
    };
    worker.onerror = (event) => {
      setState((s) => ({ ...s, pending: false, failure: `The validator stopped: ${event.message || "unknown error"}. Reload the page; your text is kept.` }));
    };
    workerRef.current = worker;
    return () => {
      worker.terminate();
      workerRef.current = null;
    };
  }, []);

  useEffect(() => {
    setState((s) => (s.pending ? s : { ...s, pending: true }));
    const timer = setTimeout(() => {
      const worker = workerRef.current;
      if (!worker) return;
      const id = ++latestId.current;
      startedAt.current.set(id, performance.now());
      worker.postMessage({ id, text } satisfies CheckRequest);
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return state;
}
