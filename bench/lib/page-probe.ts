/**
 * Browser side of the viewer benchmark: a websocket that stands in for the console's log stream (same frames, same
 * end and close semantics as `streamFromConsole`), and the probe the benchmark reads back: lines delivered to the
 * viewer, the longest gap between animation frames while they arrive, and the long tasks.
 */
import type { OpenStream } from "@/lib/logs/follow-stream";
import type { LogFrame } from "@/lib/logs/frames";

export interface Probe {
  received: number;
  firstAt: number;
  doneAt: number;
  maxFrameMs: number;
  frames: number;
  /** every frame's duration (ms), for percentiles */
  frameMs: number[];
  /** lines delivered when the longest frame ended */
  receivedAtMax: number;
  longTasks: number;
  longestTaskMs: number;
}

export const probe: Probe = { received: 0, firstAt: 0, doneAt: 0, maxFrameMs: 0, frames: 0, frameMs: [], receivedAtMax: 0, longTasks: 0, longestTaskMs: 0 };
(window as unknown as { __probe: Probe }).__probe = probe;

/** Measures every frame between the first line and the end of the stream (plus one second for the last render). */
function measureFrames(): void {
  let last = 0;
  const tick = (t: number) => {
    if (last && probe.firstAt && (!probe.doneAt || t < probe.doneAt + 1000)) {
      if (t - last > probe.maxFrameMs) {
        probe.maxFrameMs = t - last;
        probe.receivedAtMax = probe.received;
      }
      probe.frameMs.push(t - last);
      probe.frames++;
    }
    last = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (!probe.firstAt) continue;
      probe.longTasks++;
      probe.longestTaskMs = Math.max(probe.longestTaskMs, e.duration);
    }
  }).observe({ type: "longtask", buffered: false });
}
measureFrames();

export function websocketStream(url: string): OpenStream<LogFrame> {
  return ({ signal }) => frames(url, signal);
}

async function* frames(url: string, signal: AbortSignal): AsyncGenerator<LogFrame> {
  const ws = new WebSocket(url);
  let queue: string[] = [];
  let head = 0;
  let wake: (() => void) | null = null;
  let closed: CloseEvent | null = null;
  ws.onmessage = (e) => {
    queue.push(e.data as string);
    wake?.();
  };
  ws.onclose = (e) => {
    closed = e;
    wake?.();
  };
  signal.addEventListener("abort", () => ws.close(), { once: true });
  for (;;) {
    while (head < queue.length) {
      const f = JSON.parse(queue[head++]!) as LogFrame;
      if (!probe.firstAt) probe.firstAt = performance.now();
      probe.received++;
      yield f;
    }
    queue = [];
    head = 0;
    if (closed) break;
    await new Promise<void>((r) => (wake = r));
    wake = null;
  }
  probe.doneAt = performance.now();
  const c = closed as CloseEvent | null;
  if (c && c.code !== 1000) throw Object.assign(new Error(`closed ${c.code}`), { code: "provider.stream_closed", details: { closeCode: c.code, reason: c.reason } });
}
