"use client";
import { Button } from "@/components/ui/button";
export interface StreamToolbarProps {
  services: readonly string[];
  service: string;
  onService(service: string): void;
  searchLabel: string;
  query: string;
  onQuery(query: string): void;
  /** 1-based position of the current match, and how many there are */
  matchPosition: number;
  matchCount: number;
  onNext(): void;
  onPrevious(): void;
  following: boolean;
  onFollow(following: boolean): void;
  wrap: boolean;
  onWrap(wrap: boolean): void;
  onCopy(): void;
  onDownload(): void;
}


/** Native controls only: their keyboard and screen-reader behaviour come with them. */
export function StreamToolbar(p: StreamToolbarProps) {
  return (
    <div className="flex flex-wrap items-center gap-2 rounded-t border border-b-0 border-neutral-200 bg-neutral-100 p-2 text-sm">
      {p.services.length > 1 && (
        <select aria-label="Service" value={p.service} onChange={(e) => p.onService(e.target.value)} className="rounded border border-neutral-300 bg-white px-2 py-1">
          <option value="">All services</option>
          {p.services.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      )}
      <input
        type="search"
        aria-label={p.searchLabel}
        placeholder={p.searchLabel}
        value={p.query}
        onChange={(e) => p.onQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== "Enter") return;
          e.preventDefault();
          if (e.shiftKey) p.onPrevious();
          else p.onNext();
        }}
        className="w-56 rounded border border-neutral-300 bg-white px-2 py-1"
      />
      <span aria-live="polite" className="min-w-20 text-neutral-600 tabular-nums">
        {p.query ? (p.matchCount ? `${p.matchPosition || "–"} of ${p.matchCount}` : "No matches") : ""}
      </span>
      <Button size="sm" onClick={p.onPrevious} disabled={!p.matchCount}>
        Previous match
      </Button>
      <Button size="sm" onClick={p.onNext} disabled={!p.matchCount}>
        Next match
      </Button>
      <span className="mx-1 h-5 w-px bg-neutral-300" aria-hidden />
      <Button size="sm" className="aria-pressed:border-sky-700 aria-pressed:bg-sky-700 aria-pressed:text-white" aria-pressed={p.following} onClick={() => p.onFollow(!p.following)}>
        Follow
      </Button>
      <label className="flex items-center gap-1">
        <input type="checkbox" checked={p.wrap} onChange={(e) => p.onWrap(e.target.checked)} />
        Wrap lines
      </label>
      <span className="mx-1 h-5 w-px bg-neutral-300" aria-hidden />
      <Button size="sm" onClick={p.onCopy}>
        Copy
      </Button>
      <Button size="sm" onClick={p.onDownload}>
        Download
      </Button>
    </div>
  );
}
