/**
 * Bench page, the baseline: a naive viewer as the official Akash console has it, every line appended to one Monaco
 * text model (nothing is ever dropped), once per animation frame, scrolled to the end. (The official console is
 * harsher still: it joins all lines into one string and sets the editor's whole value on each update.)
 */
import * as monaco from "monaco-editor/esm/vs/editor/editor.api";
import { websocketStream } from "./lib/page-probe";

(self as unknown as { MonacoEnvironment: object }).MonacoEnvironment = { getWorker: () => new Worker("/editor.worker.js", { type: "module" }) };

const host = document.getElementById("root")!;
host.style.height = "480px";
const editor = monaco.editor.create(host, { value: "", readOnly: true, language: "plaintext", minimap: { enabled: false }, automaticLayout: true });
const model = editor.getModel()!;
let pending: string[] = [];
let scheduled = false;

function flush() {
  scheduled = false;
  const text = pending.join("\n") + "\n";
  pending = [];
  const end = model.getFullModelRange().getEndPosition();
  model.applyEdits([{ range: new monaco.Range(end.lineNumber, end.column, end.lineNumber, end.column), text }]);
  editor.revealLine(model.getLineCount());
}

void (async () => {
  for await (const f of websocketStream(`ws://${location.host}/stream`)({ tail: 1000, signal: new AbortController().signal })) {
    pending.push(`${f.name} ${f.message}`);
    if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(flush);
    }
  }
})();
