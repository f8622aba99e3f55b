/**
 * An interactive shell over the session's stdin frames. With a tty it behaves like bash on a pty in cooked mode:
 * a prompt, typed keys echoed, Backspace, Ctrl-C (aborts the running command, or drops the line), Ctrl-D on an
 * empty line (exit); escape sequences such as arrow keys are ignored. Without a tty: no prompt, no echo, one
 * command per "\n"-terminated line.
 */
import { SHELL_STDOUT } from "./shell-frames";
import type { Shell } from "./shell-interpreter";
import type { ShellSession } from "./shell-session";

const ESC = "\u001b";

export function runInteractive(shell: Shell, session: ShellSession): Promise<number> {
  const tty = session.tty;
  const raw = (s: string) => void session.write(SHELL_STDOUT, s);
  return new Promise<number>((resolve) => {
    let line = "";
    const pending: string[] = [];
    let running: AbortController | undefined;
    let inEscape = false;
    let done = false;
    const end = (code: number) => {
      if (done) return;
      done = true;
      resolve(code);
    };
    session.abortOnClose.addEventListener("abort", () => {
      running?.abort();
      end(shell.lastExit);
    });

    const pump = async () => {
      if (running || done) return;
      while (pending.length && !done) {
        const ctl = new AbortController();
        running = ctl;
        const onClose = () => ctl.abort();
        session.abortOnClose.addEventListener("abort", onClose);
        await shell.runLine(pending.shift()!, session.io(ctl.signal));
        session.abortOnClose.removeEventListener("abort", onClose);
        running = undefined;
        if (ctl.signal.aborted) {
          shell.lastExit = 130;
          if (tty) raw("\r\n");
        }
        if (shell.exitCode !== undefined) {
          if (shell.name === "bash" && tty) raw("exit\r\n");
          return end(shell.exitCode);
        }
        if (tty) raw(shell.prompt());
      }
    };

    const onKey = (ch: string) => {
      if (inEscape) {
        if (/[A-Za-z~]/.test(ch)) inEscape = false;
        return;
      }
      if (ch === ESC) inEscape = true;
      else if (ch === "\u0003") {
        raw("^C");
        if (running) running.abort();
        else {
          line = "";
          pending.length = 0;
          shell.lastExit = 130;
          raw("\r\n" + shell.prompt());
        }
      } else if (ch === "\u0004") {
        if (line === "" && !running && pending.length === 0) {
          if (shell.name === "bash") raw("exit\r\n");
          end(shell.lastExit);
        }
      } else if (ch === "\r" || ch === "\n") {
        raw("\r\n");
        pending.push(line);
        line = "";
      } else if (ch === "\u007f" || ch === "\b") {
        if (line) {
          line = line.slice(0, -1);
          raw("\b \b");
        }
      } else if (ch >= " ") {
        line += ch;
        raw(ch);
      }
    };

    session.onInput((data) => {
      if (done) return;
      const text = data.toString("utf8");
      if (tty) for (const ch of text) onKey(ch);
      else {
        const parts = (line + text).split("\n");
        line = parts.pop()!;
        pending.push(...parts);
      }
      void pump();
    });
    if (tty) raw(shell.prompt());
  });
}
