import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { callApi } from "@/lib/http/json-client";

// A real HTTP server on port 0 answering the shapes the console's routes and a proxy in front of them answer.
let server: Server;
let base = "";
const ROUTES: Record<string, { status: number; type: string; body: string }> = {
  "/ok": { status: 200, type: "application/json", body: JSON.stringify({ id: "d1" }) },
  "/app-error": { status: 404, type: "application/json", body: JSON.stringify({ error: { code: "not_found", message: "This draft does not exist." } }) },
  "/proxy-502": { status: 502, type: "text/html", body: "<html>Bad Gateway</html>" },
  "/html-404": { status: 404, type: "text/html", body: "<html>Not Found</html>" },
  "/changed": { status: 200, type: "application/json", body: JSON.stringify({ identifier: "d1" }) },
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const r = ROUTES[req.url ?? ""];
    if (req.url === "/hang") return; // never answers: only an abort ends the request
    res.writeHead(r?.status ?? 500, { "content-type": r?.type ?? "text/plain" }).end(r?.body ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const schema = z.object({ id: z.string() });
const unreachable = "The console's server cannot be reached. Your text is kept in this browser.";

describe("callApi", () => {
  it("returns the parsed body of a successful answer", async () => {
    expect(await callApi(schema, `${base}/ok`, { unreachable })).toEqual({ id: "d1" });
  });

  it("throws the route's own AppError code and message", async () => {
    await expect(callApi(schema, `${base}/app-error`, { unreachable })).rejects.toMatchObject({ code: "not_found", message: "This draft does not exist.", status: 404 });
  });

  it("reports a server that refuses the connection as console.unreachable with the caller's message", async () => {
    await expect(callApi(schema, "http://127.0.0.1:1/api/drafts", { unreachable })).rejects.toMatchObject({ code: "console.unreachable", message: unreachable });
  });

  it("reads a proxy's 502 page as console.unreachable", async () => {
    await expect(callApi(schema, `${base}/proxy-502`, { unreachable })).rejects.toMatchObject({ code: "console.unreachable", status: 502 });
  });

  it("reports an error answer without the console's error body as internal, naming the path", async () => {
    await expect(callApi(schema, `${base}/html-404`, { unreachable })).rejects.toMatchObject({ code: "internal", message: expect.stringContaining("404 to") });
  });

  it("refuses a successful answer of another shape instead of handing it on", async () => {
    await expect(callApi(schema, `${base}/changed`, { unreachable })).rejects.toMatchObject({ code: "internal", message: expect.stringContaining("unexpected body") });
  });

  it("hands a cancellation on as the abort it is, not as an unreachable server", async () => {
    const ac = new AbortController();
    const call = callApi(schema, `${base}/hang`, { unreachable, signal: ac.signal });
    ac.abort(new DOMException("cancelled", "AbortError"));
    await expect(call).rejects.toMatchObject({ name: "AbortError" });
  });
});
