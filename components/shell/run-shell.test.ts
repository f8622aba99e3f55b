import { describe, expect, it } from "vitest";
import { fakeContainer, MISSING_COMMAND } from "@/test/support/fake-container";
import { OutputPacer, runShell, type ShellPhase, type TerminalSink } from "@/components/shell/run-shell";
import type { ShellSession } from "@/components/shell/shell-session";

/** A terminal that records what it was given; `parse` decides when a write's callback runs. */
function sink(cols = 120, rows = 30) {
  const written: string[] = [];
  const callbacks: (() => void)[] = [];
  const term: TerminalSink & { text(): string; drain(): void } = {
    cols,
    rows,
    write(data, cb) {
      written.push(typeof data === "string" ? data : new TextDecoder().decode(data));
      if (cb) callbacks.push(cb);
    },
    text: () => written.join(""),
    drain: () => callbacks.splice(0).forEach((c) => c()),
  };
  return term;
}

function hooks() {
  const phases: ShellPhase[] = [];
  const notices: string[] = [];
  let session: ShellSession | null = null;
  return {
    phases,
    notices,
    get session() {
      return session;
    },
    onSession: (s: ShellSession | null) => (session = s),
    onPhase: (p: ShellPhase) => phases.push(p),
    onNotice: (n: string) => notices.push(n),
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("runShell", () => {
  it("opens bash, falls back to sh when the container has no bash, and sends the terminal size", async () => {
    const { open, log } = fakeContainer(["sh"]);
    const term = sink(100, 25);
    const h = hooks();
    const done = runShell(term, open, new AbortController().signal, h);
    for (let i = 0; i < 20 && !h.session; i++) await tick();
    term.drain();
    expect(log.opened.map((o) => o.command)).toEqual([["bash"], ["sh"]]);
    expect(log.opened[1]).toMatchObject({ tty: true, cols: 100, rows: 25 });
    expect(log.resizes).toEqual([[100, 25], [100, 25]]); // each session is told the size at once
    expect(h.notices).toEqual(["bash is not available in this container; using sh."]);
    h.session!.write("echo hello\r");
    await tick();
    term.drain();
    expect(term.text()).toContain("hello\r\n/ # ");
    h.session!.write("exit 3\r");
    await done;
    expect(h.phases.at(-1)).toEqual({ state: "exited", shell: "sh", exitCode: 3, message: undefined });
    expect(term.text()).toContain("[sh exited with code 3]");
  });

  it("keeps bash when the container has it", async () => {
    const { open, log } = fakeContainer(["bash", "sh"]);
    const h = hooks();
    const done = runShell(sink(), open, new AbortController().signal, h);
    for (let i = 0; i < 20 && !h.session; i++) await tick();
    h.session!.write("exit 0\r");
    await done;
    expect(log.opened.map((o) => o.command)).toEqual([["bash"]]);
    expect(h.phases.at(-1)).toMatchObject({ state: "exited", shell: "bash", exitCode: 0 });
  });

  it("says so when the container has neither bash nor sh", async () => {
    const { open } = fakeContainer([]);
    const h = hooks();
    await runShell(sink(), open, new AbortController().signal, h);
    expect(h.phases.at(-1)).toEqual({ state: "failed", message: `The container has no shell (bash, sh are missing): ${MISSING_COMMAND}` });
  });

  it("reports a failed open with its message", async () => {
    const h = hooks();
    await runShell(sink(), async () => Promise.reject(new Error("The provider refused the shell: token lacks the shell scope.")), new AbortController().signal, h);
    expect(h.phases.at(-1)).toEqual({ state: "failed", message: "The provider refused the shell: token lacks the shell scope." });
  });
});

describe("OutputPacer", () => {
  it("pauses reading while the terminal has more than 512 KiB to parse, and resumes when it caught up", async () => {
    const term = sink();
    const pacer = new OutputPacer(term);
    const chunk = new Uint8Array(64 * 1024);
    let written = 0;
    const flood = (async () => {
      for (let i = 0; i < 100; i++) {
        await pacer.write(chunk);
        written++;
      }
    })();
    await tick();
    expect(written).toBe(8); // the 9th write crossed the high-water mark and waits
    expect(pacer.queued).toBe(9 * 64 * 1024);
    term.drain();
    await tick();
    expect(written).toBeGreaterThan(9);
    for (let i = 0; i < 20; i++) {
      term.drain();
      await tick();
    }
    await flood;
    expect(written).toBe(100);
  });
});
