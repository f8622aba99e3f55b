/**
 * The devnet's admin endpoint (loopback only): provider faults, chain stall, log rate, health, and the oracle's
 * price (oracle-routes.ts).
 * Every body is zod-validated; errors are JSON { error }.
 */
import http from "node:http";
import { z } from "zod";
import type { ProviderFault, ProviderFleet } from "../contract";
import { oracleRoutes, type OracleAdminDeps } from "./oracle-routes";

export interface AdminDeps extends OracleAdminDeps {
  fleet: ProviderFleet | undefined;
  height(): number;
  isStalled(): boolean;
  setStalled(stalled: boolean): void;
  produceBlock(): number;
}

const FAULTS = ["down", "http500", "late-bids", "no-bids", "drop-streams", "expired-cert", "unregistered-cert"] as const satisfies readonly ProviderFault[];

const faultBody = z.object({ provider: z.string().regex(/^akash1[0-9a-z]{38}$/), fault: z.enum(FAULTS).nullable() });
const stallBody = z.object({ stalled: z.boolean().default(true) });
const logRateBody = z.object({ linesPerSecond: z.number().nonnegative().max(100_000) });

export function startAdmin(deps: AdminDeps, host: string, port: number): Promise<{ port: number; close(): Promise<void> }> {
  const routes: Record<string, (body: unknown) => unknown | Promise<unknown>> = {
    "GET /health": () => ({ ok: true, height: deps.height(), stalled: deps.isStalled(), providers: deps.fleet ? Object.keys(deps.fleet.endpoints()).length : 0 }),
    "POST /fault": async (b) => {
      const { provider, fault } = faultBody.parse(b);
      if (!deps.fleet) throw new HttpError(409, "the provider fleet is not running");
      if (!(provider in deps.fleet.endpoints())) throw new HttpError(404, `unknown provider ${provider}`);
      await deps.fleet.setFault(provider, fault);
      return { provider, fault };
    },
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

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}
