import { describe, expect, it } from "vitest";
import { TENANT1 } from "@/devnet/accounts";
import { addressProblem, akashAddressSchema, isAkashAddress, shortAddress } from "./address";

describe("Akash addresses", () => {
  it("accepts a devnet account address", () => {
    expect(isAkashAddress(TENANT1.address)).toBe(true);
    expect(akashAddressSchema().safeParse(TENANT1.address).success).toBe(true);
  });

  it("refuses a mistyped character through the checksum", () => {
    const typo = TENANT1.address.slice(0, -1) + (TENANT1.address.endsWith("q") ? "p" : "q");
    expect(isAkashAddress(typo)).toBe(false);
    expect(addressProblem(typo)).toMatch(/not a valid bech32 address/);
  });

  it("names another chain's prefix", () => {
    expect(addressProblem("cosmos1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu")).toMatch(/"cosmos" address/);
  });

  it("refuses text that is not an address at all", () => {
    expect(isAkashAddress("akash1")).toBe(false);
    expect(akashAddressSchema("each owner must be an address").safeParse("x").error?.issues[0]?.message).toBe("each owner must be an address");
  });

  it("shortens to one form", () => {
    expect(shortAddress("akash15yk64u7zc9g9k2yr2wmzeva5qgwxps6ytfzgqy")).toBe("akash15yk6…zgqy");
    expect(shortAddress("short")).toBe("short");
  });
});
