"use client";
import { useEffect, useState } from "react";

export type AsyncComputation<T> =
  | { status: "pending"; data: undefined; error: null }
  | { status: "success"; data: T; error: null }
  | { status: "error"; data: undefined; error: Error };

const PENDING = { status: "pending", data: undefined, error: null } as const;

/**
 * The result of a pure async computation of `input` (SDL text -> manifest, hash, check), recomputed when the input
 * changes. Not a query: nothing outside the browser is asked, so it needs no cache key (an SDL may be 1 MiB), no
 * retry and no refetch. A result that arrives after the input changed again is dropped.
 * `compute` must be stable (a module-level function or a useCallback).
 */
export function useAsyncComputation<I, T>(input: I | null, compute: (input: I) => Promise<T>): AsyncComputation<T> {
  const [state, setState] = useState<{ input: I | null; result: AsyncComputation<T> }>({ input: null, result: PENDING });

  useEffect(() => {
    if (input === null) return;
    let current = true;
    compute(input).then(
      (data) => current && setState({ input, result: { status: "success", data, error: null } }),
      (e: unknown) => current && setState({ input, result: { status: "error", data: undefined, error: e instanceof Error ? e : new Error(String(e)) } }),
    );
    return () => {
      current = false;
    };
  }, [input, compute]);

  // until the effect has run for a new input, the previous input's result must not show as this one's
  return state.input === input && input !== null ? state.result : PENDING;
}
