/**
 * The /logs websocket's content: frames `{"name":<pod>,"message":<line>}` (plus the service, which the console
 * tolerates), the tail of a deterministic history first, then new lines at a realistic pace or, when the fleet's
 * log rate is set, as a firehose. Faults: a drop after N frames, and one huge line (fault-plan.ts).
 */
import { WebSocket } from "ws";
import type { LeaseView } from "../../contract";
import { startupLines, steadyLine } from "../logs";
import type { GatewayContext } from "./context";
import type { LeaseRuntime } from "./lease-runtime";
import { gpuName, podsOf, type Pod } from "./pods";
import { endWithoutCloseFrame, sendBatch, WS_INTERNAL_ERROR } from "./ws-util";

export interface LogQuery {
  services: string[];
  follow: boolean;
  /** -1 = all */
  tail: number;
}

export function streamLogs(ctx: GatewayContext, ws: WebSocket, lease: LeaseView, rt: LeaseRuntime, q: LogQuery): void {
  const pods = podsOf(ctx, lease, rt, q.services);
  if (pods.length === 0) {
    ws.close(WS_INTERNAL_ERROR, "no running pods");
    return;
  }
  const out = frameSink(ws, ctx.faults.takeLogDrop());
  const seed = ctx.o.seed;
  const gpu = gpuName(ctx);
  const steadyStart = (pod: Pod) => pod.startedAt + 1500;
  const steadyCount = (pod: Pod, now: number) => (now < steadyStart(pod) ? 0 : Math.floor((now - steadyStart(pod)) / pod.periodMs) + 1);
  const startupOf = (pod: Pod) =>
    startupLines(pod.kind, pod.image, new Date(pod.startedAt), pod.gpu ? gpu : undefined).map((text, i) => ({ t: pod.startedAt + i * 15, text }));
  const steadyOf = (pod: Pod, i: number) => {
    const t = steadyStart(pod) + i * pod.periodMs;
    return { t, text: steadyLine(pod.kind, seed + pod.replica, pod.service, i, new Date(t)) };
  };
  const frame = (pod: Pod, message: string) => JSON.stringify({ name: pod.pod, message, service: pod.service });
  /** per pod: whether the startup lines went out, and how many steady lines exist so far */
  const state = new Map<string, { startup: boolean; steady: number }>();
  const now = Date.now();
  const backlog: { t: number; data: string }[] = [];
  for (const pod of pods) {
    const started = now >= pod.startedAt;
    const n = steadyCount(pod, now);
    const all = started ? [...startupOf(pod)] : [];
    for (let i = Math.max(0, n - 2000); i < n; i++) all.push(steadyOf(pod, i));
    const from = q.tail >= 0 ? Math.max(0, all.length - q.tail) : 0;
    for (const l of all.slice(from)) backlog.push({ t: l.t, data: frame(pod, l.text) });
    state.set(pod.pod, { startup: started, steady: n });
  }
  backlog.sort((a, b) => a.t - b.t);
  out(backlog.map((b) => b.data));
  const huge = ctx.faults.takeHugeLine();
  if (huge !== undefined) out([frame(pods[0]!, hugeLine(huge))]);
  if (!q.follow) {
    if (ws.readyState === WebSocket.OPEN) ws.close(1000, "");
    return;
  }
  const unsubscribe = ctx.faults.onHugeLine((bytes) => out([frame(pods[0]!, hugeLine(bytes))]));
  ws.on("close", unsubscribe);
  // follow: realistic pace from the deterministic history, or the firehose when a log rate is set
  let lastTick = Date.now();
  let owed = 0;
  let fireSeq = 0;
  const pool = pods.map((pod) => Array.from({ length: 64 }, (_, i) => frame(pod, steadyLine(pod.kind, seed, pod.service, i, new Date()))));
  const tick = () => {
    if (ws.readyState !== WebSocket.OPEN) return;
    const rate = ctx.o.logRate();
    const t = Date.now();
    if (rate > 0) {
      owed = Math.min(owed + (rate * (t - lastTick)) / 1000, rate); // at most one second of backlog
      lastTick = t;
      if (ws.bufferedAmount > 8 * 1024 * 1024) return; // client is slow: do not queue without bound
      const n = Math.floor(owed);
      owed -= n;
      const batch: string[] = new Array(n);
      for (let i = 0; i < n; i++, fireSeq++) {
        const p = pool[fireSeq % pool.length]!;
        batch[i] = p[(fireSeq >> 3) % p.length]!;
      }
      out(batch);
      return;
    }
    lastTick = t;
    const fresh: { t: number; data: string }[] = [];
    for (const pod of pods) {
      const st = state.get(pod.pod)!;
      if (!st.startup && t >= pod.startedAt) {
        st.startup = true;
        for (const l of startupOf(pod)) fresh.push({ t: l.t, data: frame(pod, l.text) });
      }
      const n = steadyCount(pod, t);
      for (let i = st.steady; i < n; i++) {
        const l = steadyOf(pod, i);
        fresh.push({ t: l.t, data: frame(pod, l.text) });
      }
      st.steady = n;
    }
    fresh.sort((a, b) => a.t - b.t);
    out(fresh.map((f) => f.data));
  };
  const timer = setInterval(tick, 50);
  ws.on("close", () => clearInterval(timer));
}

/**
 * Sends frames; with a drop fault, exactly `dropAfter` frames go out and then the connection ends without a
 * close frame, as a network drop looks to the client (1006), so a test knows which lines arrived before it.
 */
function frameSink(ws: WebSocket, dropAfter: number | undefined): (frames: string[]) => boolean {
  let sent = 0;
  let dropped = false;
  return (frames) => {
    if (dropped || ws.readyState !== WebSocket.OPEN) return false;
    if (dropAfter === undefined) {
      sendBatch(ws, frames);
      return true;
    }
    const n = Math.min(frames.length, dropAfter - sent);
    sendBatch(ws, n === frames.length ? frames : frames.slice(0, n));
    sent += n;
    if (sent >= dropAfter) {
      dropped = true;
      endWithoutCloseFrame(ws);
    }
    return true;
  };
}

/** One log line of `bytes` bytes (ASCII), e.g. a minified JSON document printed on a single line. */
function hugeLine(bytes: number): string {
  const head = `{"level":"debug","msg":"state dump","size":${bytes},"data":"`;
  const tail = `"}`;
  return head + "x".repeat(Math.max(0, bytes - head.length - tail.length)) + tail;
}
