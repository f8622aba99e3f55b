import type { ChainBid } from "@/lib/chain/rest-schemas";
import type { RestClient } from "@/lib/chain/rest";
import { isAkashAddress } from "@/lib/chain/address";
import { AppError, isAppError } from "@/lib/errors/app-error";
import type { Network } from "@/lib/networks";
import { BID_CLOSED, BID_CREATED, BidEventOverlay, bidChangesOf, bidKey, concernsDeployment } from "@/lib/market/bid-events";
import { subscribeTxs, websocketUrl, type TxEvent, type WebSocketConstructor } from "@/lib/market/comet-subscription";

export { bidKey } from "@/lib/market/bid-events";

/**
 * The bids of one deployment as a stream of snapshots. A bid event from the block is shown at once (its id and
 * price are in `EventBidCreated`), marked unconfirmed; every event also triggers one REST re-read (coalesced while
 * one is in flight), and the REST list read at or after the event's height is the truth that replaces it
 * (bid-events.ts). Each snapshot is the whole list. When the websocket is down, the list is re-read every poll
 * interval instead, and the snapshot says so, for the UI's "live / polling" indicator.
 */

export type BidTransport = "websocket" | "polling";

export interface BidSnapshot {
  bids: ChainBid[];
  /** keys (bidKey) of the bids known from a block event only, not yet confirmed by a REST read */
  unconfirmed: string[];
  transport: BidTransport;
  /** the latest height the bids are known at (event's tx height, or the node's answer header); null when unknown */
  height: number | null;
  /** the last REST failure, cleared by the next successful read; the bids are then the last ones read */
  error: AppError | null;
}

export interface WatchBidsOptions {
  rpcUrl: string;
  rest: Pick<RestClient, "bidsWithHeight">;
  owner: string;
  dseq: string;
  signal?: AbortSignal;
  /** re-read period while the websocket is down; default one mainnet block (see pollIntervalFor) */
  pollIntervalMs?: number;
  /** the browser's WebSocket by default; pass `ws`'s under Node 20 */
  WebSocket?: WebSocketConstructor;
  /** first reconnect delay, doubled per failure up to maxReconnectMs */
  reconnectMs?: number;
  maxReconnectMs?: number;
}

/** while live, a re-read this often anyway: a socket can stay open while the node silently stops sending */
const LIVE_SAFETY_FACTOR = 10;

/** One block: bids land in blocks, so polling faster only re-reads the same list. */
export function pollIntervalFor(network: Pick<Network, "averageBlockTimeSeconds">): number {
  return Math.max(200, Math.round(network.averageBlockTimeSeconds * 1000));
}

/**
 * Typed events (cosmos-sdk EmitTypedEvent) carry each field as JSON: `id` is {"owner":…,"dseq":…,…}. The query
 * narrows by owner on the node (CONTAINS, since the value is JSON); the dseq is checked here on the parsed id,
 * which does not depend on the node's JSON field order.
 */
export function bidEventQueries(owner: string): string[] {
  if (!isAkashAddress(owner)) throw new AppError("request.invalid", `"${owner}" is not an akash1… address.`);
  return [BID_CREATED, BID_CLOSED].map((type) => `tm.event='Tx' AND ${type}.id CONTAINS '"owner":"${owner}"'`);
}

export function eventConcernsDeployment(ev: TxEvent, owner: string, dseq: string): boolean {
  for (const type of [BID_CREATED, BID_CLOSED]) {
    for (const raw of ev.events[`${type}.id`] ?? []) {
      try {
        const id = JSON.parse(raw) as { owner?: unknown; dseq?: unknown };
        if (id.owner === owner && String(id.dseq) === dseq) return true;
      } catch {
        /* not JSON: not an event of this chain version */
      }
    }
  }
  return false;
}

export async function* watchBids(opts: WatchBidsOptions): AsyncGenerator<BidSnapshot, void, undefined> {
  const w = new BidWatcher(opts);
  try {
    for (;;) {
      const snap = await w.next();
      if (!snap) return;
      yield snap;
    }
  } finally {
    w.stop();
  }
}

class BidWatcher {
  private snapshot: BidSnapshot = { bids: [], unconfirmed: [], transport: "polling", height: null, error: null };
  /** the last REST list; the published bids are it with the overlay's unconfirmed events laid over */
  private restBids: ChainBid[] = [];
  private readonly overlay = new BidEventOverlay();
  private fingerprint = "";
  private pending: BidSnapshot | null = null;
  private wake: (() => void) | null = null;
  private stopped = false;
  private closeSocket: (() => void) | null = null;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private readTimer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  /** nothing is published before the first read answers: an empty list before it would read as "no bids" */
  private loaded = false;
  private reading = false;
  private readAgain = false;
  private readonly aborter = new AbortController();
  private readonly pollMs: number;

