import { z } from "zod";
import { bidIdSchema, decCoinSchema, type ChainBid } from "@/lib/chain/rest-schemas";
import type { TxEvent } from "@/lib/market/comet-subscription";

/**
 * Bids straight from the block's events, before the REST list confirms them. `EventBidCreated` carries the bid's
 * id and price (typed event: each attribute a JSON value), enough for a row; `EventBidClosed` carries the id.
 * The overlay keeps what the events said until a REST read that answers at or after the event's height
 * (or, when the node gives no height, a read sent after the event) supersedes it: the chain state read then wins,
 * whatever the event said (a bid created and closed in the same block, a node that lags behind the websocket).
 */

export const BID_CREATED = "akash.market.v1.EventBidCreated";
export const BID_CLOSED = "akash.market.v1.EventBidClosed";

export function bidKey(id: { provider: string; gseq: number; oseq: number; bseq: number }): string {
  return `${id.gseq}/${id.oseq}/${id.provider}/${id.bseq}`;
}

const jsonAttr = <T extends z.ZodType>(schema: T) =>
  z.string().transform((raw, ctx): z.infer<T> => {
    try {
      const r = schema.safeParse(JSON.parse(raw));
      if (r.success) return r.data as z.infer<T>;
    } catch {
      /* reported below */
    }
    ctx.addIssue({
      code: "custom",
      message: "not a bid event attribute of this chain version",
    });
    return z.NEVER;
  });
const eventBidId = jsonAttr(bidIdSchema);
const eventPrice = jsonAttr(decCoinSchema);

export interface BidEventChange {
  /** bids the events created, as rows can show them (state open, created at the event's height) */
  created: ChainBid[];
  /** bid keys the events closed */
  closed: string[];
  height: number | null;
}

/** The bid changes of one deployment in one Tx event; attributes of another deployment or version are skipped. */
export function bidChangesOf(ev: TxEvent, owner: string, dseq: string): BidEventChange {
  const mine = (id: z.infer<typeof bidIdSchema>) => id.owner === owner && id.dseq === dseq;
  const created: ChainBid[] = [];
  const ids = ev.events[`${BID_CREATED}.id`] ?? [];
  const prices = ev.events[`${BID_CREATED}.price`] ?? [];
  // CometBFT lists each attribute's values in event order: the i-th id and the i-th price are one event's,
  // as long as every event has both (a chain version without `price` gives no rows, only the REST re-read)
  if (ids.length === prices.length) {
    ids.forEach((rawId, i) => {
      const id = eventBidId.safeParse(rawId);
      const price = eventPrice.safeParse(prices[i]);
      if (!id.success || !price.success || !mine(id.data)) return;
      created.push({
        id: id.data,
        state: "open",
        price: price.data,
        createdAt: String(ev.height ?? 0),
        resourcesOffer: [],
      });
    });
  }
  const closed: string[] = [];
  for (const rawId of ev.events[`${BID_CLOSED}.id`] ?? []) {
    const id = eventBidId.safeParse(rawId);
    if (id.success && mine(id.data)) closed.push(bidKey(id.data));
  }
  return { created, closed, height: ev.height };
}

export function concernsDeployment(change: BidEventChange): boolean {
  return change.created.length > 0 || change.closed.length > 0;
}

interface Entry {
  bid: ChainBid | null;
  closed: boolean;
  height: number | null;
  /** order of arrival, against which a read without height is compared */
  seq: number;
}

export interface MergedBids {
  bids: ChainBid[];
  /** keys of the bids shown from events only, not yet in a REST answer */
  unconfirmed: string[];
}

export class BidEventOverlay {
  private readonly entries = new Map<string, Entry>();
  private seq = 0;

  get size(): number {
    return this.entries.size;
  }

  apply(change: BidEventChange): void {
    const seq = ++this.seq;
    for (const bid of change.created) {
      const key = bidKey(bid.id);
      const prev = this.entries.get(key);
      this.entries.set(key, {
        bid,
        closed: prev?.closed ?? false,
        height: change.height,
        seq,
      });
    }
    for (const key of change.closed) {
      const prev = this.entries.get(key);
      this.entries.set(key, {
        bid: prev?.bid ?? null,
        closed: true,
        height: maxHeight(prev?.height ?? null, change.height),
        seq,
      });
    }
  }

  /** the mark of a read about to be sent: events up to it are covered by the answer when the node gives no height */
  mark(): number {
    return this.seq;
  }

  /** Forgets what a REST answer (at `height`, for a read sent at `mark`) already reflects. */
  settle(height: number | null, mark: number): void {
    for (const [key, e] of this.entries) {
      const covered = height !== null && e.height !== null ? e.height <= height : e.seq <= mark;
      if (covered) this.entries.delete(key);
    }
  }

  /** The REST list with the events not yet reflected in it laid over: new bids appended, closed ones marked closed. */
  merge(rest: readonly ChainBid[]): MergedBids {
    const known = new Set(rest.map((b) => bidKey(b.id)));
    const bids = rest.map((b) => (this.entries.get(bidKey(b.id))?.closed && b.state === "open" ? { ...b, state: "closed" } : b));
    const unconfirmed: string[] = [];
    for (const [key, e] of this.entries) {
      if (known.has(key) || !e.bid) continue;
      bids.push(e.closed ? { ...e.bid, state: "closed" } : e.bid);
      unconfirmed.push(key);
    }
    return { bids, unconfirmed };
  }
}

function maxHeight(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}
