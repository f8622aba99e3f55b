/** Bench page: the deployments table, rendered from one page of the overview route's answer. */
import "./lib/process-shim";
import { createRoot } from "react-dom/client";
import { flushSync } from "react-dom";
import { DeploymentRows } from "@/components/deployments/deployment-rows";
import type { DeploymentRowDto } from "@/lib/deploy/api-client";
import type { Network } from "@/lib/networks";

const root = createRoot(document.getElementById("root")!);
// what the rows read of the network (lib/networks reads process.env, which a bare page has not)
const network = { id: "devnet", chainName: "Akash Devnet (local)", averageBlockTimeSeconds: 1 } as Network;

/** Renders `rows` and resolves with the ms until the browser painted them (two animation frames). */
(window as unknown as { renderRows(rows: DeploymentRowDto[]): Promise<number> }).renderRows = (rows) => {
  const started = performance.now();
  flushSync(() => root.render(<DeploymentRows key={started} rows={rows} network={network} aktUsd={null} closing={new Set()} />));
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - started))));
};
