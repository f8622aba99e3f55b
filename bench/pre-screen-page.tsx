/**
 * Bench page: the pre-screen (lib/market/pre-screen.ts) with, as its baseline, the no-bids explanation, run in the
 * browser; and the provider directory's first render (components/providers DirectoryView) of a list of entries.
 */
import "./lib/process-shim";
import { createRoot } from "react-dom/client";
import { flushSync } from "react-dom";
import { DirectoryView } from "@/components/providers/provider-directory";
import type { DirectoryEntry } from "@/lib/market/directory";
import { explainNoBids } from "@/lib/market/no-bids";
import { preScreen, type ScreenedProvider } from "@/lib/market/pre-screen";
import type { GroupView } from "@/lib/sdl/check";

type Run = (sdls: GroupView[][], providers: ScreenedProvider[], rounds: number) => { screen: number[]; explain: number[]; canRun: number[] };

/** a timer reads in 0.1 ms steps here (no cross-origin isolation): each figure is the mean of REPEAT calls */
const REPEAT = 20;

function timed(fn: () => unknown): number {
  const t = performance.now();
  for (let i = 0; i < REPEAT; i++) fn();
  return (performance.now() - t) / REPEAT;
}

/** per SDL and round: ms of one preScreen call and of one explainNoBids call over the same providers */
const runPreScreen: Run = (sdls, providers, rounds) => {
  const screen: number[] = [];
  const explain: number[] = [];
  const canRun: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const groups of sdls) {
      screen.push(timed(() => preScreen(groups, providers)));
      explain.push(timed(() => explainNoBids(groups, providers)));
      if (r === 0) canRun.push(preScreen(groups, providers).canRun.length);
    }
  }
  return { screen, explain, canRun };
};

const root = createRoot(document.getElementById("root")!);
/** Renders the directory of `entries` from nothing and resolves with the ms until the browser painted it (two frames). */
const renderDirectory = (entries: DirectoryEntry[]): Promise<number> => {
  flushSync(() => root.render(<></>));
  const started = performance.now();
  flushSync(() => root.render(<DirectoryView key={started} entries={entries} chainName="bench" />));
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - started))));
};

Object.assign(window, { runPreScreen, renderDirectory });