  constructor(private readonly o: WatchBidsOptions) {
    this.pollMs = o.pollIntervalMs ?? 6_117;
    if (o.signal?.aborted) {
      this.stopped = true;
      return;
    }
    o.signal?.addEventListener("abort", () => this.stop(), { once: true });
    this.connect();
    void this.read();
  }

  /** the newest snapshot not yet handed out, or null once stopped */
  async next(): Promise<BidSnapshot | null> {
    while (!this.pending && !this.stopped) await new Promise<void>((r) => (this.wake = r));
    const snap = this.pending;
    this.pending = null;
    return this.stopped ? null : snap;
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    clearTimeout(this.readTimer);
    this.closeSocket?.();
    this.aborter.abort();
    this.wake?.();
  }

  private publish(patch: Partial<BidSnapshot>): void {
    const next = { ...this.snapshot, ...patch };
    const fp = `${next.transport}|${next.error?.message ?? ""}|${next.unconfirmed.join(",")}|${next.bids.map((b) => `${bidKey(b.id)}:${b.state}:${b.price.amount}${b.price.denom}`).join(",")}`;
    this.snapshot = next;
    if (!this.loaded || (fp === this.fingerprint && this.pending === null)) return;
    this.fingerprint = fp;
    this.pending = next;
    this.wake?.();
  }

  private connect(): void {
    const Impl = this.o.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
    if (!Impl) return; // no WebSocket in this runtime: polling only, reported as such
    let queries: string[];
    try {
      queries = bidEventQueries(this.o.owner);
    } catch (err) {
      this.publish({ error: isAppError(err) ? err : null });
      return;
    }
    this.closeSocket = subscribeTxs(websocketUrl(this.o.rpcUrl), queries, Impl, {
      onLive: () => {
        this.failures = 0;
        this.publish({ transport: "websocket" });
        // bids may have landed while we were (re)connecting: one read closes the gap
        void this.read();
      },
      onEvent: (ev) => {
        const change = bidChangesOf(ev, this.o.owner, this.o.dseq);
        if (concernsDeployment(change)) {
          this.overlay.apply(change);
          // the row now, from the event; the read below confirms or corrects it
          if (this.loaded) this.publish({ ...this.overlay.merge(this.restBids), height: Math.max(this.snapshot.height ?? 0, ev.height ?? 0) || null });
        } else if (!eventConcernsDeployment(ev, this.o.owner, this.o.dseq)) return;
        void this.read(ev.height);
      },
      onDown: () => {
        this.closeSocket = null;
        if (this.stopped) return;
        this.publish({ transport: "polling" });
        this.scheduleRead(this.pollMs);
        const base = this.o.reconnectMs ?? 500;
        const delay = Math.min(this.o.maxReconnectMs ?? 15_000, base * 2 ** this.failures++);
        // jitter: many tabs reconnecting to one node after its restart should not arrive in the same instant
        this.reconnectTimer = setTimeout(() => this.connect(), delay * (0.8 + Math.random() * 0.4));
      },
    });
  }

  private scheduleRead(ms: number): void {
    clearTimeout(this.readTimer);
    if (!this.stopped) this.readTimer = setTimeout(() => void this.read(), ms);
  }

  /** Single flight: a read requested while one runs is done once, right after it. */
  private async read(eventHeight: number | null = null): Promise<void> {
    if (eventHeight !== null) this.snapshot.height = Math.max(this.snapshot.height ?? 0, eventHeight);
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = true;
    clearTimeout(this.readTimer);
    try {
      do {
        this.readAgain = false;
        try {
          const mark = this.overlay.mark();
          const r = await this.o.rest.bidsWithHeight({ owner: this.o.owner, dseq: this.o.dseq }, { signal: this.aborter.signal });
          if (this.stopped) return;
          this.loaded = true;
          this.restBids = r.bids;
          this.overlay.settle(r.height, mark);
          const height = Math.max(this.snapshot.height ?? 0, r.height ?? 0) || null;
          this.publish({ ...this.overlay.merge(r.bids), height, error: null });
        } catch (err) {
          if (this.stopped) return;
          this.loaded = true;
          this.publish({ error: isAppError(err) ? err : new AppError("chain.unexpected_response", `Reading the bids failed: ${String(err)}`, { cause: err }) });
        }
      } while (this.readAgain && !this.stopped);
    } finally {
      this.reading = false;
    }
    const live = this.snapshot.transport === "websocket" && this.snapshot.error === null;
    this.scheduleRead(live ? this.pollMs * LIVE_SAFETY_FACTOR : this.pollMs);
  }
}
