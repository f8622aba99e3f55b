import { describe, expect, it } from "vitest";
import { resolveNetwork } from "@/lib/networks";
import { chainKeys, chainQueries } from "@/lib/query/chain";
import { deploymentKeys, deploymentQueries } from "@/lib/query/deployments";
import { draftQueries } from "@/lib/query/drafts";
import { providerQueries } from "@/lib/query/providers";

const devnet = resolveNetwork("devnet");
const OWNER = "akash15yk64u7zc9g9k2yr2wmzeva5qgwxps6ytfzgqy";
const startsWith = (key: readonly unknown[], prefix: readonly unknown[]) => expect(key.slice(0, prefix.length)).toEqual([...prefix]);

describe("query keys", () => {
  it("put every chain read of a network under one prefix, so a transaction refreshes them all", () => {
    for (const q of [chainQueries.balances(devnet, OWNER), chainQueries.deploymentParams(devnet), chainQueries.deployment(devnet, OWNER, "7"), chainQueries.leases(devnet, OWNER, "7")]) {
      startsWith(q.queryKey, chainKeys.all("devnet"));
    }
    startsWith(chainQueries.deployment(devnet, OWNER, "7").queryKey, chainKeys.deployment("devnet", OWNER, "7"));
  });

  it("key balances by network and address only: the header, the deposit step and the mint share one entry", () => {
    expect(chainQueries.balances(devnet, OWNER).queryKey).toEqual(["chain", "devnet", "balances", OWNER]);
  });

  it("key this console's records by network and owner", () => {
    startsWith(deploymentQueries.overview("devnet", OWNER, { page: 1, state: "all", q: "", order: "newest" }).queryKey, deploymentKeys.owner("devnet", OWNER));
    startsWith(deploymentQueries.detail("devnet", OWNER, "7").queryKey, deploymentKeys.all("devnet"));
  });

  it("key the providers of a set of bidders the same whatever order the bids came in", () => {
    expect(providerQueries.byOwners("devnet", ["b", "a"]).queryKey).toEqual(providerQueries.byOwners("devnet", ["a", "b"]).queryKey);
  });

  it("hold only small serializable parts: ids, addresses, hashes", () => {
    const keys = [
      chainQueries.balances(devnet, OWNER).queryKey,
      chainQueries.createDeploymentFee(devnet, { address: OWNER, getSigningClient: () => Promise.reject(new Error("unused")) }, { groupSpecs: [], hash: new Uint8Array(32), manifestVersion: "ab".repeat(32) }, { denom: "uact", amount: 5_000_000n }).queryKey,
      draftQueries.version("d1", "v1").queryKey,
      deploymentQueries.detail("devnet", OWNER, "7").queryKey,
    ];
    for (const key of keys) {
      expect(JSON.stringify(key).length).toBeLessThan(200);
      expect(key.every((part) => typeof part === "string" || typeof part === "number")).toBe(true);
    }
  });
});
