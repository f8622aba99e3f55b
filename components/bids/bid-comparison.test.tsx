// @vitest-environment jsdom
import React from "react";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { BidComparison, type BidComparisonProps } from "@/components/bids/bid-comparison";
import { useDeploymentBids, type DeploymentBids } from "@/components/bids/use-deployment-bids";
import type { EnrichedBid } from "@/lib/market/enriched-bid";
import { corpusFile } from "@/test/support/corpus";
import { bidKey } from "@/lib/market/bids-stream";
import { providerInfoFrom } from "@/lib/market/provider-info";
import { resolveNetwork } from "@/lib/networks";
import { checkSdl, type GroupView } from "@/lib/sdl/check";
import { AUDITOR1, TENANT1 } from "../../devnet/accounts";
import { buildProfiles } from "../../devnet/provider/profiles";
import { MAINNET_AUDITOR } from "../../devnet/start";

vi.mock("@/components/bids/use-deployment-bids", () => ({ useDeploymentBids: vi.fn() }));
// vitest.config.ts sets no JSX runtime, so esbuild compiles .tsx (tsconfig "jsx": "preserve") to classic
// React.createElement calls that look React up globally; Next compiles the same files with the automatic runtime.
(globalThis as { React?: typeof React }).React = React;

const OWNER = TENANT1.address;
const network = resolveNetwork("akashnet-2");
const profiles = buildProfiles(1);
const providers = profiles.map((p) =>
  providerInfoFrom({
    owner: p.account.address,
    hostUri: `https://${p.account.name}.example.com:8443`,
    attributes: p.attributes,
    auditors: p.auditedAttributes.length ? [AUDITOR1.address, MAINNET_AUDITOR] : [],
    probes: { total: 10, ok: 10 - p.index, lastAt: new Date() },
  }),
);
let gpuGroups: GroupView[];
beforeAll(async () => {
  gpuGroups = (await checkSdl(corpusFile("Llama-3.1-8B.yaml"))).groups!;
});
afterEach(cleanup);

function bid(i: number, amount: string, denom = "uact", unconfirmed = false): EnrichedBid {
  const id = { owner: OWNER, dseq: "42", gseq: 1, oseq: 1, provider: providers[i]!.owner, bseq: 0 };
  // the offer is the group's resources, as providers send them back (devnet/provider/bidder.ts)
  const resourcesOffer = gpuGroups[0]!.resources.map((r) => ({ resources: r.resource, count: r.count }));
  return { key: bidKey(id), id, state: "open", price: { denom, amount }, createdAt: "10", resourcesOffer, unconfirmed, provider: providers[i]! };
}

function setup(live: Partial<DeploymentBids>, props: Partial<BidComparisonProps> = {}) {
  vi.mocked(useDeploymentBids).mockReturnValue({ bids: [], transport: "websocket", error: null, startedAt: Date.now(), height: 10, knownProviders: null, ...live });
  const onAccept = vi.fn();
  const onCloseDeployment = vi.fn();
  render(<BidComparison network={network} owner={OWNER} dseq="42" groups={gpuGroups} aktUsd={null} selected={{}} onAccept={onAccept} onCloseDeployment={onCloseDeployment} {...props} />);
  return { onAccept, onCloseDeployment };
}

const THREE = () => [bid(0, "12000.000000000000000000"), bid(1, "10000.000000000000000000"), bid(2, "7000.000000000000000000")];
const providerColumn = () =>
  within(screen.getByRole("table", { name: /^Group / }))
    .getAllByRole("row")
    .slice(1)
    .map((r) => within(r).getAllByRole("cell")[0]!.querySelector("div")!.textContent);

