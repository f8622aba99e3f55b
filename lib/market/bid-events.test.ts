import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { ChainBid } from "@/lib/chain/rest-schemas";
import { BidEventOverlay, bidChangesOf, bidKey, concernsDeployment } from "@/lib/market/bid-events";
import capture from "@/test/data/devnet-capture/bid-events.json";

/** Recorded from the devnet (test/support/capture-bid-events.ts): 4 bids on one deployment, then a lease on the cheapest. */
const { owner, dseq } = capture;
const recorded = z
  .array(
    z.object({
      events: z.record(z.string(), z.array(z.string())),
      height: z.number().nullable(),
      phase: z.enum(["bids", "lease"]),
    }),
  )
  .parse(capture.events);
const bidEvents = recorded.filter((e) => e.phase === "bids");
const leaseEvent = recorded.find((e) => e.phase === "lease")!;
const restBefore = capture.restBeforeBids as {
  bids: ChainBid[];
  height: number;
};
const restAfterBids = capture.restAfterBids as {
  bids: ChainBid[];
  height: number;
};
const restAfterLease = capture.restAfterLease as {
  bids: ChainBid[];
  height: number;
};
const keys = (bids: readonly ChainBid[]) => bids.map((b) => bidKey(b.id)).sort();
const withEvents = () => {
  const overlay = new BidEventOverlay();
  for (const ev of bidEvents) overlay.apply(bidChangesOf(ev, owner, dseq));
  return overlay;
};

describe("bidChangesOf, on the devnet's recorded events", () => {
  it("reads each EventBidCreated as the bid the REST list later holds: same id, price and creation height", () => {
    const created = bidEvents.flatMap((ev) => bidChangesOf(ev, owner, dseq).created);
    expect(created).toHaveLength(restAfterBids.bids.length);
    for (const bid of created) {
      const rest = restAfterBids.bids.find((b) => bidKey(b.id) === bidKey(bid.id));
      expect(rest).toBeDefined();
      expect(bid.price).toEqual(rest!.price);
      expect(bid.createdAt).toBe(rest!.createdAt);
      expect(bid.state).toBe("open");
    }
  });

  it("reads the lease's EventBidClosed as the bids the chain marks lost", () => {
    const change = bidChangesOf(leaseEvent, owner, dseq);
    expect(change.created).toEqual([]);
    expect(change.closed.sort()).toEqual(keys(restAfterLease.bids.filter((b) => b.state === "lost")));
    expect(change.height).toBe(capture.leaseHeight);
  });

  it("ignores another deployment's events, and attributes it cannot read", () => {
    expect(concernsDeployment(bidChangesOf(bidEvents[0]!, owner, "1"))).toBe(false);
    expect(concernsDeployment(bidChangesOf(bidEvents[0]!, "akash1someoneelse", dseq))).toBe(false);
    const broken = {
      ...bidEvents[0]!,
      events: {
        ...bidEvents[0]!.events,
        "akash.market.v1.EventBidCreated.price": ['{"denom":"uact","amount":"-1"}'],
      },
    };
    expect(bidChangesOf(broken, owner, dseq).created).toEqual([]);
    const noPrice = {
      ...bidEvents[0]!,
      events: {
        ...bidEvents[0]!.events,
        "akash.market.v1.EventBidCreated.price": [],
      },
    };
    expect(bidChangesOf(noPrice, owner, dseq).created).toEqual([]);
  });
});

describe("BidEventOverlay", () => {
  it("shows the events' bids at once over an empty list, all unconfirmed, cheapest price as the event said", () => {
    const merged = withEvents().merge(restBefore.bids);
    expect(keys(merged.bids)).toEqual(keys(restAfterBids.bids));
    expect(merged.unconfirmed.sort()).toEqual(keys(restAfterBids.bids));
  });

  it("keeps them while the REST node answers from before their block, and lets the list replace them once it reaches it", () => {
    const overlay = withEvents();
    overlay.settle(restBefore.height, overlay.mark());
    expect(overlay.merge(restBefore.bids).unconfirmed).toHaveLength(restAfterBids.bids.length);
    overlay.settle(restAfterBids.height, overlay.mark());
    expect(overlay.size).toBe(0);
    expect(overlay.merge(restAfterBids.bids)).toEqual({
      bids: restAfterBids.bids,
      unconfirmed: [],
    });
  });

  it("lets the chain's answer win when it disagrees with an event: bids the lease closed read as lost, not open", () => {
    const overlay = withEvents();
    overlay.settle(restAfterLease.height, overlay.mark());
    const merged = overlay.merge(restAfterLease.bids);
    expect(merged.unconfirmed).toEqual([]);
    expect(merged.bids.map((b) => b.state).sort()).toEqual(["active", "lost", "lost", "lost"]);
  });

  it("drops a bid from an event when a list read at or after its block no longer holds it (closed in the same block)", () => {
    const overlay = withEvents();
    overlay.settle(restAfterLease.height, overlay.mark());
    const activeOnly = restAfterLease.bids.filter((b) => b.state === "active");
    expect(overlay.merge(activeOnly).bids).toEqual(activeOnly);
  });

  it("marks bids closed by an event newer than the list, until the list catches up", () => {
    const overlay = withEvents();
    overlay.apply(bidChangesOf(leaseEvent, owner, dseq));
    overlay.settle(restAfterBids.height, overlay.mark()); // read before the lease's block
    const merged = overlay.merge(restAfterBids.bids);
    expect(merged.unconfirmed).toEqual([]);
    expect(merged.bids.filter((b) => b.state === "closed")).toHaveLength(restAfterLease.bids.filter((b) => b.state === "lost").length);
    overlay.settle(restAfterLease.height, overlay.mark());
    expect(overlay.merge(restAfterLease.bids).bids).toEqual(restAfterLease.bids);
  });

  it("without heights from the node, a read sent after an event settles it, one sent before does not", () => {
    const overlay = new BidEventOverlay();
    const before = overlay.mark();
    for (const ev of bidEvents) overlay.apply(bidChangesOf(ev, owner, dseq));
    overlay.settle(null, before);
    expect(overlay.size).toBe(restAfterBids.bids.length);
    overlay.settle(null, overlay.mark());
    expect(overlay.size).toBe(0);
  });
});
