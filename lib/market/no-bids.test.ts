import { describe, expect, it } from "vitest";
import { corpusFile } from "@/test/support/corpus";
import { explainNoBids } from "@/lib/market/no-bids";
import { providerInfoFrom, type ProviderInfo } from "@/lib/market/provider-info";
import { checkSdl, type GroupView } from "@/lib/sdl/check";
import { AUDITOR1 } from "../../devnet/accounts";
import { buildProfiles } from "../../devnet/provider/profiles";
import { MAINNET_AUDITOR } from "../../devnet/start";

/** The devnet's six providers, as /api/providers describes them (their attributes and who audited them). */
const providers: ProviderInfo[] = buildProfiles(1).map((p) =>
  providerInfoFrom({
    owner: p.account.address,
    hostUri: `https://127.0.0.1:${8443 + p.index}`,
    attributes: p.attributes,
    auditors: p.auditedAttributes.length ? [AUDITOR1.address, MAINNET_AUDITOR] : [],
  }),
);

async function groups(file: string): Promise<GroupView[]> {
  const r = await checkSdl(corpusFile(file));
  if (!r.groups) throw new Error(`${file} does not build`);
  return r.groups;
}

describe("explainNoBids", () => {
  it("names the GPU models and the persistent storage class a GPU SDL asks for, with the providers that have them", async () => {
    const reasons = explainNoBids(await groups("Llama-3.1-8B.yaml"), providers);
    const gpu = reasons.find((r) => r.kind === "gpu")!;
    expect(gpu).toMatchObject({ group: "dcloud", requirement: "GPU nvidia h100 or nvidia a100 or nvidia rtxa6000", matching: 4, known: 6 });
    expect(gpu.message).toBe("It asks for 1 GPU (nvidia h100 or nvidia a100 or nvidia rtxa6000) per instance; only providers with that GPU bid. 4 of the 6 providers we know offer one.");
    const storage = reasons.find((r) => r.kind === "persistent-storage")!;
    expect(storage).toMatchObject({ requirement: "persistent storage class beta3", matching: 3 });
    expect(storage.message).toContain('Volume "data" needs persistent storage of class beta3. 3 of the 6 providers we know offer it.');
    // the RAM-backed shm volume is not persistent storage
    expect(reasons.filter((r) => r.kind === "persistent-storage")).toHaveLength(1);
    const all = reasons.at(-1)!;
    expect(all).toMatchObject({ kind: "all", matching: 3 });
  });

  it("explains an auditor requirement and a placement attribute", async () => {
    const reasons = explainNoBids(await groups("tetris2.yaml"), providers);
    expect(reasons.map((r) => r.kind)).toEqual(["auditor", "placement", "all"]);
    expect(reasons[0]).toMatchObject({ requirement: "audited by one of Overclock Labs", matching: 3 });
    expect(reasons[0]!.message).toBe("Providers must be audited by Overclock Labs. 3 of the 6 providers we know do.");
    expect(reasons[1]).toMatchObject({ requirement: "host=akash", matching: 6 });
  });

  it("says when no known provider meets a requirement, narrowest first", async () => {
    const unaudited = providers.map((p) => ({ ...p, auditedBy: [] }));
    const reasons = explainNoBids(await groups("tetris2.yaml"), unaudited);
    expect(reasons[0]!.message).toBe("Providers must be audited by Overclock Labs. None of the 6 providers we know do.");
    expect(reasons.at(-1)).toMatchObject({ kind: "all", matching: 0 });
  });

  it("asks for IP leases when the SDL exposes a dedicated IP", async () => {
    const file = ["Kadena.yaml", "Redash_Redash_Queries.yaml", "bitcoin-knots-mempool-ui.yaml"].find((f) =>
      corpusFile(f).match(/^\s+ip:\s*\S/m),
    )!;
    const ip = explainNoBids(await groups(file), providers).find((r) => r.kind === "ip-lease")!;
    expect(ip).toMatchObject({ requirement: "dedicated IP (IP lease)", matching: 3 });
  });

  it("flags instances larger than a typical node, without pretending to count", async () => {
    const big = explainNoBids(await groups("Hermes-4-405B-FP8.yaml"), providers).find((r) => r.kind === "size");
    expect(big).toMatchObject({ matching: null });
    expect(big!.message).toMatch(/needs .*GPUs.* on one node/);
  });

  it("has nothing to say about an SDL any provider can serve", async () => {
    const simple = (await groups("tetris2.yaml")).map((g) => ({ ...g, requirements: { signed_by: { all_of: null, any_of: null }, attributes: null } }));
    expect(explainNoBids(simple, providers)).toEqual([]);
  });
});
