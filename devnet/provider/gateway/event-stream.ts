/**
 * The /kubeevents websocket's content: the Kubernetes events of bringing the lease's pods up (scaling, scheduling,
 * pulling, starting), in cltypes.LeaseEvent's shape, each sent when it "happens" relative to the manifest.
 */
import { WebSocket } from "ws";
import type { LeaseView } from "../../contract";
import { hash32 } from "../rng";
import type { GatewayContext } from "./context";
import type { LeaseRuntime } from "./lease-runtime";
import { podsOf } from "./pods";
import { sendBatch } from "./ws-util";

export function streamEvents(ctx: GatewayContext, ws: WebSocket, lease: LeaseView, rt: LeaseRuntime, services: string[], follow: boolean): void {
  const events: { t: number; ev: unknown }[] = [];
  const ns = rt.namespace;
  const ev = (t: number, type: string, reason: string, note: string, kind: string, name: string, controller: string, instance = "") =>
    events.push({
      t,
      ev: { type, reportingController: controller, reportingInstance: instance, reason, note, object: { kind, namespace: ns, name }, time: new Date(t).toISOString() },
    });
  const base = rt.receivedAt;
  const pullSecs = (ctx.o.readyDelayMs / 1000) * 0.5;
  for (const pod of podsOf(ctx, lease, rt, services)) {
    const rs = pod.pod.slice(0, pod.pod.lastIndexOf("-"));
    const node = ctx.o.profile.nodes[pod.replica % ctx.o.profile.nodes.length]!.name;
    const count = rt.group.services.find((s) => s.name === pod.service)?.count ?? 1;
    if (pod.replica === 0) ev(base + 10, "Normal", "ScalingReplicaSet", `Scaled up replica set ${rs} to ${count}`, "Deployment", pod.service, "deployment-controller");
    ev(base + 20, "Normal", "SuccessfulCreate", `Created pod: ${pod.pod}`, "ReplicaSet", rs, "replicaset-controller");
    ev(base + 40, "Normal", "Scheduled", `Successfully assigned ${ns}/${pod.pod} to ${node}`, "Pod", pod.pod, "default-scheduler");
    ev(base + 200, "Normal", "Pulling", `Pulling image "${pod.image}"`, "Pod", pod.pod, "kubelet", node);
    const size = 40_000_000 + (hash32(pod.image) % 900_000_000);
    const pulled = `Successfully pulled image "${pod.image}" in ${pullSecs.toFixed(3)}s (${pullSecs.toFixed(3)}s including waiting). Image size: ${size} bytes.`;
    ev(base + 200 + pullSecs * 1000, "Normal", "Pulled", pulled, "Pod", pod.pod, "kubelet", node);
    ev(base + 250 + pullSecs * 1000, "Normal", "Created", `Created container ${pod.service}`, "Pod", pod.pod, "kubelet", node);
    ev(pod.startedAt, "Normal", "Started", `Started container ${pod.service}`, "Pod", pod.pod, "kubelet", node);
  }
  events.sort((a, b) => a.t - b.t);
  const now = Date.now();
  sendBatch(ws, events.filter((e) => e.t <= now).map((e) => JSON.stringify(e.ev)));
  if (!follow) {
    ws.close(1000, "");
    return;
  }
  const timers = events.filter((e) => e.t > now).map((e) => setTimeout(() => ws.readyState === WebSocket.OPEN && ws.send(JSON.stringify(e.ev)), e.t - now));
  ws.on("close", () => timers.forEach(clearTimeout));
}
