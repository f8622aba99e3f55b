"use client";
import type { StreamStatus } from "@/lib/logs/follow-stream";
import { Button } from "@/components/ui/button";
import { describeCloseCode } from "@/lib/logs/stream-errors";

interface StreamBannerProps {
  status: StreamStatus;
  /** what the stream carries, for the sentences: "line" or "event" */
  noun: string;
  /** the stream's name: "logs" or "events" */
  streamName: string;
  onRetry(): void;
}


/**
 * The stream's state in words, in a status region so a screen reader hears it. Every state says what happened
 * and what happens next; the ones that need the tenant (ended, failed) offer to reopen.
 */
export function StreamBanner(props: StreamBannerProps) {
  return (
    <div role="status" className="min-h-6 text-sm">
      <Body {...props} />
    </div>
  );
}

function Body({ status, noun, streamName, onRetry }: StreamBannerProps) {
  switch (status.state) {
    case "connecting":
      return <p className="text-neutral-600">{status.resuming ? "Reconnecting: reopening the stream…" : `Opening the ${streamName} stream…`}</p>;
    case "waiting":
      return <p className="text-neutral-600">No {noun}s yet. The stream is open (or still connecting); the service may not have printed anything.</p>;
    case "streaming":
    case "stopped":
      return null;
    case "reconnecting":
      return (
        <p className="text-amber-800">
          <strong>Reconnecting</strong> (attempt {status.attempt} of {status.maxAttempts}, in {Math.max(1, Math.round(status.retryInMs / 1000))} s): {status.message}
        </p>
      );
    case "ended": {
      const meaning = describeCloseCode(status.closeCode);
      return (
        <div className="flex flex-wrap items-center gap-2 text-neutral-800">
          <strong>Stream ended by the provider</strong>
          {status.closeCode !== undefined && (
            <span>
              (close code {status.closeCode}
              {meaning ? `: ${meaning}` : ""})
            </span>
          )}
          {status.reason && <span>Reason: {status.reason}</span>}
          <span>The {noun}s received so far stay below.</span>
          <Button size="sm" onClick={onRetry}>
            Reopen stream
          </Button>
        </div>
      );
    }
    case "failed":
      return (
        <div role="alert" className="flex flex-wrap items-center gap-2 text-red-800">
          <strong>The {streamName} stream failed:</strong>
          <span>{status.message}</span>
          <span className="text-neutral-500">({status.code})</span>
          <Button size="sm" onClick={onRetry}>
            Retry
          </Button>
        </div>
      );
  }
}
