// @vitest-environment jsdom
import React from "react";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ManifestState } from "@/components/lease/manifest-state";
import { AppError } from "@/lib/errors/app-error";

(globalThis as { React?: typeof React }).React = React;
afterEach(cleanup);

const NOW = Date.parse("2026-12-02T12:00:00Z");
const lease = (over: Partial<{ state: "manifest_pending" | "manifest_sent" | "closed"; manifestError: string | null; createdAt: string }> = {}) => ({
  gseq: 1,
  oseq: 1,
  provider: "akash1provider",
  bseq: 0,
  priceDenom: "uact",
  priceAmount: "1",
  state: "manifest_pending" as const,
  manifestError: null,
  createdAt: new Date(NOW - 60_000).toISOString(),
  ...over,
});

describe("the manifest state of a lease", () => {
  it("shows the attempt and the last failure while retrying", () => {
    const lastError = new AppError("provider.no_lease", "The provider has not seen the lease yet.");
    render(<ManifestState record={lease()} delivery={{ state: "sending", attempt: 3, retryInMs: 2000, lastError }} onRetry={null} now={NOW} />);
    expect(screen.getByRole("status").textContent).toBe("Sending manifest (attempt 3)…The provider has not seen the lease yet.");
  });

  it("says why it failed and offers a retry that sends that lease again", () => {
    const onRetry = vi.fn();
    const error = new AppError("provider.manifest_rejected", "Provider x rejected the manifest: the manifest does not match the deployment's on-chain version.");
    render(<ManifestState record={lease()} delivery={{ state: "failed", error }} onRetry={onRetry} now={NOW} />);
    expect(screen.getByRole("alert").textContent).toContain("does not match the deployment's on-chain version");
    fireEvent.click(screen.getByRole("button", { name: "Retry" }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it("warns that the provider may close a lease left over 5 minutes without a manifest", () => {
    render(<ManifestState record={lease({ createdAt: new Date(NOW - 6 * 60_000).toISOString() })} delivery={undefined} onRetry={null} now={NOW} />);
    expect(screen.getByText(/over 5 minutes old without a manifest: the provider may close it/)).toBeTruthy();
    expect(screen.getByText(/Connect the owner's wallet to send the manifest/)).toBeTruthy();
  });

  it("reads a recorded failure from an earlier visit as not sent, with its reason", () => {
    render(<ManifestState record={lease({ manifestError: "Provider x is unreachable." })} delivery={undefined} onRetry={() => {}} now={NOW} />);
    expect(screen.getByText("Manifest not sent")).toBeTruthy();
    expect(screen.getByRole("alert").textContent).toContain("Provider x is unreachable.");
  });

  it("is sent once the provider took it, in this visit or an earlier one", () => {
    const { rerender } = render(<ManifestState record={lease()} delivery={{ state: "sent" }} onRetry={null} now={NOW} />);
    expect(screen.getByText("Manifest sent")).toBeTruthy();
    rerender(<ManifestState record={lease({ state: "manifest_sent" })} delivery={undefined} onRetry={null} now={NOW} />);
    expect(screen.getByText("Manifest sent")).toBeTruthy();
  });
});
