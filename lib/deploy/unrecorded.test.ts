// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import type { SaveDeploymentInput } from "@/lib/deploy/api-client";
import { forgetUnrecorded, rememberUnrecorded, unrecordedDeployments } from "@/lib/deploy/unrecorded";

const OWNER = "akash1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqwf7eaa"; // any bech32 string; the list is keyed by it
const input = (dseq: string): SaveDeploymentInput => ({
  dseq,
  name: "web",
  draftId: "d1",
  sdl: "version: \"2.0\"\n",
  manifestVersion: "a".repeat(64),
  deposit: { denom: "uact", amount: "5000000" },
  createTxHash: "B".repeat(64),
});

afterEach(() => window.localStorage.clear());

describe("unrecorded deployments", () => {
  it("keeps a deployment until it is forgotten, per network and owner", () => {
    const store = window.localStorage;
    expect(rememberUnrecorded(store, "devnet", OWNER, input("101"))).toBe(true);
    rememberUnrecorded(store, "devnet", OWNER, input("102"));
    expect(unrecordedDeployments(store, "devnet", OWNER).map((d) => d.dseq)).toEqual(["101", "102"]);
    expect(unrecordedDeployments(store, "sandbox-2", OWNER)).toEqual([]);
    forgetUnrecorded(store, "devnet", OWNER, "101");
    expect(unrecordedDeployments(store, "devnet", OWNER).map((d) => d.dseq)).toEqual(["102"]);
    forgetUnrecorded(store, "devnet", OWNER, "102");
    expect(store.length).toBe(0);
  });

  it("keeps one entry per dseq when the same deployment is remembered twice", () => {
    rememberUnrecorded(window.localStorage, "devnet", OWNER, input("101"));
    rememberUnrecorded(window.localStorage, "devnet", OWNER, { ...input("101"), name: "web-2" });
    expect(unrecordedDeployments(window.localStorage, "devnet", OWNER)).toEqual([{ ...input("101"), name: "web-2" }]);
  });

  it("ignores a damaged or foreign entry instead of failing the page", () => {
    window.localStorage.setItem(`akash-console:unrecorded-deployments:devnet:${OWNER}`, "{not json");
    expect(unrecordedDeployments(window.localStorage, "devnet", OWNER)).toEqual([]);
    window.localStorage.setItem(`akash-console:unrecorded-deployments:devnet:${OWNER}`, JSON.stringify([{ dseq: "x" }]));
    expect(unrecordedDeployments(window.localStorage, "devnet", OWNER)).toEqual([]);
  });

  it("says so when the browser's storage is full", () => {
    // jsdom enforces the usual 5 MB per-origin quota, like a browser
    window.localStorage.setItem("filler", "x".repeat(5_000_000 - 64));
    expect(rememberUnrecorded(window.localStorage, "devnet", OWNER, input("101"))).toBe(false);
  });
});
