/**
 * Browser entry for log-viewer.browser.test.ts: the LogViewer (buffer of 3,000 lines) on an endless in-page stream
 * of the devnet's captured frames at about 2,000 lines/s, each numbered (` #n`) so the test can tell lines apart.
 */
import { createRoot } from "react-dom/client";
import { LogViewer } from "@/components/logs/log-viewer";
import { capturedLogFrames, CAPTURED_SERVICES } from "@/test/support/devnet-capture";
import type { LogFrame } from "@/lib/logs/frames";

const frames = capturedLogFrames("truth");

async function* endless({ signal }: { tail: number; signal: AbortSignal }): AsyncGenerator<LogFrame> {
  for (let n = 0; !signal.aborted; ) {
    await new Promise((r) => setTimeout(r, 20));
    for (let i = 0; i < 40; i++, n++) {
      const f = frames[n % frames.length]!;
      // every 50th line is long, to see wrapping
      yield { name: f.name, message: `${f.message}${n % 50 === 0 ? " " + "lorem ipsum ".repeat(40) : ""} #${n}` };
    }
  }
}

createRoot(document.getElementById("root")!).render(<LogViewer open={endless} services={CAPTURED_SERVICES} capacity={3000} />);
