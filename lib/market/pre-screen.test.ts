import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { preScreen, type ScreenedProvider } from "@/lib/market/pre-screen";
import { providerInfoFrom, type ProviderInfo } from "@/lib/market/provider-info";
import { checkSdl, type GroupView } from "@/lib/sdl/check";
import { corpusFile, corpusPaths } from "@/test/support/corpus";
import { AUDITOR1 } from "../../devnet/accounts";
import { decide, parseGroupSpec } from "../../devnet/provider/bidding";
import { buildProfiles } from "../../devnet/provider/profiles";
import { MAINNET_AUDITOR } from "../../devnet/start";
import { inventoryOfProfile } from "@/test/support/provider-inventory";

/** The devnet's six providers as the console sees them (chain attributes, auditors), and as they decide to bid. */
const profiles = buildProfiles(1, undefined, false);
const audits = (p: (typeof profiles)[number]) =>
  p.auditedAttributes.length
    ? [AUDITOR1.address, MAINNET_AUDITOR].map((auditor) => ({
        auditor,
        attributes: p.auditedAttributes,
      }))
    : [];
const providers: ScreenedProvider[] = profiles.map((p) => ({
  ...providerInfoFrom({
    owner: p.account.address,
    hostUri: `https://${p.account.name}.example.com:8443`,
    attributes: p.attributes,
    auditors: audits(p).map((a) => a.auditor),
  }),
  inventory: inventoryOfProfile(p),
}));

async function groupsOf(sdl: string): Promise<GroupView[]> {
  const r = await checkSdl(sdl);
  if (!r.valid || !r.groups) throw new Error(`invalid test SDL: ${JSON.stringify(r.diagnostics)}`);
  return r.groups;
}

/** A one-service SDL with the given profile extras (placement attributes / signedBy, compute resources). */
function sdl({ placement = "", resources = "", storage = "        storage:\n          - size: 1Gi" }: { placement?: string; resources?: string; storage?: string }): string {
  return `version: "2.0"
services:
  app:
    image: nginx:1.27
    expose:
      - port: 80
        as: 80
        to:
          - global: true
profiles:
  compute:
    app:
      resources:
        cpu: { units: 1 }
        memory: { size: 1Gi }
${storage}
${resources}
  placement:
    dc:
${placement}
      pricing:
        app: { denom: uact, amount: 100000 }
deployment:
  app:
    dc:
      profile: app
      count: 1
`;
}

const names = (ps: readonly ProviderInfo[]) => ps.map((p) => p.name).sort();

