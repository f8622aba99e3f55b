import { describe, expect, it } from "vitest";
import { deploymentResponseSchema, leaseSchema } from "@/lib/chain/rest-schemas";
import { gpuSummary, joinDeployment } from "@/lib/deploy/list-join";

// REST-shaped answers, parsed by the same schemas as the chain's (lib/chain/rest-schemas.ts)
const gpuResource = (units: number, models: string[], count = 1) => ({
  resource: { id: 1, gpu: { units: { val: String(units) }, attributes: models.map((m) => ({ key: `vendor/nvidia/model/${m}`, value: "true" })) } },
  count,
  price: { denom: "uact", amount: "100.000000000000000000" },
});
const deployment = (state: string, resources: unknown[] = []) =>
  deploymentResponseSchema.parse({
    deployment: { id: { owner: "akash1x", dseq: "42" }, state, hash: "", created_at: "7" },
    groups: [{ id: { owner: "akash1x", dseq: "42", gseq: 1 }, state: "open", group_spec: { name: "g", resources }, created_at: "7" }],
    escrow_account: { id: { scope: "deployment", xid: "akash1x/42" }, state: { owner: "akash1x", state: "open", transferred: [], settled_at: "7", funds: [{ denom: "uact", amount: "5000000.000000000000000000" }], deposits: [] } },
  });
const lease = (state: string, price: string, gseq = 1, reason: string | null = null) =>
  leaseSchema.parse({ id: { owner: "akash1x", dseq: "42", gseq, oseq: 1, provider: `akash1p${gseq}`, bseq: 0 }, state, price: { denom: "uact", amount: price }, created_at: "8", closed_on: "0", reason });
const ctx = { height: 7, averageBlockTimeSeconds: 6 };

describe("joinDeployment", () => {
  it("marks a record that says active when the chain has the deployment closed, and shows why leases closed", () => {
    const row = joinDeployment(deployment("closed"), { dseq: "42", name: "web", state: "leased" }, [lease("closed", "1", 1, "lease_closed_insufficient_funds")], ctx);
    expect(row).toMatchObject({ state: "closed", name: "web", createdHere: true, providers: [], pricePerBlock: null, escrow: null });
    expect(row.stale).toBe(`This console's record says "leased", but the deployment is closed on chain.`);
    expect(row.leases[0]!.closedReason).toBe("lease_closed_insufficient_funds");
  });

  it("sums the active leases' prices exactly and lists their providers in group order", () => {
    const row = joinDeployment(deployment("active"), undefined, [lease("active", "0.000000000000000001", 2), lease("active", "1.5", 1), lease("closed", "9", 3)], ctx);
    expect(row.providers).toEqual(["akash1p1", "akash1p2"]);
    expect(row.pricePerBlock).toEqual({ denom: "uact", amount: "1.500000000000000001" });
    expect(row).toMatchObject({ createdHere: false, name: null, stale: null });
    expect(row.escrow).toMatchObject({ denom: "uact", balance: "5000000" });
  });
});

describe("gpuSummary", () => {
  it("counts GPUs by model over groups and counts, and says GPU when no model is named", () => {
    expect(gpuSummary(deployment("active", [gpuResource(2, ["h100"], 2), gpuResource(1, [])]).groups)).toBe("4 × H100, 1 GPU");
    expect(gpuSummary(deployment("active", [gpuResource(1, ["a100", "h100"])]).groups)).toBe("1 × A100 or H100");
    expect(gpuSummary(deployment("active", [{ resource: { id: 1 }, count: 1 }]).groups)).toBeNull();
  });
});
