/**
 * NewBlock events from CometBFT's websocket (`{rpc}/websocket`, JSON-RPC `subscribe` with the query
 * `tm.event='NewBlock'`). The console refreshes what depends on chain state (balances) once per block instead of on
 * a timer; when the socket is down, `onStatus(false)` tells the caller to fall back to polling.
 */
export interface NewBlockOptions {
  onBlock(height: number): void;
  onStatus?(live: boolean): void;
  /** wait before reconnecting after the socket closed */
  retryMs?: number;
  WebSocketImpl?: typeof WebSocket;
}

export function websocketUrl(rpcUrl: string): string {
  const url = new URL(rpcUrl);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  url.pathname = `${url.pathname.replace(/\/+$/, "")}/websocket`;
  return url.toString();
}

interface EventMessage {
  result?: { data?: { type?: string; value?: { block?: { header?: { height?: string } } } } };
}

/** Subscribes until the returned function is called; reconnects after `retryMs` when the socket closes. */
export function subscribeNewBlocks(rpcUrl: string, options: NewBlockOptions): () => void {
  const Impl = options.WebSocketImpl ?? WebSocket;
  const retryMs = options.retryMs ?? 5_000;
  let socket: WebSocket | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const open = () => {
    if (closed) return;
    const ws = new Impl(websocketUrl(rpcUrl));
    socket = ws;
    ws.onopen = () => {
      ws.send(JSON.stringify({ jsonrpc: "2.0", id: "console-new-block", method: "subscribe", params: { query: "tm.event='NewBlock'" } }));
      options.onStatus?.(true);
    };
    ws.onmessage = (event: MessageEvent) => {
      let msg: EventMessage;
      try {
        msg = JSON.parse(String(event.data)) as EventMessage;
      } catch {
        return;
      }
      const data = msg.result?.data;
      if (data?.type !== "tendermint/event/NewBlock") return; // the subscribe acknowledgement has no data
      options.onBlock(Number(data.value?.block?.header?.height ?? 0));
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      options.onStatus?.(false);
      if (!closed) retry = setTimeout(open, retryMs);
    };
    // an error is followed by close, which schedules the retry
    ws.onerror = () => {};
  };

  open();
  return () => {
    closed = true;
    clearTimeout(retry);
    socket?.close();
    socket = undefined;
  };
}
