/**
 * A provider's faults with a parameter (ProviderFaultInjection): counters the routes consume ("refuse the next
 * N manifests"), a stall, and the one-off huge log line, which goes to the open follow streams or waits for the next.
 */
import type { ProviderFaultInjection, ProviderFaultState } from "../../contract";

export class FaultPlan {
  private dropLogs: { afterFrames: number; streams: number } | null = null;
  private manifest500 = 0;
  private shellFailures = 0;
  private hugeLinePending: number | null = null;
  private readonly hugeLineListeners = new Set<(bytes: number) => boolean>();
  stallStatusMs = 0;
  kubeUnavailable = false;

  apply(f: ProviderFaultInjection): void {
    switch (f.kind) {
      case "drop-logs":
        this.dropLogs = f.streams > 0 ? { afterFrames: f.afterFrames, streams: f.streams } : null;
        return;
      case "manifest-500":
        this.manifest500 = f.times;
        return;
      case "stall-status":
        this.stallStatusMs = f.ms;
        return;
      case "shell-failure":
        this.shellFailures = f.times;
        return;
      case "kube-unavailable":
        this.kubeUnavailable = f.on;
        return;
      case "huge-log-line":
        // every open stream gets it; when none took it, the next stream opened does
        this.hugeLinePending = [...this.hugeLineListeners].map((l) => l(f.bytes)).some(Boolean) ? null : f.bytes;
        return;
      case "clear":
        this.dropLogs = null;
        this.manifest500 = 0;
        this.shellFailures = 0;
        this.hugeLinePending = null;
        this.stallStatusMs = 0;
        this.kubeUnavailable = false;
        return;
    }
  }

  /** True when this manifest request must be refused (and counts it). */
  takeManifest500(): boolean {
    if (this.manifest500 <= 0) return false;
    this.manifest500--;
    return true;
  }

  takeShellFailure(): boolean {
    if (this.shellFailures <= 0) return false;
    this.shellFailures--;
    return true;
  }

  /** For a log stream being opened: after how many frames it must drop, if it must. */
  takeLogDrop(): number | undefined {
    if (!this.dropLogs) return undefined;
    const { afterFrames } = this.dropLogs;
    if (--this.dropLogs.streams <= 0) this.dropLogs = null;
    return afterFrames;
  }

  /** For a log stream being opened: the size of a pending huge line it must send, if any. */
  takeHugeLine(): number | undefined {
    const bytes = this.hugeLinePending ?? undefined;
    this.hugeLinePending = null;
    return bytes;
  }

  /** A follow log stream listens for huge lines; the listener says whether it sent it. Returns the unsubscribe function. */
  onHugeLine(listener: (bytes: number) => boolean): () => void {
    this.hugeLineListeners.add(listener);
    return () => this.hugeLineListeners.delete(listener);
  }

  state(): Omit<ProviderFaultState, "mode"> {
    return {
      dropLogs: this.dropLogs ? { ...this.dropLogs } : null,
      manifest500: this.manifest500,
      stallStatusMs: this.stallStatusMs,
      hugeLogLinePending: this.hugeLinePending,
      shellFailures: this.shellFailures,
      kubeUnavailable: this.kubeUnavailable,
    };
  }
}
