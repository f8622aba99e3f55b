/**
 * One interactive shell session, from open to exit, written to a terminal: bash first, sh when the container has
 * no bash (see shell-fallback.ts), the terminal's size sent at once (the provider's TTY starts at 0x0 otherwise),
 * and output paced by the terminal's own write callbacks so a command that floods stdout cannot queue without
 * bound in the tab (the pause propagates to the stream, and from there to the console's server and the provider).
 * Kept apart from the React component so it runs under test without a browser.
 */
import { isMissingProgram, SHELLS } from "@/components/shell/shell-fallback";
import type { OpenShell, ShellSession } from "@/components/shell/shell-session";

/** The part of an xterm Terminal the session needs. */
export interface TerminalSink {
  readonly cols: number;
  readonly rows: number;
  write(data: string | Uint8Array, callback?: () => void): void;
}

export type ShellPhase =
  | { state: "starting"; shell: string }
  | { state: "running"; shell: string }
  | { state: "exited"; shell: string; exitCode: number; message?: string }
  | { state: "failed"; message: string };

export interface ShellHooks {
  onSession(session: ShellSession | null): void;
  onPhase(phase: ShellPhase): void;
  onNotice(notice: string): void;
}

/** Bytes handed to the terminal but not yet parsed, above which reading the stream pauses (and below which it goes on). */
const HIGH_WATER = 512 * 1024;
const LOW_WATER = 64 * 1024;

export class OutputPacer {
  private pending = 0;
  private resume: (() => void) | null = null;

  constructor(private readonly term: TerminalSink) {}

  async write(data: Uint8Array): Promise<void> {
    this.pending += data.length;
    this.term.write(data, () => {
      this.pending -= data.length;
      if (this.pending <= LOW_WATER && this.resume) {
        this.resume();
        this.resume = null;
      }
    });
    if (this.pending > HIGH_WATER) await new Promise<void>((r) => (this.resume = r));
  }

  get queued(): number {
    return this.pending;
  }
}

const messageOf = (e: unknown) => (e instanceof Error && e.message ? e.message : "The shell connection failed.");

export async function runShell(term: TerminalSink, open: OpenShell, signal: AbortSignal, hooks: ShellHooks): Promise<void> {
  for (let i = 0; i < SHELLS.length; i++) {
    const command = SHELLS[i]!;
    const shell = command[0]!;
    hooks.onPhase({ state: "starting", shell });
    let session: ShellSession;
    try {
      session = await open(command, { cols: term.cols, rows: term.rows, tty: true, stdin: true, signal });
    } catch (e) {
      if (!signal.aborted) hooks.onPhase({ state: "failed", message: messageOf(e) });
      return;
    }
    if (signal.aborted) return session.close();
    hooks.onSession(session);
    session.resize(term.cols, term.rows);
    hooks.onPhase({ state: "running", shell });

    let printed = false;
    const pacer = new OutputPacer(term);
    const pump = (async () => {
      for await (const chunk of session.output) {
        printed = true;
        await pacer.write(chunk.data);
      }
    })();
    let result: { exitCode: number; message?: string };
    try {
      result = await session.result;
      await pump.catch(() => undefined);
    } catch (e) {
      hooks.onSession(null);
      if (!signal.aborted) hooks.onPhase({ state: "failed", message: messageOf(e) });
      return;
    }
    hooks.onSession(null);
    if (signal.aborted) return;
    if (isMissingProgram(result, printed)) {
      const next = SHELLS[i + 1]?.[0];
      if (next) {
        hooks.onNotice(`${shell} is not available in this container; using ${next}.`);
        continue;
      }
      hooks.onPhase({ state: "failed", message: `The container has no shell (${SHELLS.map((s) => s[0]).join(", ")} are missing): ${result.message ?? `exit code ${result.exitCode}`}` });
      return;
    }
    term.write(`\r\n[${shell} exited with code ${result.exitCode}${result.message ? `: ${result.message}` : ""}]\r\n`);
    hooks.onPhase({ state: "exited", shell, exitCode: result.exitCode, message: result.message });
    return;
  }
}
