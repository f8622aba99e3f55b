import { z } from "zod";
import { APP_ERROR_CODES } from "@/lib/errors/app-error";
import { leaseRefSchema, serviceName } from "@/lib/provider-gateway/lease-ref";
import { kubeEventFrameWire, logFrameWire } from "@/lib/provider-gateway/schemas";

/**
 * The websocket between a browser tab and the console's server, one socket per stream (logs, events or a shell),
 * at STREAM_PATH on the console's own origin (the custom server's upgrade handler, server.ts).
 *
 * Browser -> console
 *   text   {"type":"open", token, kind, lease, …}   first message, within OPEN_TIMEOUT_MS; nothing reaches a provider
 *                                                    before it passed the session, token and on-chain lease checks
 *   text   {"type":"token", token}                  a refreshed token (kept for a reconnect to the provider)
 *   binary shell input frames, as the provider takes them (104 stdin, 105 resize), shell only
 * Console -> browser
 *   text   {"type":"opened"}                        the provider accepted the stream
 *   text   {"type":"frames", frames:[…]}            log or event frames, batched
 *   text   {"type":"heartbeat"}                     every HEARTBEAT_MS, so a tab notices a silent, dead socket
 *   text   {"type":"token_needed"}                  the server must reconnect to the provider and its token expires
 *   text   {"type":"reconnecting", attempt}         the provider dropped the stream; the server is resuming it
 *   text   {"type":"error", code, message, details} why the stream ends; followed by close CLOSE_ERROR
 *   binary shell output frames, as the provider sent them (100 stdout, 101 stderr, 102 result, 103 failure)
 * Close codes: 1000 the stream ended normally, CLOSE_ERROR after an error frame; anything else is a dropped socket.
 */

export const STREAM_PATH = "/api/provider-stream";
export const CLOSE_NORMAL = 1000;
export const CLOSE_ERROR = 4400;
export const OPEN_TIMEOUT_MS = 10_000;
export const HEARTBEAT_MS = 15_000;
/** the provider's own maximum tail is what a viewer may ask for; -1 means all */
export const MAX_TAIL = 100_000;

const token = z.string().min(1).max(8192);

export const openStreamMessage = z.object({
  type: z.literal("open"),
  token,
  kind: z.enum(["logs", "events"]),
  lease: leaseRefSchema,
  services: z.array(serviceName).max(64).optional(),
  tail: z.number().int().min(-1).max(MAX_TAIL),
  follow: z.boolean(),
});

export const openShellMessage = z.object({
  type: z.literal("open"),
  token,
  kind: z.literal("shell"),
  lease: leaseRefSchema,
  service: serviceName,
  command: z.array(z.string().min(1).max(4096)).min(1).max(64),
  tty: z.boolean(),
  stdin: z.boolean(),
  podIndex: z.number().int().min(0).max(1000).optional(),
});

export const clientMessage = z.union([openStreamMessage, openShellMessage, z.object({ type: z.literal("token"), token })]);
export type ClientMessage = z.infer<typeof clientMessage>;
export type OpenStream = z.infer<typeof openStreamMessage>;
export type OpenShell = z.infer<typeof openShellMessage>;

export const errorDetails = z
  .object({ closeCode: z.number().optional(), reason: z.string().optional(), status: z.number().optional(), body: z.string().optional(), provider: z.string().optional() })
  .optional();

export const serverMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("opened") }),
  z.object({ type: z.literal("frames"), frames: z.array(z.unknown()) }),
  z.object({ type: z.literal("heartbeat") }),
  z.object({ type: z.literal("token_needed") }),
  z.object({ type: z.literal("reconnecting"), attempt: z.number() }),
  z.object({ type: z.literal("error"), code: z.enum(APP_ERROR_CODES), message: z.string(), details: errorDetails }),
]);
export type ServerMessage = z.infer<typeof serverMessage>;

export const logFrames = z.array(logFrameWire);
export const eventFrames = z.array(kubeEventFrameWire);
