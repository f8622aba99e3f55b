/**
 * The executables of the simulated container (/bin): each writes through ShellIO, which waits while the client is
 * slow, and stops when the session ends or Ctrl-C aborts it. Error texts are those of GNU coreutils (Debian images)
 * or BusyBox (Alpine images).
 */
import { setTimeout as sleep } from "node:timers/promises";
import { listDir, resolvePath, type Container } from "./shell-container";

export interface ShellIO {
  out(text: string): Promise<void>;
  err(text: string): Promise<void>;
  /** aborted by Ctrl-C in an interactive session, or when the session ends */
  readonly signal: AbortSignal;
  readonly tty: boolean;
  /** the last terminal size the client sent (0 0 before any resize, as a fresh pty) */
  size(): { cols: number; rows: number };
}

export interface ShellState {
  readonly c: Container;
  cwd: string;
  env: Map<string, string>;
}

type Command = (args: string[], st: ShellState, io: ShellIO) => Promise<number>;

/** Output of a flood goes out in chunks of about this many bytes. */
const CHUNK = 64 * 1024;

const gnu = (st: ShellState) => st.c.os === "debian";

export const COMMANDS: Record<string, Command> = {
  echo: async (args, _st, io) => {
    const noNewline = args[0] === "-n";
    await io.out((noNewline ? args.slice(1) : args).join(" ") + (noNewline ? "" : "\n"));
    return 0;
  },
  env: async (_args, st, io) => {
    await io.out([...st.env].map(([k, v]) => `${k}=${v}\n`).join(""));
    return 0;
  },
  printenv: async (args, st, io) => {
    if (args.length === 0) return COMMANDS.env!(args, st, io);
    const values = args.map((a) => st.env.get(a));
    await io.out(values.filter((v) => v !== undefined).map((v) => `${v}\n`).join(""));
    return values.every((v) => v !== undefined) ? 0 : 1;
  },
  hostname: async (_args, st, io) => {
    await io.out(`${st.c.hostname}\n`);
    return 0;
  },
  pwd: async (_args, st, io) => {
    await io.out(`${st.cwd}\n`);
    return 0;
  },
  whoami: async (_args, _st, io) => {
    await io.out("root\n");
    return 0;
  },
  uname: async (args, st, io) => {
    await io.out(args.includes("-a") ? `Linux ${st.c.hostname} 6.8.0-devnet #1 SMP PREEMPT_DYNAMIC x86_64 GNU/Linux\n` : "Linux\n");
    return 0;
  },
  true: async () => 0,
  false: async () => 1,
  ls: async (args, st, io) => {
    const paths = args.filter((a) => !a.startsWith("-"));
    let code = 0;
    const blocks: string[] = [];
    for (const p of paths.length ? paths : ["."]) {
      const abs = resolvePath(st.cwd, p);
      if (st.c.files.has(abs)) blocks.push(p);
      else if (st.c.dirs.has(abs)) {
        const names = listDir(st.c, abs);
        blocks.push((paths.length > 1 ? `${p}:\n` : "") + names.join(io.tty ? "  " : "\n"));
      } else {
        await io.err(gnu(st) ? `ls: cannot access '${p}': No such file or directory\n` : `ls: ${p}: No such file or directory\n`);
        code = gnu(st) ? 2 : 1;
      }
    }
    const text = blocks.filter((b) => b !== "").join(paths.length > 1 ? "\n\n" : "\n");
    if (text) await io.out(text + "\n");
    return code;
  },
  cat: async (args, st, io) => {
    let code = 0;
    for (const p of args) {
      const abs = resolvePath(st.cwd, p);
      const text = st.c.files.get(abs);
      if (text !== undefined) await io.out(text);
      else {
        await io.err(`cat: ${gnu(st) ? p : `can't open '${p}'`}: ${st.c.dirs.has(abs) ? "Is a directory" : "No such file or directory"}\n`);
        code = 1;
      }
    }
    return code;
  },
  stty: async (args, st, io) => {
    if (!io.tty) {
      await io.err(gnu(st) ? "stty: 'standard input': Inappropriate ioctl for device\n" : "stty: standard input: Not a tty\n");
      return 1;
    }
    if (args[0] !== "size") {
      await io.err(`stty: invalid argument '${args[0] ?? ""}'\n`);
      return 1;
    }
    const { cols, rows } = io.size();
    await io.out(`${rows} ${cols}\n`);
    return 0;
  },
  sleep: async (args, _st, io) => {
    const secs = Number(args[0]);
    if (!Number.isFinite(secs) || secs < 0) {
      await io.err(`sleep: invalid time interval '${args[0] ?? ""}'\n`);
      return 1;
    }
    await sleep(secs * 1000, undefined, { signal: io.signal }).catch(() => undefined);
    return io.signal.aborted ? 130 : 0;
  },
  /** seq [FIRST [INCREMENT]] LAST: the stdout flood of a known size */
  seq: async (args, st, io) => {
    const nums = args.map(Number);
    if (nums.length === 0 || nums.length > 3 || nums.some((n) => !Number.isInteger(n))) {
      await io.err(gnu(st) ? "seq: missing or invalid operand\n" : "Usage: seq [-w] [-s SEP] [FIRST [INC]] LAST\n");
      return 1;
    }
    const [first, inc, last] = nums.length === 1 ? [1, 1, nums[0]!] : nums.length === 2 ? [nums[0]!, 1, nums[1]!] : [nums[0]!, nums[1]!, nums[2]!];
    if (inc === 0) return 1;
    let chunk = "";
    for (let n = first; inc > 0 ? n <= last : n >= last; n += inc) {
      chunk += `${n}\n`;
      if (chunk.length >= CHUNK) {
        if (io.signal.aborted) return 130;
        await io.out(chunk);
        chunk = "";
      }
    }
    if (chunk) await io.out(chunk);
    return io.signal.aborted ? 130 : 0;
  },
  /** yes [STRING]: the endless stdout flood, until Ctrl-C or the session ends */
  yes: async (args, _st, io) => {
    const line = `${args.length ? args.join(" ") : "y"}\n`;
    const chunk = line.repeat(Math.max(1, Math.floor(CHUNK / line.length)));
    while (!io.signal.aborted) await io.out(chunk);
    return 130;
  },
};
