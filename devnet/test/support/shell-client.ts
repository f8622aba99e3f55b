/** A test client of the lease shell websocket: sends stdin / resize frames, collects output until the session ends. */
import WebSocket from "ws";

export interface ShellRun {
  /** stdout (100) as text */
  stdout: string;
  /** stderr (101) as text */
  stderr: string;
  /** the parsed result frame (102), if one came */
  result?: { exit_code: number; message?: string };
  /** the raw result payload, to check its exact encoding */
  resultText?: string;
  failure: boolean;
  /** every frame's code, in order */
  codes: number[];
  closeCode: number;
  /** HTTP status when the upgrade was refused */
  status?: number;
}

export interface ShellConn {
  stdin(text: string): void;
  resize(width: number, height: number): void;
  raw(frame: Buffer): void;
  /** resolves when stdout (so far) satisfies `test` */
  waitStdout(test: (out: string) => boolean, timeoutMs?: number): Promise<string>;
  done: Promise<ShellRun>;
  close(): void;
  ws: WebSocket;
}

export function shellUrl(lease: string, cmd: string[], q: { tty?: boolean; stdin?: boolean; service: string; podIndex?: number }): string {
  const p = new URLSearchParams();
  cmd.forEach((c, i) => p.set(`cmd${i}`, c));
  p.set("tty", q.tty ? "1" : "0");
  p.set("stdin", q.stdin ? "1" : "0");
  p.set("podIndex", String(q.podIndex ?? 0));
  p.set("service", q.service);
  return `${lease.replace(/^https/, "wss")}/shell?${p}`;
}

export function openShell(url: string, headers: Record<string, string>): ShellConn {
  const ws = new WebSocket(url, { headers, rejectUnauthorized: false });
  const run: ShellRun = { stdout: "", stderr: "", failure: false, codes: [], closeCode: 0 };
  const waiters = new Set<() => void>();
  const done = new Promise<ShellRun>((resolve) => {
    ws.on("message", (data: Buffer) => {
      const code = data[0]!;
      const body = data.subarray(1).toString("utf8");
      run.codes.push(code);
      if (code === 100) run.stdout += body;
      else if (code === 101) run.stderr += body;
      else if (code === 102) {
        run.resultText = body;
        run.result = JSON.parse(body) as ShellRun["result"];
      } else if (code === 103) run.failure = true;
      for (const w of waiters) w();
    });
    ws.on("unexpected-response", (_req, res) => {
      run.status = res.statusCode;
      resolve(run);
    });
    ws.on("close", (code) => {
      run.closeCode = code;
      resolve(run);
    });
    ws.on("error", () => {
      /* close follows */
    });
  });
  const send = (frame: Buffer) => (ws.readyState === WebSocket.OPEN ? ws.send(frame) : ws.once("open", () => ws.send(frame)));
  return {
    ws,
    done,
    stdin: (text) => send(Buffer.concat([Buffer.from([104]), Buffer.from(text, "utf8")])),
    resize: (width, height) => {
      const f = Buffer.alloc(5);
      f[0] = 105;
      f.writeUInt16BE(width, 1);
      f.writeUInt16BE(height, 3);
      send(f);
    },
    raw: send,
    close: () => ws.close(),
    waitStdout: (test, timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (test(run.stdout)) {
            waiters.delete(check);
            clearTimeout(t);
            resolve(run.stdout);
          }
        };
        const t = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`stdout never matched; got ${JSON.stringify(run.stdout.slice(-300))}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
  };
}

/** Runs a one-shot command and returns what the session produced. */
export function runShell(lease: string, headers: Record<string, string>, cmd: string[], q: { tty?: boolean; stdin?: boolean; service: string; podIndex?: number }) {
  return openShell(shellUrl(lease, cmd, q), headers).done;
}
