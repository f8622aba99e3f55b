/**
 * The shell contract of lib/provider-gateway's `openShell` (declared here too so the terminal depends on no
 * gateway code; the shapes are the same). The provider's frames: 100 stdout, 101 stderr, 102 result
 * (`{"exit_code":N,"message"?}`), 103 failure, 104 stdin, 105 resize (uint16 width, uint16 height).
 */
export interface ShellSession {
  /** ends after the result */
  output: AsyncIterable<{ stream: "stdout" | "stderr"; data: Uint8Array }>;
  result: Promise<{ exitCode: number; message?: string }>;
  write(data: Uint8Array | string): void;
  resize(cols: number, rows: number): void;
  close(): void;
}

export interface OpenShellOptions {
  cols: number;
  rows: number;
  tty: boolean;
  stdin: boolean;
  signal: AbortSignal;
}

/** Opens `command` in the lease's container; the lead wires it to `openShell({ lease, service, command, tty, stdin }, { token, signal })`. */
export type OpenShell = (command: string[], options: OpenShellOptions) => Promise<ShellSession>;
