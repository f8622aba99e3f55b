// @vitest-environment jsdom
import React from "react";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ErrorMessage } from "@/components/ui/error-message";
import { AppError } from "@/lib/errors/app-error";
import { walletMissing } from "@/lib/wallet/wallet-errors";

// vitest.config.ts sets no JSX runtime: the classic transform looks React up globally
(globalThis as { React?: typeof React }).React = React;
afterEach(cleanup);

describe("ErrorMessage", () => {
  it("shows the message and offers Try again for a node that is down", () => {
    const onRetry = vi.fn();
    render(<ErrorMessage error={new AppError("chain.unreachable", "The chain's REST node could not be reached.")} onRetry={onRetry} />);
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("The chain's REST node could not be reached.");
    expect(alert.dataset.errorCode).toBe("chain.unreachable");
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it("offers Refresh bids when the bid's order was closed", () => {
    render(<ErrorMessage error={new AppError("chain.order_closed", "This bid can no longer be accepted.")} onRetry={() => {}} />);
    expect(screen.getByRole("button", { name: "Refresh bids" })).toBeTruthy();
  });

  it("links to the wallet's install page when the extension is missing", () => {
    render(<ErrorMessage error={walletMissing("leap")} />);
    expect(screen.getByRole("link", { name: "Install Leap" }).getAttribute("href")).toBe("https://www.leapwallet.io/download");
  });

  it("offers to reconnect the wallet when it is on another network", () => {
    const onReconnect = vi.fn();
    render(<ErrorMessage error={new AppError("wallet.wrong_chain", "Keplr does not know this network.")} onReconnect={onReconnect} onRetry={() => {}} />);
    fireEvent.click(screen.getByRole("button", { name: "Reconnect the wallet" }));
    expect(onReconnect).toHaveBeenCalledOnce();
  });

  it("offers a reload for an error without a code", () => {
    render(<ErrorMessage error={new Error("The validator stopped.")} />);
    expect(screen.getByRole("button", { name: "Reload the page" })).toBeTruthy();
  });

  it("offers no button where none helps (money is missing, a transaction may still be included)", () => {
    render(<ErrorMessage error={new AppError("chain.tx_timeout", "It may still be included.")} onRetry={() => {}} />);
    expect(screen.queryByRole("button")).toBeNull();
  });
});
