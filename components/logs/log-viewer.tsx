"use client";
import { StreamViewer } from "@/components/logs/stream-viewer";
import { useLineStream } from "@/components/logs/use-line-stream";
import type { OpenStream } from "@/lib/logs/follow-stream";
import type { LogFrame } from "@/lib/logs/frames";

export interface LogViewerProps {
  /**
   * Opens the lease's follow log stream (all services) with this tail per pod; the lead wires it to
   * `streamFromConsole({ lease, kind: "logs", tail, follow: true }, { token, signal })`.
   */
  open: OpenStream<LogFrame>;
  /** the lease's service names (SDL), for the service filter */
  services: readonly string[];
  /** lines kept (default 100,000) */
  capacity?: number;
  /** lines per pod on the first open (default 1000) and when resuming after a drop (default 500) */
  initialTail?: number;
  resumeTail?: number;
  /** file name of Download (default "logs.txt") */
  downloadName?: string;
}

const keyOf = (f: LogFrame) => f.name;
const textOf = (f: LogFrame) => f.message;

/** Live container logs of a lease: filter, search, follow/pause, wrap, copy and download, resumed after drops. */
export function LogViewer({ open, services, capacity, initialTail, resumeTail, downloadName = "logs.txt" }: LogViewerProps) {
  const stream = useLineStream({ open, keyOf, textOf, services, capacity, initialTail, resumeTail });
  return <StreamViewer stream={stream} label="Logs" searchLabel="Search logs" noun="line" services={services} downloadName={downloadName} />;
}
