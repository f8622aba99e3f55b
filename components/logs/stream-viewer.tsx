"use client";
import { useEffect, useState } from "react";
import { StreamBanner } from "@/components/logs/stream-banner";
import { StreamToolbar } from "@/components/logs/stream-toolbar";
import type { LineStream } from "@/components/logs/use-line-stream";
import { VirtualLines } from "@/components/logs/virtual-lines";
import type { MatchCursor } from "@/lib/logs/search";

export interface StreamViewerProps {
  stream: LineStream;
  /** the region's name ("Logs", "Events") */
  label: string;
  /** the search box's name ("Search logs") */
  searchLabel: string;
  /** "log" or "event", for the sentences of the status line */
  noun: string;
  services: readonly string[];
  downloadName: string;
}

/** Toolbar, status line and the virtualized lines of one stream (the Logs and Events viewers share it). */
export function StreamViewer({ stream, label, searchLabel, noun, services, downloadName }: StreamViewerProps) {
  const { store, version, status, retry, touch } = stream;
  const [service, setService] = useState("");
  const [query, setQuery] = useState("");
  const [current, setCurrent] = useState<MatchCursor | null>(null);
  const [following, setFollowing] = useState(true);
  const [wrap, setWrap] = useState(false);
  const [notice, setNotice] = useState("");

  // searching 100,000 lines on every keystroke would stutter: wait for a pause in typing
  useEffect(() => {
    const t = setTimeout(() => {
      store.setQuery(query);
      setCurrent(null);
      touch();
    }, 150);
    return () => clearTimeout(t);
  }, [store, query, touch]);

  const selectService = (s: string) => {
    setService(s);
    store.setFilter(s ? [s] : null);
    setCurrent(null);
    touch();
  };
  const step = (dir: "next" | "previous") => {
    const c = dir === "next" ? store.search.next() : store.search.previous();
    if (c) setFollowing(false);
    setCurrent(c);
  };
  const copy = async () => {
    // a rejection is the browser refusing the clipboard: say what to use instead
    await navigator.clipboard.writeText(store.toText()).then(
      () => setNotice(`Copied ${store.size.toLocaleString("en-US")} lines.`),
      () => setNotice("The browser refused access to the clipboard: use Download instead."),
    );
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([store.toText()], { type: "text/plain;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = downloadName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  // the cursor is dropped when its line is evicted; show no stale highlight
  const live = current && store.search.current ? current : null;

  return (
    <section aria-label={`${label} viewer`} className="flex flex-col gap-1">
      <StreamBanner status={status} noun={noun} streamName={label.toLowerCase()} onRetry={retry} />
      <StreamToolbar
        services={services}
        service={service}
        onService={selectService}
        searchLabel={searchLabel}
        query={query}
        onQuery={setQuery}
        matchPosition={live ? store.search.position() : 0}
        matchCount={store.search.query === query ? store.search.size : 0}
        onNext={() => step("next")}
        onPrevious={() => step("previous")}
        following={following}
        onFollow={setFollowing}
        wrap={wrap}
        onWrap={setWrap}
        onCopy={() => void copy()}
        onDownload={download}
      />
      <VirtualLines
        store={store}
        version={version}
        label={label}
        wrap={wrap}
        following={following}
        onScrolledUp={() => setFollowing(false)}
        query={store.search.query}
        current={live}
      />
      <p className="flex justify-between text-xs text-neutral-600">
        <span>
          {store.size.toLocaleString("en-US")} {noun}s shown
          {store.buffer.dropped > 0 && ` (the oldest ${store.buffer.dropped.toLocaleString("en-US")} were dropped: the viewer keeps the last ${store.buffer.capacity.toLocaleString("en-US")})`}
          {!following && " · paused"}
        </span>
        <span aria-live="polite">{notice}</span>
      </p>
    </section>
  );
}
