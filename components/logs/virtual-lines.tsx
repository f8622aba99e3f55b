"use client";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useLayoutEffect, useRef } from "react";
import { LogRow } from "@/components/logs/log-row";
import type { LogStore } from "@/lib/logs/log-store";
import type { MatchCursor } from "@/lib/logs/search";

/** Height of an unwrapped row (px); the row classes below set the same line height. */
export const ROW_HEIGHT = 18;

interface VirtualLinesProps {
  store: LogStore;
  version: number;
  label: string;
  wrap: boolean;
  following: boolean;
  onScrolledUp(): void;
  query: string;
  current: MatchCursor | null;
}

/**
 * The visible window of the store's view, virtualized with @tanstack/react-virtual: only the rows on screen (and
 * a few more) are in the DOM, whatever the buffer holds. Unwrapped rows have one fixed height, so the library's
 * layout is arithmetic; wrapped rows are measured as they render (measureElement), which a fixed-row virtualizer
 * could not do. Rows are keyed by line id, so eviction at the front never re-renders the rows that stay.
 *
 * Following keeps the view at the bottom. Paused, the view stays on the line it showed (its id and offset are
 * the anchor) while new lines arrive below and old ones are evicted above.
 */
export function VirtualLines({ store, version, label, wrap, following, onScrolledUp, query, current }: VirtualLinesProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const anchor = useRef<{ id: number; delta: number } | null>(null);
  const autoTop = useRef(0);
  // Wrapped rows are measured, and the library keeps sizes by key: keys must be line ids, and a new key function
  // each version makes it re-read them (O(lines)). Unwrapped rows all have one size: positions are enough, and
  // the layout is not recomputed on every frame.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` is the store's change counter
  const idKey = useCallback((i: number) => store.lineAt(i)?.id ?? -1 - i, [store, version]);
  const indexKey = useCallback((i: number) => i, []);
  const v = useVirtualizer({
    count: store.size,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: wrap ? idKey : indexKey,
    overscan: 8,
    initialRect: { width: 800, height: 480 },
    // a scroll re-renders with the next frame's batch instead of synchronously inside the scroll event
    useFlushSync: false,
  });

  // Wrapped rows were measured under their line id; forget the sizes of evicted lines so the cache stays bounded.
  useLayoutEffect(() => {
    const cache = v.itemSizeCache;
    if (!wrap || cache.size <= store.buffer.capacity) return;
    const first = store.buffer.firstId;
    for (const k of cache.keys()) if (typeof k === "number" && k < first) cache.delete(k);
  }, [v, wrap, store, version]);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    if (following) {
      // the total size is known: no need to read scrollHeight, which would force a layout in the middle of the frame
      el.scrollTop = v.getTotalSize();
      autoTop.current = el.scrollTop;
    } else {
      const a = anchor.current;
      if (!a) return;
      const idx = store.indexOf(a.id);
      const offset = idx >= 0 ? v.getOffsetForIndex(idx, "start")?.[0] : 0;
      if (offset === undefined) return;
      el.scrollTop = offset + (idx >= 0 ? a.delta : 0);
    }
    // The browser reports the new position with the next frame; until then the virtualizer would lay out the rows
    // of the old one (a frame of wrong or missing rows). Telling it now re-renders the right rows before paint.
    el.dispatchEvent(new Event("scroll"));
  }, [v, store, version, following, wrap]);

  useLayoutEffect(() => {
    if (!current) return;
    const idx = store.indexOf(current.lineId);
    if (idx >= 0) v.scrollToIndex(idx, { align: "center" });
  }, [v, store, current]);

  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    const item = v.getVirtualItemForOffset(el.scrollTop);
    const line = item ? store.lineAt(item.index) : undefined;
    anchor.current = item && line ? { id: line.id, delta: el.scrollTop - item.start } : null;
    if (following && el.scrollTop < autoTop.current - 2 && el.scrollHeight - el.scrollTop - el.clientHeight > ROW_HEIGHT) onScrolledUp();
  };

  const items = v.getVirtualItems();
  const rowClass = wrap ? "whitespace-pre-wrap break-all px-2 leading-[18px]" : "h-[18px] whitespace-pre px-2 leading-[18px]";
  return (
    // role log with aria-live off: a firehose must not flood a screen reader; the status line announces changes
    <div
      ref={scrollRef}
      role="log"
      aria-label={label}
      aria-live="off"
      tabIndex={0}
      onScroll={onScroll}
      className="h-[28rem] overflow-auto rounded-b bg-neutral-950 [contain:strict] font-mono text-xs text-neutral-100 [tab-size:4] focus:outline-2 focus:outline-sky-500"
    >
      <div style={{ height: v.getTotalSize(), position: "relative", width: wrap ? "100%" : "max-content", minWidth: "100%" }}>
        <div style={{ transform: `translateY(${items[0]?.start ?? 0}px)` }}>
          {items.map((item) => {
            const line = store.lineAt(item.index);
            if (!line) return null;
            return (
              <div key={line.id} data-index={item.index} data-source={line.source} ref={wrap ? v.measureElement : undefined} className={rowClass}>
                <LogRow line={line} query={query} currentOccurrence={current?.lineId === line.id ? current.occurrence : null} />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
