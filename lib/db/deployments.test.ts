import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/test/support/database";
import { deploymentsRepository, type DeploymentsRepository, type NewDeployment } from "@/lib/db/deployments";
import { TENANT1, TENANT2, TENANT3 } from "../../devnet/accounts";

const OWNER = TENANT1.address;
const OTHER = TENANT2.address;

const input = (dseq: string): NewDeployment => ({
  network: "devnet",
  dseq,
  name: "Web",
  draftId: null,
  sdl: "version: '2.0'\n",
  manifestVersion: "ab".repeat(32),
  depositDenom: "uact",
  depositAmount: "5000000",
  state: "open",
  createTxHash: "AA",
});

describe("deploymentsRepository", () => {
  let database: ReturnType<typeof createTestDatabase>;
  let repo: DeploymentsRepository;
  beforeAll(() => {
    database = createTestDatabase();
    repo = deploymentsRepository(database.db);
  });
  afterAll(() => database.dispose());

  it("saves once per (network, owner, dseq), even when the save is retried", async () => {
    await repo.save(OWNER, input("100"));
    await repo.save(OWNER, input("100"));
    expect((await repo.list(OWNER, "devnet", { take: 10, skip: 0 })).total).toBe(1);
    expect(await repo.get(OWNER, "sandbox-2", "100")).toBeUndefined();
  });

  it("replaces a record of the same dseq made by another transaction (a chain reset), leases and all", async () => {
    await repo.save(OWNER, { ...input("150"), name: "Before the reset", sdl: "version: 'old'\n" });
    const lease = { gseq: 1, oseq: 1, bseq: 0, provider: TENANT3.address, priceDenom: "uact", priceAmount: "1.5", state: "manifest_pending" as const, createTxHash: "BB" };
    await repo.recordLeases(OWNER, "devnet", "150", [lease]);
    await repo.recordManifest(OWNER, "devnet", "150", lease, { sent: true });
    // the same dseq again, created by another transaction: a new deployment, not a retry
    const fresh = await repo.save(OWNER, { ...input("150"), name: "After the reset", createTxHash: "CC" });
    expect(fresh).toMatchObject({ name: "After the reset", sdl: "version: '2.0'\n", createTxHash: "CC", state: "open", leases: [] });
    // its lease starts waiting for the manifest, as a new lease does
    const leased = await repo.recordLeases(OWNER, "devnet", "150", [{ ...lease, createTxHash: "DD" }]);
    expect(leased!.leases).toEqual([expect.objectContaining({ state: "manifest_pending", createTxHash: "DD" })]);
    // the same transaction replayed by a reset deterministic chain (same hash) is still another deployment: the
    // record has leases, which a retried save of a creation never finds
    const replayed = await repo.save(OWNER, { ...input("150"), name: "After a second reset", createTxHash: "CC" });
    expect(replayed).toMatchObject({ name: "After a second reset", leases: [] });
    // a retried save of a creation (nothing happened to the record since) changes nothing
    expect((await repo.save(OWNER, { ...input("150"), name: "A retry", createTxHash: "CC" })).name).toBe("After a second reset");
  });

  it("records leases and marks the deployment leased; another owner sees nothing", async () => {
    await repo.save(OWNER, input("200"));
    const leased = await repo.recordLeases(OWNER, "devnet", "200", [
      { gseq: 1, oseq: 1, provider: "akash1prov", bseq: 1, priceDenom: "uact", priceAmount: "12.5", state: "manifest_pending", createTxHash: "BB" },
    ]);
    expect(leased?.state).toBe("leased");
    expect(leased?.leases).toEqual([expect.objectContaining({ gseq: 1, provider: "akash1prov", state: "manifest_pending", manifestError: null })]);
    expect(await repo.get(OTHER, "devnet", "200")).toBeUndefined();
    expect(await repo.recordLeases(OTHER, "devnet", "200", [])).toBeUndefined();
    expect(await repo.setState(OTHER, "devnet", "200", "closed")).toBeUndefined();
  });

  it("records a lease's manifest outcome for its owner only, and a lease recorded again keeps it", async () => {
    await repo.save(OWNER, input("250"));
    const lease = { gseq: 1, oseq: 1, bseq: 0, provider: TENANT3.address, priceDenom: "uact", priceAmount: "1.5", state: "manifest_pending" as const, createTxHash: "BB" };
    await repo.recordLeases(OWNER, "devnet", "250", [lease]);
    const failed = await repo.recordManifest(OWNER, "devnet", "250", lease, { sent: false, error: "Provider is unreachable." });
    expect(failed!.leases[0]).toMatchObject({ state: "manifest_pending", manifestError: "Provider is unreachable." });
    const sent = await repo.recordManifest(OWNER, "devnet", "250", lease, { sent: true });
    expect(sent!.leases[0]).toMatchObject({ state: "manifest_sent", manifestError: null });
    // recovery records the chain's lease again (txHash unknown): the manifest state and the tx hash stay
    const again = await repo.recordLeases(OWNER, "devnet", "250", [{ ...lease, createTxHash: null }]);
    expect(again!.leases[0]).toMatchObject({ state: "manifest_sent", createTxHash: "BB" });
    expect(await repo.recordManifest(OTHER, "devnet", "250", lease, { sent: true })).toBeUndefined();
    expect(await repo.recordManifest(OWNER, "devnet", "250", { gseq: 9, oseq: 1 }, { sent: true })).toBeUndefined();
  });

  it("keeps the SDL of a closed deployment, and stores no manifest (it is derived from the SDL)", async () => {
    await repo.save(OWNER, input("300"));
    const closed = await repo.setState(OWNER, "devnet", "300", "closed");
    expect(closed).toMatchObject({ state: "closed", sdl: "version: '2.0'\n" });
    expect(closed?.closedAt).toBeInstanceOf(Date);
  });

  it("refuses a new record beyond the owner's cap on a network, and still updates an existing one", async () => {
    const capped = TENANT3.address;
    await repo.save(capped, input("900"), 2);
    await repo.save(capped, input("901"), 2);
    const refused = await repo.save(capped, input("902"), 2).then(() => null, (e: unknown) => e);
    expect(refused).toMatchObject({ code: "quota.exceeded", message: expect.stringMatching(/at most 2 deployment records/) });
    expect((await repo.save(capped, { ...input("901"), state: "closed" }, 2)).state).toBe("closed");
    expect(Object.keys((await repo.get(capped, "devnet", "900"))!)).not.toContain("manifestJson");
  });
});
