import { describe, expect, it } from "vitest";
import { dseqFromHeight, nextDseq, parseDseq } from "@/lib/chain/dseq";

describe("dseq", () => {
  it("is the latest block height, as a decimal string", async () => {
    expect(dseqFromHeight(19_234_567)).toBe("19234567");
    await expect(nextDseq(async () => "20000001")).resolves.toBe("20000001");
  });

  it("accepts the full uint64 range and nothing else", () => {
    expect(parseDseq("18446744073709551615")).toBe("18446744073709551615");
    expect(() => parseDseq("18446744073709551616")).toThrow(/out of range/);
    expect(() => parseDseq(0)).toThrow(/out of range/);
    expect(() => parseDseq("12a")).toThrow(/positive whole number/);
  });
});