describe("preScreen: each rule, passing and failing, on the devnet's providers", () => {
  it("no requirement: every provider can run it", async () => {
    const r = preScreen(await groupsOf(sdl({})), providers);
    expect(r.canRun).toHaveLength(6);
    expect(r.ruledOut).toEqual([]);
    expect(r.relax).toBeNull();
  });

  it("placement attribute: the providers in the region, and a region nobody has named as the one to relax", async () => {
    const west = preScreen(await groupsOf(sdl({ placement: "      attributes:\n        region: us-west" })), providers);
    expect(names(west.canRun)).toEqual(names(providers.filter((p) => p.region === "us-west")));
    expect(west.canRun.length).toBeGreaterThan(0);
    expect(west.ruledOut.every((o) => o.requirement === "region=us-west")).toBe(true);
    const mars = preScreen(await groupsOf(sdl({ placement: "      attributes:\n        region: mars-north" })), providers);
    expect(mars.canRun).toEqual([]);
    expect(mars.relax).toMatchObject({
      requirement: "region=mars-north",
      matching: 0,
    });
    expect(mars.relax!.message).toContain("region=mars-north");
  });

  it("signedBy: only the audited providers, and an auditor nobody is audited by rules all out", async () => {
    const audited = preScreen(
      await groupsOf(
        sdl({
          placement: `      signedBy:\n        anyOf:\n          - ${AUDITOR1.address}`,
        }),
      ),
      providers,
    );
    expect(names(audited.canRun)).toEqual(names(providers.filter((p) => p.auditedBy.length > 0)));
    expect(audited.ruledOut.length).toBeGreaterThan(0);
    const nobody = preScreen(
      await groupsOf(
        sdl({
          placement: "      signedBy:\n        anyOf:\n          - akash1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq0qx9h",
        }),
      ),
      providers,
    );
    expect(nobody.canRun).toEqual([]);
    expect(nobody.relax?.requirement).toMatch(/^audited by one of /);
  });

  it("GPU model: the providers with an H100; a model nobody has rules all out", async () => {
    const gpu = (model: string) => `        gpu:\n          units: 1\n          attributes:\n            vendor:\n              nvidia:\n                - model: ${model}`;
    const h100 = preScreen(await groupsOf(sdl({ resources: gpu("h100") })), providers);
    expect(names(h100.canRun)).toEqual(names(providers.filter((p) => p.gpus.some((g) => g.model === "h100"))));
    expect(h100.canRun.length).toBeGreaterThan(0);
    const b200 = preScreen(await groupsOf(sdl({ resources: gpu("b200") })), providers);
    expect(b200.canRun).toEqual([]);
    expect(b200.relax?.requirement).toBe("GPU nvidia b200");
  });

  it("persistent storage class: the providers with that class persistent; an unknown class rules all out", async () => {
    const storage = (cls: string) =>
      `        storage:\n          - size: 1Gi\n          - name: data\n            size: 10Gi\n            attributes:\n              persistent: true\n              class: ${cls}`;
    const withVolume = (cls: string) =>
      sdl({ storage: storage(cls) }).replace("          - global: true\n", `          - global: true\n    params:\n      storage:\n        data:\n          mount: /data\n`);
    const beta2 = preScreen(await groupsOf(withVolume("beta2")), providers);
    expect(beta2.canRun.length).toBeGreaterThan(0);
    expect(beta2.canRun.length).toBeLessThan(6);
    const none = preScreen(await groupsOf(withVolume("nvme9")), providers);
    expect(none.canRun).toEqual([]);
    expect(none.relax?.requirement).toBe("persistent storage class nvme9");
  });

  it("IP lease: only providers with IP leases enabled", async () => {
    const ip = sdl({})
      .replace("          - global: true\n", "          - global: true\n            ip: myip\n")
      .replace("deployment:", "endpoints:\n  myip:\n    kind: ip\ndeployment:");
    const r = preScreen(await groupsOf(ip), providers);
    expect(names(r.canRun)).toEqual(names(providers.filter((p) => p.attributes.some((a) => a.key === "feat-endpoint-ip" && a.value === "true"))));
    expect(r.ruledOut.every((o) => o.kind === "ip-lease")).toBe(true);
    expect(r.ruledOut.length).toBeGreaterThan(0);
  });

  it("free capacity: eight H100 in one replica fit only a node with eight free; nine fit nowhere, and the size is what to relax", async () => {
    const h100s = (n: number) => `        gpu:\n          units: ${n}\n          attributes:\n            vendor:\n              nvidia:\n                - model: h100`;
    const eight = preScreen(await groupsOf(sdl({ resources: h100s(8) })), providers);
    const withH100 = providers.filter((p) => p.gpus.some((g) => g.model === "h100"));
    const roomy = withH100.filter((p) => p.inventory!.nodes.some((n) => (n.gpus["nvidia/h100"] ?? 0) >= 8));
    expect(roomy.length).toBeGreaterThan(0);
    expect(roomy.length).toBeLessThan(withH100.length);
    expect(names(eight.canRun)).toEqual(names(roomy));
    const full = eight.ruledOut.filter((o) => o.kind === "capacity");
    expect(full.map((o) => o.name).sort()).toEqual(names(withH100.filter((p) => !roomy.includes(p))));
    expect(full[0]!.requirement).toBe("a node with 1 CPU, 1 GiB memory, 8 GPUs free");
    const nine = preScreen(await groupsOf(sdl({ resources: h100s(9) })), providers);
    expect(nine.canRun).toEqual([]);
    expect(nine.relax).toMatchObject({ requirement: "the resources per replica", matching: 0 });
    expect(nine.relax!.message).toMatch(/have no room for it now .*9 GPUs free/);
    // a node that does not say its free ephemeral storage is not taken for a full one
    const storageUnsaid = roomy.map((p) => ({ ...p, inventory: { ...p.inventory!, nodes: p.inventory!.nodes.map((n) => ({ ...n, storage: null })) } }));
    expect(preScreen(await groupsOf(sdl({ resources: h100s(8) })), storageUnsaid).canRun).toHaveLength(roomy.length);
    // a provider that reports no capacity is not ruled out for it
    expect(preScreen(await groupsOf(sdl({ resources: h100s(9) })), withH100.map((p) => ({ ...p, inventory: null }))).canRun).toHaveLength(withH100.length);
  });

  it("no providers known: nobody to relax for", async () => {
    expect(preScreen(await groupsOf(sdl({})), [])).toEqual({
      known: 0,
      canRun: [],
      ruledOut: [],
      relax: null,
    });
  });
});

describe("preScreen over the SDL corpus, against the devnet providers' own bidding decisions", () => {
  const cases: { file: string; groups: GroupView[] }[] = [];
  beforeAll(async () => {
    for (const file of corpusPaths().map((p) => path.basename(p))) {
      const r = await checkSdl(corpusFile(file));
      if (r.valid && r.groups) cases.push({ file, groups: r.groups });
    }
  });

  it("lets through exactly the providers that would bid, given their free capacity", () => {
    expect(cases.length).toBeGreaterThan(150);
    const wrong: string[] = [];
    let ruledOut = 0;
    for (const { file, groups } of cases) {
      const r = preScreen(groups, providers);
      expect(r.canRun.length + r.ruledOut.length).toBe(6);
      ruledOut += r.ruledOut.length;
      for (const [i, p] of profiles.entries()) {
        const decisions = groups.map((g) => decide(p, parseGroupSpec(g), audits(p)));
        const bids = decisions.every((d) => d.bid);
        const screened = r.canRun.some((c) => c.owner === providers[i]!.owner);
        if (bids && !screened)
          wrong.push(`${file}: ${p.account.name} bids, but the pre-screen rules it out (${r.ruledOut.find((o) => o.owner === providers[i]!.owner)?.requirement})`);
        // what the pre-screen lets through may still be refused, but only for capacity (inventory) or price
        const refusal = decisions.find((d) => !d.bid)?.reason;
        if (screened && refusal && !/capacity|insufficient/.test(refusal)) wrong.push(`${file}: ${p.account.name} refuses (${refusal}), the pre-screen lets it through`);
      }
    }
    expect(wrong).toEqual([]);
    expect(ruledOut).toBeGreaterThan(0);
  });
});
