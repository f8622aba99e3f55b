/**
 * An in-memory container behind the `openShell` contract, for the terminal's tests and its browser harness,
 * behaving as a provider does (akash-network/provider cluster/kube/client_exec.go): a program the image lacks ends
 * in a result with the ErrExecCommandDoesNotExist message; a TTY echoes what is typed; `exit N` ends with N.
 * The devnet's shell (devnet/provider) is the end-to-end counterpart.
 */
import type { OpenShell, ShellSession } from "@/components/shell/shell-session";

export const MISSING_COMMAND = "remote command execute error: command could not be executed because it does not exist";

export interface FakeContainerLog {
  opened: { command: string[]; tty: boolean; cols: number; rows: number }[];
  resizes: [number, number][];
}

const enc = new TextEncoder();

/** A pushable async queue: the session's output. */
function queue<T>() {
  const items: T[] = [];
  let wake: (() => void) | null = null;
  let done = false;
  return {
    push(item: T) {
      items.push(item);
      wake?.();
    },
    end() {
      done = true;
      wake?.();
    },
    async *[Symbol.asyncIterator]() {
      for (;;) {
        if (items.length) yield items.shift()!;
        else if (done) return;
        else await new Promise<void>((r) => (wake = r));
      }
    },
  };
}

/** `programs` the image has (default: sh only, as in alpine/busybox images). */
export function fakeContainer(programs: readonly string[] = ["sh"], log: FakeContainerLog = { opened: [], resizes: [] }): { open: OpenShell; log: FakeContainerLog } {
  const open: OpenShell = async (command, o) => {
    log.opened.push({ command, tty: o.tty, cols: o.cols, rows: o.rows });
    const out = queue<{ stream: "stdout" | "stderr"; data: Uint8Array }>();
    let settle!: (r: { exitCode: number; message?: string }) => void;
    const result = new Promise<{ exitCode: number; message?: string }>((r) => (settle = r));
    const finish = (r: { exitCode: number; message?: string }) => {
      settle(r);
      out.end();
    };
    const print = (s: string, stream: "stdout" | "stderr" = "stdout") => out.push({ stream, data: enc.encode(o.tty ? s.replace(/\n/g, "\r\n") : s) });
    const run = (line: string): boolean => {
      const [cmd, ...args] = line.trim().split(/\s+/);
      if (!cmd) return false;
      if (cmd === "exit") {
        finish({ exitCode: Number(args[0] ?? 0) });
        return true;
      }
      if (cmd === "echo") print(args.join(" ") + "\n");
      else if (cmd === "hostname") print("web-6d4f7c9b8-x2k4q\n");
      else if (cmd === "seq") for (let i = 1; i <= Number(args[0] ?? 0); i++) print(`${i}\n`);
      else print(`sh: ${cmd}: not found\n`, "stderr");
      return false;
    };

    queueMicrotask(() => {
      if (!programs.includes(command[0]!)) return finish({ exitCode: 0, message: MISSING_COMMAND });
      if (command[1] === "-c") {
        const ended = run(command.slice(2).join(" "));
        if (!ended) finish({ exitCode: 0 });
        return;
      }
      print("/ # ");
    });

    let lineBuf = "";
    const session: ShellSession = {
      output: out,
      result,
      write(data) {
        const s = typeof data === "string" ? data : new TextDecoder().decode(data);
        for (const ch of s) {
          if (ch === "\r") {
            print("\n");
            const ended = run(lineBuf);
            lineBuf = "";
            if (!ended) print("/ # ");
          } else if (ch === "\u007f") {
            if (!lineBuf) continue;
            lineBuf = lineBuf.slice(0, -1);
            print("\b \b");
          } else {
            lineBuf += ch;
            if (o.tty) print(ch);
          }
        }
      },
      resize(cols, rows) {
        log.resizes.push([cols, rows]);
      },
      close() {
        finish({ exitCode: 130 });
      },
    };
    o.signal.addEventListener("abort", () => session.close(), { once: true });
    return session;
  };
  return { open, log };
}
