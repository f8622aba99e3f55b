import { describe, expect, it } from "vitest";
import { directoryOptions, filterDirectory, NO_DIRECTORY_FILTERS, sortDirectory, storageClassesOf, type DirectoryEntry } from "@/lib/market/directory";
import { attributeValue, providerInfoFrom } from "@/lib/market/provider-info";
import { buildProfiles } from "../../devnet/provider/profiles";
import { inventoryOfProfile } from "@/test/support/provider-inventory";

/** the devnet's six providers as directory entries, with made-up probe figures per provider index */
const entries: DirectoryEntry[] = buildProfiles(1, undefined, false).map((p, i) => {
  const inventory = i === 5 ? null : inventoryOfProfile(p);
  const info = providerInfoFrom({ owner: p.account.address, hostUri: `https://${p.account.name}.example.com:8443`, attributes: p.attributes, auditors: p.auditedAttributes.length ? ["akash1auditor"] : [] });
  return {
    ...info,
    uptime24h: i === 5 ? null : 100 - i * 10,
    uptime7d: i === 5 ? null : 90 - i,
    online: i === 5 ? null : i !== 2,
    lastError: i === 2 ? "HTTP 500" : null,
    storageClasses: storageClassesOf(info.attributes),
    ipLeases: attributeValue(info.attributes, "feat-endpoint-ip") === "true",
    tier: attributeValue(info.attributes, "tier"),
    activeLeases: i === 5 ? null : i * 3,
    openBids: i,
    recentBids: i === 5 ? null : [],
    inventory,
    disagreements: [],
  };
});
const names = (xs: DirectoryEntry[]) => xs.map((e) => e.name);

describe("the provider directory's model", () => {
  it("reads storage classes and whether each is persistent from the provider's attributes", () => {
    expect(storageClassesOf([
      { key: "capabilities/storage/1/class", value: "beta3" },
      { key: "capabilities/storage/1/persistent", value: "false" },
      { key: "capabilities/storage/2/class", value: "beta2" },
      { key: "capabilities/storage/2/persistent", value: "true" },
      { key: "capabilities/storage/3/class", value: " " },
    ])).toEqual([{ name: "beta3", persistent: false }, { name: "beta2", persistent: true }]);
    expect(storageClassesOf([])).toEqual([]);
  });

  it("offers the regions, GPU models and storage classes the providers have, once each, sorted", () => {
    const o = directoryOptions(entries);
    expect(o.regions).toEqual([...new Set(entries.map((e) => e.region!))].sort());
    expect(o.gpuModels.map((g) => g.label)).toEqual(["nvidia a100", "nvidia h100", "nvidia rtx4090"]);
    expect(o.gpuModels.map((g) => g.value)).toContain("nvidia/h100");
  });

  it("filters by GPU model, region, storage class, audits, online and IP leases, and searches names, hosts and GPUs", () => {
    const h100 = filterDirectory(entries, { ...NO_DIRECTORY_FILTERS, gpuModel: "nvidia/h100" });
    expect(h100.length).toBeGreaterThan(0);
    expect(h100.every((e) => e.gpus.some((g) => g.model === "h100"))).toBe(true);
    expect(filterDirectory(entries, { ...NO_DIRECTORY_FILTERS, region: "eu-central" }).map((e) => e.region)).toEqual(["eu-central"]);
    expect(filterDirectory(entries, { ...NO_DIRECTORY_FILTERS, onlineOnly: true })).toHaveLength(4);
    expect(filterDirectory(entries, { ...NO_DIRECTORY_FILTERS, auditedOnly: true }).every((e) => e.auditedBy.length > 0)).toBe(true);
    expect(filterDirectory(entries, { ...NO_DIRECTORY_FILTERS, ipLeasesOnly: true }).every((e) => e.ipLeases)).toBe(true);
    expect(filterDirectory(entries, { ...NO_DIRECTORY_FILTERS, storageClass: "beta2" }).every((e) => e.storageClasses.some((c) => c.name === "beta2"))).toBe(true);
    expect(names(filterDirectory(entries, { ...NO_DIRECTORY_FILTERS, search: "RTX4090" }))).toEqual(names(entries.filter((e) => e.gpus.some((g) => g.model === "rtx4090"))));
    expect(filterDirectory(entries, { ...NO_DIRECTORY_FILTERS, search: "no such provider" })).toEqual([]);
    expect(filterDirectory(entries, NO_DIRECTORY_FILTERS)).toHaveLength(6);
  });

  it("sorts either way with unknown figures last, and does not reorder its input", () => {
    const before = names(entries);
    const down = sortDirectory(entries, "uptime24h", "descending");
    expect(down.map((e) => e.uptime24h)).toEqual([100, 90, 80, 70, 60, null]);
    expect(sortDirectory(entries, "uptime24h", "ascending").map((e) => e.uptime24h)).toEqual([60, 70, 80, 90, 100, null]);
    expect(names(sortDirectory(entries, "name", "ascending"))).toEqual([...before].sort((a, b) => a.localeCompare(b)));
    expect(names(entries)).toEqual(before);
    expect(sortDirectory(entries, "activeLeases", "descending").map((e) => e.activeLeases)).toEqual([12, 9, 6, 3, 0, null]);
  });
});
