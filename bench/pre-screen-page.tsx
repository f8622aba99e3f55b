/** Bench page: the pre-screen (lib/market/pre-screen.ts) and, as the baseline, the no-bids explanation, run in the browser. */
import { explainNoBids } from "@/lib/market/no-bids";
import { preScreen } from "@/lib/market/pre-screen";
import type { ProviderInfo } from "@/lib/market/provider-info";
import type { GroupView } from "@/lib/sdl/check";

type Run = (sdls: GroupView[][], providers: ProviderInfo[], rounds: number) => { screen: number[]; explain: number[]; canRun: number[] };

/** a timer reads in 0.1 ms steps here (no cross-origin isolation): each figure is the mean of REPEAT calls */
const REPEAT = 20;

function timed(fn: () => unknown): number {
  const t = performance.now();
  for (let i = 0; i < REPEAT; i++) fn();
  return (performance.now() - t) / REPEAT;
}

/** per SDL and round: ms of one preScreen call and of one explainNoBids call over the same providers */
(window as unknown as { runPreScreen: Run }).runPreScreen = (sdls, providers, rounds) => {
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
document.getElementById("root")!.textContent = "ready";
