"use client";
import { StreamViewer } from "@/components/logs/stream-viewer";
import { useLineStream } from "@/components/logs/use-line-stream";
import { eventKey, eventText } from "@/lib/logs/event-line";
import type { OpenStream } from "@/lib/logs/follow-stream";
import type { KubeEventFrame } from "@/lib/logs/frames";
import { serviceOf } from "@/lib/logs/pod-service";

export interface EventViewerProps {
  /**
   * Opens the lease's follow kube-events stream; the lead wires it to
   * `streamFromConsole({ lease, kind: "events", tail, follow: true }, { token, signal })`.
   */
  open: OpenStream<KubeEventFrame>;
  services: readonly string[];
  capacity?: number;
  downloadName?: string;
}

/** The key is `Kind/name` of the involved object: its service comes from the name. */
const serviceOfKey = (key: string, services: readonly string[]) => serviceOf(key.slice(key.indexOf("/") + 1), services);

/** Kubernetes events of a lease, one line each (type, reason, object, note), with the Logs viewer's machinery. */
export function EventViewer({ open, services, capacity, downloadName = "events.txt" }: EventViewerProps) {
  const stream = useLineStream({ open, keyOf: eventKey, textOf: eventText, services, serviceOfKey, capacity, initialTail: -1, resumeTail: 1000 });
  return <StreamViewer stream={stream} label="Events" searchLabel="Search events" noun="event" services={services} downloadName={downloadName} />;
}
