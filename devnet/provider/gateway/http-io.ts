/** Small HTTP helpers shared by the gateway's routes: replies as the Go gateway writes them, bodies, errors. */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";

export const JSON_TYPE = "application/json; charset=UTF-8";
/** Go's http.Error content type */
export const TEXT_TYPE = "text/plain; charset=utf-8";

/** An error a route answers with `status` and a text body, as Go's http.Error does. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function send(res: ServerResponse, status: number, body: unknown, contentType = JSON_TYPE): void {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, { "Content-Type": contentType, "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  send(res, status, text, TEXT_TYPE);
}

/** Answers a websocket upgrade request with a plain HTTP error, then closes the socket. */
export function rejectUpgrade(socket: Socket, status: number, body: string, contentType = JSON_TYPE): void {
  const reason =
    { 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 500: "Internal Server Error", 503: "Service Unavailable" }[status] ?? "Error";
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: ${contentType}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new HttpError(413, "request body too large"));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
