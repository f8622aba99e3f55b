import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { TENANT1, TENANT2 } from "@/devnet/accounts";
import { createTestDatabase } from "@/test/support/database";

// Export from one console's database, import into another's (each a SQLite database of this test's own).
const source = createTestDatabase();
const target = createTestDatabase();
process.env.DATABASE_URL = target.url;

type Handler = (req: NextRequest, ctx: { params: Promise<object> }) => Promise<Response>;
let importRoute: Handler;
let cookieOf: (address: string) => Promise<string>;

beforeAll(async () => {
  importRoute = (await import("./import/route")).POST as Handler;
  const { startSession, sessionCookieName } = await import("@/lib/auth/session.server");
  cookieOf = async (address) => `${sessionCookieName()}=${(await startSession(address)).token}`;
  const { draftsRepository } = await import("@/lib/db/drafts");
  const { deploymentsRepository } = await import("@/lib/db/deployments");
  const drafts = draftsRepository(source.db);
  const d = await drafts.create(TENANT1.address, { name: "web", content: "version: '2.0'\n" });
  await drafts.update(TENANT1.address, d.id, { content: "version: '2.0'\n# second\n" }, new Date(Date.now() + 60_000));
  const deployments = deploymentsRepository(source.db);
  await deployments.save(TENANT1.address, { network: "devnet", dseq: "77", name: "web", draftId: d.id, sdl: "version: '2.0'\n", manifestVersion: "ab".repeat(32), depositDenom: "uact", depositAmount: "5000000", state: "open", createTxHash: "AA" });
  await deployments.recordLeases(TENANT1.address, "devnet", "77", [{ gseq: 1, oseq: 1, bseq: 0, provider: TENANT2.address, priceDenom: "uact", priceAmount: "1.5", state: "manifest_sent", createTxHash: "BB" }]);
});
afterAll(async () => {
  await source.dispose();
  await target.dispose();
});

async function exported(): Promise<unknown> {
  const { recordsRepository } = await import("@/lib/db/records");
  return JSON.parse(JSON.stringify(await recordsRepository(source.db).exportFor(TENANT1.address)));
}
async function importAs(address: string, body: string) {
  const req = new NextRequest("http://localhost:3000/api/records/import", { method: "POST", body, headers: { host: "localhost:3000", origin: "http://localhost:3000", cookie: await cookieOf(address) } });
  const res = await importRoute(req, { params: Promise.resolve({}) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
const counts = async () => ({ drafts: await target.db.draft.count(), versions: await target.db.draftVersion.count(), deployments: await target.db.deployment.count(), leases: await target.db.lease.count() });

describe("records export and import", () => {
  it("round-trips drafts with their history and deployments with their leases, and a second import changes nothing", async () => {
    const file = JSON.stringify(await exported());
    const first = await importAs(TENANT1.address, file);
    expect(first).toMatchObject({ status: 200, body: { drafts: { added: 1, skipped: 0 }, deployments: { added: 1, skipped: 0 } } });
    expect(await counts()).toEqual({ drafts: 1, versions: 2, deployments: 1, leases: 1 });
    const lease = await target.db.lease.findFirstOrThrow();
    expect(lease).toMatchObject({ provider: TENANT2.address, priceAmount: "1.5", state: "manifest_sent" });
    const again = await importAs(TENANT1.address, file);
    expect(again.body).toMatchObject({ drafts: { added: 0, skipped: 1 }, deployments: { added: 0, skipped: 1 } });
    expect(await counts()).toEqual({ drafts: 1, versions: 2, deployments: 1, leases: 1 });
  });

  it("refuses another owner's file, a file that is not ours, and a damaged one, importing nothing", async () => {
    const before = await counts();
    const file = JSON.stringify(await exported());
    const foreign = await importAs(TENANT2.address, file);
    expect(foreign.status).toBe(400);
    expect(JSON.stringify(foreign.body)).toContain(`holds the records of ${TENANT1.address}, but you are signed in as ${TENANT2.address}`);
    const notOurs = await importAs(TENANT1.address, JSON.stringify({ hello: "world" }));
    expect(notOurs.status).toBe(400);
    expect(JSON.stringify(notOurs.body)).toContain("not a records file of this console");
    expect((await importAs(TENANT1.address, file.slice(0, file.length / 2))).status).toBe(400);
    // one bad row among good ones: the whole file is refused
    const broken = JSON.parse(file) as { drafts: { id: string; name: string }[]; deployments: { dseq: string }[] };
    broken.drafts.push({ ...broken.drafts[0]!, id: "fresh-draft" });
    broken.deployments.push({ ...broken.deployments[0]!, dseq: "not-a-number" });
    expect((await importAs(TENANT1.address, JSON.stringify(broken))).status).toBe(400);
    expect(await counts()).toEqual(before);
  });
});
