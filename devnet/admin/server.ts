/**
 * The devnet's admin endpoint (loopback only): provider faults (fault-routes.ts), chain stall, log rate, health,
 * the oracle's price (oracle-routes.ts), and the routes the devnet adds (seeding).
 * Every body is zod-validated; errors are JSON { error }; an unknown route lists the known ones.
 */
import http from "node:http";
import { z } from "zod";
import type { ProviderFleet } from "../contract";
import { faultRoutes } from "./fault-routes";
import { oracleRoutes, type OracleAdminDeps } from "./oracle-routes";
import { HttpError, type Routes } from "./route";

export interface AdminDeps extends OracleAdminDeps {
  fleet: ProviderFleet | undefined;
  height(): number;
  isStalled(): boolean;
  setStalled(stalled: boolean): void;
  produceBlock(): number;
  /** routes added by the devnet (e.g. seeding), merged with the built-in ones */
  extraRoutes?: Routes;
}

const stallBody = z.object({ stalled: z.boolean().default(true) });
const logRateBody = z.object({ linesPerSecond: z.number().nonnegative().max(100_000) });

export function startAdmin(deps: AdminDeps, host: string, port: number): Promise<{ port: number; close(): Promise<void> }> {
  const routes: Routes = {
    "GET /health": () => ({ ok: true, height: deps.height(), stalled: deps.isStalled(), providers: deps.fleet ? Object.keys(deps.fleet.endpoints()).length : 0 }),
    ...faultRoutes(() => deps.fleet),
    "POST /chain/stall": (b) => {
      const { stalled } = stallBody.parse(b ?? {});
      deps.setStalled(stalled);
      return { stalled, height: deps.height() };
    },
    "POST /chain/unstall": () => {
      deps.setStalled(false);
      return { stalled: false, height: deps.height() };
    },
    "POST /chain/block": () => ({ height: deps.produceBlock() }),
    "POST /log-rate": (b) => {
      const { linesPerSecond } = logRateBody.parse(b);
      if (!deps.fleet) throw new HttpError(409, "the provider fleet is not running");
      deps.fleet.setLogRate(linesPerSecond);
      return { linesPerSecond };
    },
    ...oracleRoutes(deps),
    ...deps.extraRoutes,
  };

  const server = http.createServer(async (req, res) => {
    const send = (status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    const route = routes[`${req.method} ${new URL(req.url ?? "/", "http://x").pathname}`];
    if (!route) return send(404, { error: `no route ${req.method} ${req.url}`, routes: Object.keys(routes) });
    try {
      let body: unknown;
      if (req.method === "POST") {
        const chunks: Buffer[] = [];
        for await (const c of req) chunks.push(c as Buffer);
        const text = Buffer.concat(chunks).toString("utf8");
        body = text ? JSON.parse(text) : undefined;
      }
      send(200, await route(body));
    } catch (e) {
      if (e instanceof z.ZodError) return send(400, { error: e.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ") });
      if (e instanceof SyntaxError) return send(400, { error: "invalid JSON body" });
      if (e instanceof HttpError) return send(e.status, { error: e.message });
      send(500, { error: (e as Error).message });
    }
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () =>
      resolve({
        port: (server.address() as { port: number }).port,
        close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
      }),
    );
  });
}