describe("BidComparison", () => {
  it("compares each bid with the big clouds for the GPU its provider has, and the cheapest bid in a region of its own", () => {
    // devnet-west-labs has an H100 (the SDL takes it), devnet-apac-gpu an RTX 4090 (the SDL does not take it: its
    // bid's GPU is not known, so it is not compared)
    setup({ bids: [bid(0, "7000.000000000000000000"), bid(2, "9000.000000000000000000")] });
    const table = screen.getByRole("table", { name: "Group dcloud: 2 bids" });
    const [cheapest, other] = within(table).getAllByRole("row").slice(1);
    // 7000 uact per block ($3,009.37 a month) against an H100 and the same storage on demand: AWS is the cheaper
    // cloud ($6.88 per GPU-hour x 730.49 hours + storage at $0.08 per GB-month, over $5,000)
    const saving = within(cheapest!).getByText(/^[\d.]+% less \(\$[\d,.]+ a month\) than AWS$/);
    expect(within(other!).queryByText(/ than (AWS|Google Cloud)$/)).toBeNull();
    expect(saving.getAttribute("title")).toMatch(/published 2026-\d\d-\d\d; read 2026-12-03/);
    const region = screen.getByRole("region", { name: "Compared with the big clouds" });
    const rows = within(region).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getByRole("rowheader").textContent)).toEqual(["AWS", "Google Cloud", "Azure"]);
    expect(within(region).getByRole("columnheader", { name: /^The cheapest bid, devnet-west-labs \(\$3,009\.37\)$/ })).toBeTruthy();
    expect(rows[0]!.textContent).toMatch(/^AWS\$5,\d{3}\.\d\d\d+(\.\d)?% less/);
    // Azure has no confirmed figure: it says so instead of a number
    expect(rows[2]!.textContent).toMatch(/— no confirmed price for nvidia\/h100/);
  });

  it("shows one table per group, cheapest first, with monthly USD, GPU-hour and the gap to the cheapest", () => {
    setup({ bids: THREE() });
    const table = screen.getByRole("table", { name: "Group dcloud: 3 bids" });
    const headers = within(table).getAllByRole("columnheader");
    expect(headers.every((h) => h.getAttribute("scope") === "col")).toBe(true);
    expect(headers.map((h) => h.textContent)).toEqual(expect.arrayContaining(["Per month", "Per GPU-hour", "Compared with the cheapest"]));
    expect(providerColumn()).toEqual(["devnet-apac-gpu", "devnet-eu-compute", "devnet-west-labs"]);
    const [cheapest, second] = within(table).getAllByRole("row").slice(1);
    expect(within(cheapest!).getByText("Cheapest")).toBeTruthy();
    // 7000 uact per block at 6.117 s per block: 0.007 ACT x 429,909.6 blocks a month = $3,009.37 (ACT is the dollar)
    expect(within(cheapest!).getByText("$3,009.37")).toBeTruthy();
    expect(within(cheapest!).getByText("3009.3669 ACT")).toBeTruthy();
    expect(within(cheapest!).getByText("7000 uact")).toBeTruthy();
    // 10000 against 7000 uact per block: +42.86 %, shown to whole percents from 10 % up; 3000 uact x 429,909.6 blocks
    expect(within(second!).getByText("+43% · +$1,289.73/month")).toBeTruthy();
    expect(within(cheapest!).getByText("ap-southeast")).toBeTruthy();
    expect(within(cheapest!).getByText("nvidia rtx4090")).toBeTruthy();
    expect(within(second!).getByText(/Overclock Labs/)).toBeTruthy();
  });

  it("says the AKT price is unknown instead of inventing a dollar figure", () => {
    setup({ bids: [bid(0, "500.5", "uakt")] });
    expect(screen.getByText("AKT price unknown")).toBeTruthy();
    cleanup();
    setup({ bids: [bid(0, "500.5", "uakt")] }, { aktUsd: 2 });
    expect(screen.queryByText("AKT price unknown")).toBeNull();
    expect(screen.getByText("$430.34")).toBeTruthy();
  });

  it("sorts by a column from its header button and says so with aria-sort", () => {
    setup({ bids: THREE() });
    const th = () => screen.getByRole("columnheader", { name: /Provider/ });
    expect(screen.getByRole("columnheader", { name: /Price per block/ }).getAttribute("aria-sort")).toBe("ascending");
    fireEvent.click(within(th()).getByRole("button", { name: "Provider" }));
    expect(th().getAttribute("aria-sort")).toBe("ascending");
    expect(providerColumn()).toEqual(["devnet-apac-gpu", "devnet-eu-compute", "devnet-west-labs"].sort());
    fireEvent.click(within(th()).getByRole("button", { name: "Provider" }));
    expect(th().getAttribute("aria-sort")).toBe("descending");
    expect(providerColumn()).toEqual(["devnet-west-labs", "devnet-eu-compute", "devnet-apac-gpu"]);
    fireEvent.click(screen.getByRole("button", { name: "Uptime (24 h)" }));
    expect(screen.getByRole("columnheader", { name: /Uptime/ }).getAttribute("aria-sort")).toBe("descending");
    expect(providerColumn()[0]).toBe("devnet-west-labs"); // 100% over 90% and 80%
  });

  it("filters by region, audits, GPU model and a monthly budget", () => {
    setup({ bids: THREE() });
    fireEvent.change(screen.getByLabelText("Region"), { target: { value: "eu-central" } });
    expect(providerColumn()).toEqual(["devnet-eu-compute"]);
    expect(screen.getByRole("table", { name: "Group dcloud: 1 of 3 bids match the filters" })).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Region"), { target: { value: "" } });
    fireEvent.click(screen.getByLabelText("Audited providers only"));
    expect(providerColumn()).toEqual(["devnet-eu-compute", "devnet-west-labs"]);
    fireEvent.change(screen.getByLabelText("GPU model"), { target: { value: "nvidia h100" } });
    expect(providerColumn()).toEqual(["devnet-west-labs"]);
    fireEvent.click(screen.getByLabelText("Audited providers only"));
    fireEvent.change(screen.getByLabelText("GPU model"), { target: { value: "" } });
    fireEvent.change(screen.getByLabelText("Max price per month (USD)"), { target: { value: "4500" } });
    expect(providerColumn()).toEqual(["devnet-apac-gpu", "devnet-eu-compute"]);
  });

  it("hands the chosen bid to onAccept from a button named after its provider", () => {
    const bids = THREE();
    const { onAccept } = setup({ bids }, { selected: { 1: bids[1]!.key } });
    const buttons = screen.getAllByRole("button", { name: /^Accept/ });
    expect(buttons).toHaveLength(3);
    fireEvent.click(screen.getByRole("button", { name: "Accept bid from devnet-eu-compute" }));
    expect(onAccept).toHaveBeenCalledWith(bids[1]);
    expect(within(screen.getAllByRole("row")[2]!).getByText("Selected")).toBeTruthy();
    cleanup();
    setup({ bids }, { busy: true });
    expect(screen.getAllByRole("button", { name: /^Accept/ }).every((b) => (b as HTMLButtonElement).disabled)).toBe(true);
  });

  it("shows a bid known only from the block's event at once, as confirming, and lets it be accepted once confirmed", () => {
    const fromEvent = bid(2, "7000.000000000000000000", "uact", true);
    setup({ bids: [bid(0, "12000.000000000000000000"), fromEvent] });
    const row = screen.getAllByRole("row").find((r) => r.textContent?.includes("devnet-apac-gpu"))!;
    expect(within(row).getByText("Confirming…")).toBeTruthy();
    expect(row.getAttribute("aria-busy")).toBe("true");
    expect(within(row).getByText("Cheapest")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Accept bid from devnet-apac-gpu" }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole("button", { name: "Accept bid from devnet-west-labs" }) as HTMLButtonElement).disabled).toBe(false);
    cleanup();
    setup({ bids: [bid(0, "12000.000000000000000000"), { ...fromEvent, unconfirmed: false }] });
    expect(screen.queryByText("Confirming…")).toBeNull();
    expect(screen.getAllByRole("row").some((r) => r.hasAttribute("aria-busy"))).toBe(false);
    expect((screen.getByRole("button", { name: "Accept bid from devnet-apac-gpu" }) as HTMLButtonElement).disabled).toBe(false);
  });

  it("shows whether updates are live and announces the bid count", () => {
    setup({ bids: THREE(), transport: "websocket" });
    expect(screen.getByText("Live")).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe("3 bids");
    cleanup();
    setup({ bids: [bid(0, "1")], transport: "polling" });
    expect(screen.getByText("Polling every 6.1 s — live updates unavailable")).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe("1 bid");
  });

  it("explains after the wait why no provider bid, and offers to close the deployment", async () => {
    const { onCloseDeployment } = setup({ bids: [], knownProviders: providers }, { noBidsAfterMs: 0 });
    await act(() => new Promise((r) => setTimeout(r, 10)));
    expect(screen.getByRole("heading", { name: "No bids after 0 seconds" })).toBeTruthy();
    expect(screen.getByText(/only providers with that GPU bid\. 4 of the 6 providers we know offer one\./)).toBeTruthy();
    expect(screen.getByText(/persistent storage of class beta3/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Close deployment" }));
    expect(onCloseDeployment).toHaveBeenCalledOnce();
  });

  it("waits before explaining, and shows the tables meanwhile", () => {
    setup({ bids: [] }, { noBidsAfterMs: 60_000 });
    expect(screen.queryByRole("heading", { name: /No bids/ })).toBeNull();
    expect(screen.getByRole("table", { name: "Group dcloud: waiting for bids" })).toBeTruthy();
  });
});
