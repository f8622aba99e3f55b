/**
 * One CometBFT websocket (ws://host/websocket) with JSON-RPC `subscribe` calls on the event bus, reduced to three
 * callbacks: live (every subscription acknowledged), event (a Tx matched), down (closed or failed, with why).
 * It never reconnects by itself: the caller owns the backoff, so the policy lives in one place (bids-stream.ts).
 * The WebSocket constructor is injected: the browser's global one, or `ws` under Node 20 (tests, bench).
 */

/** The part of the WHATWG WebSocket the subscription uses (the browser's and `ws`'s both have it). */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code?: number; reason?: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}
export type WebSocketConstructor = new (url: string) => WebSocketLike;

export interface TxEvent {
  /** composite "type.attribute" -> values, as CometBFT's event bus reports them */
  events: Record<string, string[]>;
  height: number | null;
}

export interface SubscriptionHandlers {
  onLive(): void;
  onEvent(ev: TxEvent): void;
  onDown(reason: string): void;
}

/** ws://host:26657/websocket from the RPC URL the network configures (http -> ws, https -> wss). */
export function websocketUrl(rpcUrl: string): string {
  const u = new URL(rpcUrl);
  u.protocol = u.protocol === "https:" ? "wss:" : "ws:";
  u.pathname = `${u.pathname.replace(/\/+$/, "")}/websocket`;
  u.search = "";
  return u.toString();
}

/** Opens the socket and subscribes to each query; returns a close function that never reports `onDown`. */
export function subscribeTxs(url: string, queries: readonly string[], Impl: WebSocketConstructor, h: SubscriptionHandlers): () => void {
  let closedByUs = false;
  let down = false;
  const pending = new Set<number>();
  let ws: WebSocketLike;
  const fail = (reason: string) => {
    if (down || closedByUs) return;
    down = true;
    try {
      ws.close();
    } catch {
      /* already closed */
    }
    h.onDown(reason);
  };
  try {
    ws = new Impl(url);
  } catch (err) {
    // a malformed URL throws synchronously; report it like any other failure, on the next tick
    queueMicrotask(() => h.onDown(err instanceof Error ? err.message : String(err)));
    return () => undefined;
  }

  ws.onopen = () => {
    queries.forEach((query, i) => {
      const id = i + 1;
      pending.add(id);
      ws.send(JSON.stringify({ jsonrpc: "2.0", id, method: "subscribe", params: { query } }));
    });
  };
  ws.onmessage = (ev) => {
    let msg: { id?: unknown; result?: unknown; error?: { message?: string; data?: string } };
    try {
      msg = JSON.parse(typeof ev.data === "string" ? ev.data : String(ev.data)) as typeof msg;
    } catch {
      return fail("the node sent a message that is not JSON");
    }
    if (msg.error) return fail(`the node refused the subscription: ${msg.error.data || msg.error.message || "unknown error"}`);
    const result = msg.result as { events?: unknown; data?: { value?: { TxResult?: { height?: unknown } } } } | undefined;
    if (typeof msg.id === "number" && pending.has(msg.id) && (!result || !result.events)) {
      pending.delete(msg.id);
      if (pending.size === 0) h.onLive();
      return;
    }
    if (result && result.events && typeof result.events === "object") {
      const height = Number(result.data?.value?.TxResult?.height);
      h.onEvent({ events: result.events as Record<string, string[]>, height: Number.isFinite(height) && height > 0 ? height : null });
    }
  };
  ws.onerror = () => fail("the websocket failed");
  ws.onclose = (ev) => fail(`the websocket closed${ev?.code ? ` (code ${ev.code})` : ""}`);

  return () => {
    closedByUs = true;
    try {
      ws.close(1000, "done");
    } catch {
      /* already closed */
    }
  };
}
