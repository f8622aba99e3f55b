/**
 * Browser entry for shell-terminal.browser.test.ts: the ShellTerminal on an in-memory container that has sh but
 * no bash (as alpine images). What the container saw (commands opened, resize frames) is on window for the test.
 */
import { createRoot } from "react-dom/client";
import { fakeContainer } from "@/test/support/fake-container";
import { ShellTerminal } from "@/components/shell/shell-terminal";

const { open, log } = fakeContainer(["sh"]);
(window as unknown as { __container: typeof log }).__container = log;

createRoot(document.getElementById("root")!).render(
  <div id="panel" style={{ width: "900px" }}>
    <ShellTerminal open={open} />
  </div>,
);
