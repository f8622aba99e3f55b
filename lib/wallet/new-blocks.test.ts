import { describe, expect, it, vi } from "vitest";
import { subscribeNewBlocks } from "@/lib/wallet/new-blocks";

/** Just enough of a browser WebSocket to drive the subscription by hand. */
class FakeSocket {
  static instances: FakeSocket[] = [];
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.instances.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.onclose?.();
  }
}

describe("subscribeNewBlocks", () => {
  it("subscribes to NewBlock, reports heights, and falls back (live=false) then reconnects when the socket drops", async () => {
    vi.useFakeTimers();
    FakeSocket.instances = [];
    const heights: number[] = [];
    const status: boolean[] = [];
    const stop = subscribeNewBlocks("http://127.0.0.1:26657", {
      onBlock: (h) => heights.push(h),
      onStatus: (live) => status.push(live),
      retryMs: 1000,
      WebSocketImpl: FakeSocket as unknown as typeof WebSocket,
    });
    const first = FakeSocket.instances[0]!;
    expect(first.url).toBe("ws://127.0.0.1:26657/websocket");
    first.onopen?.();
    expect(JSON.parse(first.sent[0]!)).toMatchObject({ method: "subscribe", params: { query: "tm.event='NewBlock'" } });
    first.onmessage?.({ data: JSON.stringify({ jsonrpc: "2.0", id: "console-new-block", result: {} }) }); // the acknowledgement
    first.onmessage?.({ data: JSON.stringify({ result: { data: { type: "tendermint/event/NewBlock", value: { block: { header: { height: "42" } } } } } }) });
    expect(heights).toEqual([42]);

    first.onclose?.();
    expect(status).toEqual([true, false]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(FakeSocket.instances).toHaveLength(2);

    stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(FakeSocket.instances).toHaveLength(2); // no reconnect after stop
    vi.useRealTimers();
  });
});
