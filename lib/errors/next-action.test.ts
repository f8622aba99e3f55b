import { describe, expect, it } from "vitest";
import { APP_ERROR_CODES } from "@/lib/errors/app-error";
import { nextActionFor } from "@/lib/errors/next-action";

describe("nextActionFor", () => {
  it.each([
    ["chain.unreachable", "retry"],
    ["console.unreachable", "retry"],
    ["wallet.rejected", "retry"],
    ["wallet.missing", "install-wallet"],
    ["chain.order_closed", "refresh-bids"],
    ["wallet.wrong_chain", "reconnect"],
    ["unauthorized", "reconnect"],
    ["internal", "reload"],
    ["chain.insufficient_funds", "none"],
  ] as const)("offers %s the action %s", (code, action) => {
    expect(nextActionFor(code)).toBe(action);
  });

  it("never offers to send a transaction again that may still be included", () => {
    expect(nextActionFor("chain.tx_timeout")).toBe("none");
    expect(nextActionFor("chain.tx_in_mempool")).toBe("none");
  });

  it("offers a reload for an error without a code", () => {
    expect(nextActionFor(undefined)).toBe("reload");
  });

  it("has an action for every code", () => {
    for (const code of APP_ERROR_CODES) expect(nextActionFor(code)).toMatch(/^(retry|refresh-bids|reconnect|install-wallet|reload|none)$/);
  });
});
