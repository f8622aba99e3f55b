/** Bench page: the Logs viewer (default 100,000-line buffer) on the benchmark's stream. */
import { createRoot } from "react-dom/client";
import { LogViewer } from "@/components/logs/log-viewer";
import { websocketStream } from "./lib/page-probe";

const services = ["web", "api", "db"];
createRoot(document.getElementById("root")!).render(<LogViewer open={websocketStream(`ws://${location.host}/stream`)} services={services} />);
