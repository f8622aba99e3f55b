import type { KubeEventFrame } from "@/lib/logs/frames";

/**
 * A Kubernetes event as one line of the Events viewer: type, reason, involved object, note. A Warning is worth
 * noticing, so its type reads in the viewer's red (as an SGR span, the same path as log colours).
 */
export function eventText(e: KubeEventFrame): string {
  const type = e.type === "Warning" ? `\u001b[31m${e.type}\u001b[39m` : e.type;
  return `${type} ${e.reason} ${e.object.kind}/${e.object.name}: ${e.note}`;
}

/**
 * Events are aligned on a resume per involved object: the provider sends an object's events again in order,
 * while the interleaving of different objects may change.
 */
export function eventKey(e: KubeEventFrame): string {
  return `${e.object.kind}/${e.object.name}`;
}
