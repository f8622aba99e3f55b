"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { FrameBatcher, nextFrameOrTimeout } from "@/lib/logs/frame-batcher";
import { StreamFollower, type OpenStream, type StreamLine, type StreamStatus } from "@/lib/logs/follow-stream";
import { LogStore, type NewLine } from "@/lib/logs/log-store";
import { serviceOf } from "@/lib/logs/pod-service";
import { DEFAULT_CAPACITY } from "@/lib/logs/ring-buffer";

export interface LineStreamOptions<F> {
  open: OpenStream<F>;
  keyOf(frame: F): string;
  textOf(frame: F): string;
  services: readonly string[];
  /** the service a line's key belongs to (default: the key is a pod name) */
  serviceOfKey?(key: string, services: readonly string[]): string | undefined;
  capacity?: number;
  initialTail?: number;
  resumeTail?: number;
}

export interface LineStream {
  store: LogStore;
  /** increases each time the store changed (one render per animation frame at most) */
  version: number;
  status: StreamStatus;
  /** reopens after an end or a failure, as a resume (nothing shown is lost or repeated) */
  retry(): void;
  /** re-renders after a change made to the store outside a batch (filter, query) */
  touch(): void;
}

/**
 * Follows a stream into a LogStore: lines are stamped with their time of receipt, queued, and appended once per
 * animation frame. `open` is read each time the stream (re)opens, so a parent may pass a new function on each
 * render; to follow another lease, remount the viewer (a React key).
 */
export function useLineStream<F>(o: LineStreamOptions<F>): LineStream {
  const capacity = o.capacity ?? DEFAULT_CAPACITY;
  const [store] = useState(() => new LogStore(capacity));
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState<StreamStatus>({ state: "connecting", resuming: false });
  const latest = useRef(o);
  latest.current = o;
  const follower = useRef<StreamFollower<F> | null>(null);

  useEffect(() => {
    const batcher = new FrameBatcher<NewLine>(
      (lines) => {
        store.append(lines);
        setVersion((v) => v + 1);
      },
      nextFrameOrTimeout(),
      capacity,
    );
    // pods are few and lines many: the service of a pod is worked out once
    const services = new Map<string, string | undefined>();
    const serviceOfKey = (key: string) => {
      if (!services.has(key)) services.set(key, (latest.current.serviceOfKey ?? serviceOf)(key, latest.current.services));
      return services.get(key);
    };
    const toLine = (l: StreamLine): NewLine => {
      const line: NewLine = { source: l.key, service: serviceOfKey(l.key), text: l.text, omitted: l.omitted, at: Date.now() };
      if (l.gap) line.gap = true;
      return line;
    };
    const f = new StreamFollower<F>({
      open: (args) => latest.current.open(args),
      keyOf: (frame) => latest.current.keyOf(frame),
      textOf: (frame) => latest.current.textOf(frame),
      onLine: (l) => batcher.push(toLine(l)),
      onStatus: (s) => {
        batcher.flushNow(); // the lines received before a status change show before its banner
        setStatus(s);
      },
      initialTail: latest.current.initialTail,
      resumeTail: latest.current.resumeTail,
    });
    follower.current = f;
    void f.run();
    return () => {
      f.stop();
      batcher.dispose();
    };
  }, [store, capacity]);

  const retry = useCallback(() => void follower.current?.run(), []);
  const touch = useCallback(() => setVersion((v) => v + 1), []);
  return { store, version, status, retry, touch };
}
