import { describe, expect, it } from "vitest";
import type { ChainBid } from "@/lib/chain/rest-schemas";
import { recentBidSchema, recentBidsOf, RECENT_BIDS_PER_PROVIDER } from "@/lib/market/recent-bids";
import capture from "@/test/data/devnet-capture/bid-events.json";

/** bids as the devnet's REST answered them for gitea.yaml (test/data/devnet-capture, see SOURCE.md) */
const captured = capture.restAfterBids.bids as ChainBid[];
const GiB = 1024 ** 3;
const at = (b: ChainBid, createdAt: string, dseq = b.id.dseq): ChainBid => ({ ...b, createdAt, id: { ...b.id, dseq } });

describe("a provider's recent bids as the directory carries them", () => {
  it("reduces each bid to its price and what it was for at that provider", () => {
    const [bid] = recentBidsOf([captured[0]!], []);
    expect(bid).toEqual({
      dseq: capture.dseq,
      gseq: 1,
      oseq: 1,
      state: "open",
      createdAt: "7",
      price: { denom: "uact", amount: "6.707736000000000000" },
      // gitea: 0.5 CPU, 1 GiB of memory, 1 GiB of storage, two random ports (no leased IP)
      footprint: { cpu: 500, memory: GiB, storage: GiB, ips: 0, gpus: {} },
    });
    // what the browser gets is what the server sent: JSON through the directory's schema, unchanged
    expect(recentBidSchema.parse(JSON.parse(JSON.stringify(bid)))).toEqual(bid);
  });

  it("keeps the newest first, by height compared as a number, and only so many", () => {
    const b = captured[0]!;
    const bids = [at(b, "9", "1"), at(b, "10", "2"), at(b, "100000000000000000001", "3"), at(b, "8", "4")];
    expect(recentBidsOf(bids, []).map((x) => x.dseq)).toEqual(["3", "2", "1", "4"]);
    expect(recentBidsOf(bids, [], 2).map((x) => x.dseq)).toEqual(["3", "2"]);
    const many = Array.from({ length: RECENT_BIDS_PER_PROVIDER + 5 }, (_, i) => at(b, String(i + 1), String(i + 1)));
    const kept = recentBidsOf(many, []);
    expect(kept).toHaveLength(RECENT_BIDS_PER_PROVIDER);
    expect(kept[0]!.dseq).toBe(String(RECENT_BIDS_PER_PROVIDER + 5));
  });

  it("a resources offer it cannot read keeps the bid, with no footprint, rather than a guessed one", () => {
    const b = captured[0]!;
    const [readable, empty] = recentBidsOf([at(b, "2", "1"), at({ ...b, resourcesOffer: [] }, "1", "2")], []);
    expect(readable!.footprint).not.toBeNull();
    expect(empty!.footprint).toBeNull();
    const [broken] = recentBidsOf([{ ...b, resourcesOffer: [{ resources: { cpu: { units: { val: "-1" } } }, count: 1 }] }], []);
    expect(broken!.footprint).toBeNull();
    expect(recentBidSchema.safeParse({ ...broken, footprint: { cpu: -1, memory: 0, storage: 0, ips: 0, gpus: {} } }).success).toBe(false);
  });
});
