/**
 * A small shell for the simulated container: words with '' and "" quoting, $VAR / ${VAR} / $? expansion, command
 * lists joined by ; && ||, the builtins cd, export and exit, and the executables of shell-commands.ts. Enough for
 * a terminal to feel real and for tests to assert exact output; no pipes, redirections or globbing.
 */
import { COMMANDS, type ShellIO, type ShellState } from "./shell-commands";
import type { Container } from "./shell-container";
import { resolvePath } from "./shell-container";

export type ShellName = "bash" | "sh";

export class Shell implements ShellState {
  cwd = "/";
  env: Map<string, string>;
  lastExit = 0;
  /** set by the exit builtin: the shell ends with this code */
  exitCode: number | undefined;

  constructor(
    readonly c: Container,
    readonly name: ShellName,
  ) {
    this.env = new Map(c.env);
  }

  prompt(): string {
    if (this.name === "bash") return `root@${this.c.hostname}:${this.cwd === "/root" ? "~" : this.cwd}# `;
    return `${this.cwd === "/root" ? "~" : this.cwd} # `;
  }

  /** Runs one input line; afterwards `exitCode` is set if it ran `exit`. */
  async runLine(line: string, io: ShellIO): Promise<void> {
    let parsed: { words: string[]; op: string }[];
    try {
      parsed = this.parse(line);
    } catch (e) {
      await io.err(`${this.name}: ${(e as Error).message}\n`);
      this.lastExit = 2;
      return;
    }
    let prevOp = ";";
    for (const { words, op } of parsed) {
      const skip = (prevOp === "&&" && this.lastExit !== 0) || (prevOp === "||" && this.lastExit === 0);
      prevOp = op;
      if (skip || words.length === 0) continue;
      this.lastExit = await this.runCommand(words, io);
      if (this.exitCode !== undefined || io.signal.aborted) return;
    }
  }

  private async runCommand(words: string[], io: ShellIO): Promise<number> {
    const [name, ...args] = words as [string, ...string[]];
    if (name === "exit") {
      const n = args.length ? Number(args[0]) : this.lastExit;
      this.exitCode = Number.isInteger(n) ? ((n % 256) + 256) % 256 : 2;
      return this.exitCode;
    }
    if (name === "cd") {
      const target = resolvePath(this.cwd, args[0] ?? this.env.get("HOME") ?? "/");
      if (!this.c.dirs.has(target)) {
        await io.err(this.name === "bash" ? `bash: cd: ${args[0]}: No such file or directory\n` : `sh: cd: can't cd to ${args[0]}: No such file or directory\n`);
        return 1;
      }
      this.cwd = target;
      return 0;
    }
    if (name === "export") {
      for (const a of args) {
        const i = a.indexOf("=");
        if (i > 0) this.env.set(a.slice(0, i), a.slice(i + 1));
      }
      return 0;
    }
    const bin = name.startsWith("/bin/") ? name.slice(5) : name;
    const cmd = this.c.bin.includes(bin) ? COMMANDS[bin] : undefined;
    if (cmd) return cmd(args, this, io);
    if (bin === "bash" || bin === "sh") {
      // a nested shell with -c runs its script; an interactive one is not simulated
      if (args[0] !== "-c") return 0;
      const nested = new Shell(this.c, bin);
      nested.cwd = this.cwd;
      nested.env = new Map(this.env);
      await nested.runLine(args[1] ?? "", io);
      return nested.exitCode ?? nested.lastExit;
    }
    await io.err(this.name === "bash" ? `bash: ${name}: command not found\n` : `sh: ${name}: not found\n`);
    return 127;
  }

  /** Splits a line into commands (words after expansion) and the operator that follows each. */
  parse(line: string): { words: string[]; op: string }[] {
    const out: { words: string[]; op: string }[] = [];
    let words: string[] = [];
    let word = "";
    let inWord = false;
    let i = 0;
    const endWord = () => {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
    };
    const endCommand = (op: string) => {
      endWord();
      out.push({ words, op });
      words = [];
    };
    while (i < line.length) {
      const ch = line[i]!;
      if (ch === "#" && !inWord) break;
      if (ch === " " || ch === "\t") {
        endWord();
        i++;
      } else if (ch === ";") {
        endCommand(";");
        i++;
      } else if ((ch === "&" || ch === "|") && line[i + 1] === ch) {
        endCommand(ch + ch);
        i += 2;
      } else if (ch === "'") {
        const end = line.indexOf("'", i + 1);
        if (end < 0) throw new Error("unexpected EOF while looking for matching `''");
        word += line.slice(i + 1, end);
        inWord = true;
        i = end + 1;
      } else if (ch === '"') {
        let j = i + 1;
        while (j < line.length && line[j] !== '"') {
          if (line[j] === "$") {
            const [value, next] = this.expand(line, j);
            word += value;
            j = next;
          } else word += line[j++];
        }
        if (j >= line.length) throw new Error('unexpected EOF while looking for matching `"\'');
        inWord = true;
        i = j + 1;
      } else if (ch === "$") {
        const [value, next] = this.expand(line, i);
        word += value;
        inWord = true;
        i = next;
      } else if (ch === "\\" && i + 1 < line.length) {
        word += line[i + 1];
        inWord = true;
        i += 2;
      } else {
        word += ch;
        inWord = true;
        i++;
      }
    }
    endCommand(";");
    return out;
  }

  /** $? $VAR ${VAR} at line[i] === "$": the value and the index after it. */
  private expand(line: string, i: number): [string, number] {
    if (line[i + 1] === "?") return [String(this.lastExit), i + 2];
    if (line[i + 1] === "{") {
      const end = line.indexOf("}", i + 2);
      if (end < 0) return ["$", i + 1];
      return [this.env.get(line.slice(i + 2, end)) ?? "", end + 1];
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(line.slice(i + 1));
    if (!m) return ["$", i + 1];
    return [this.env.get(m[0]) ?? "", i + 1 + m[0].length];
  }
}
