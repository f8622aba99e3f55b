import { describe, expect, it } from "vitest";
import { denomSymbol, formatAmount, formatBalance, fromBaseUnits, readBaseUnits, toBaseUnits } from "@/lib/chain/denom";

describe("denom amounts", () => {
  it("formats base units for people", () => {
    expect(formatAmount({ denom: "uakt", amount: "6500000" })).toBe("6.5 AKT");
    expect(formatAmount({ denom: "uact", amount: "5000000" })).toBe("5 ACT");
    expect(formatAmount({ denom: "uakt", amount: "1" })).toBe("0.000001 AKT");
    expect(formatAmount({ denom: "ibc/170C", amount: "12" })).toBe("12 ibc/170C");
  });

  it("is exact beyond float precision", () => {
    expect(toBaseUnits("0.3", 6)).toBe(300000n);
    expect(toBaseUnits("123456789012345.123456", 6)).toBe(123456789012345123456n);
    expect(fromBaseUnits(123456789012345123456n, 6)).toBe("123456789012345.123456");
  });

  it("refuses lossy or malformed input with a message that says how to write it", () => {
    expect(() => toBaseUnits("1.0000001", 6)).toThrow('"1.0000001" has more than 6 decimal places, the precision of this token.');
    expect(() => toBaseUnits("-1", 6)).toThrow('"-1" is not an amount: write digits with an optional decimal point, e.g. 6.5.');
    expect(() => toBaseUnits("6.5 AKT", 6)).toThrow(/is not an amount/);
  });

  it("names the token of a denom, and leaves an unknown denom as it is", () => {
    expect(denomSymbol("uakt")).toBe("AKT");
    expect(denomSymbol("uact")).toBe("ACT");
    expect(denomSymbol("ibc/170C")).toBe("ibc/170C");
  });

  it("shows balances grouped and truncated, never rounded up past what the account holds", () => {
    expect(formatBalance("999999123456", 6)).toBe("999,999.12");
    expect(formatBalance("1999999", 6)).toBe("1.99");
    expect(formatBalance("5000000", 6)).toBe("5");
  });
});

describe("readBaseUnits", () => {
  it("reads a form field as base units, or null while it is not an amount", () => {
    expect(readBaseUnits(" 5.5 ", 6)).toBe(5500000n);
    expect(readBaseUnits("", 6)).toBeNull();
    expect(readBaseUnits("5,5", 6)).toBeNull();
    expect(readBaseUnits("0.0000001", 6)).toBeNull();
  });
});
