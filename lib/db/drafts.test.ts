import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createTestDatabase } from "@/test/support/database";
import { draftsRepository, MAX_VERSIONS_PER_DRAFT, VERSION_COALESCE_MS, type DraftsRepository } from "@/lib/db/drafts";

const sdl = readFileSync(path.resolve(__dirname, "../templates/sdl/snake-game.yaml"), "utf8");

describe("draftsRepository", () => {
  let database: ReturnType<typeof createTestDatabase>;
  let repo: DraftsRepository;

  beforeAll(() => {
    database = createTestDatabase();
    repo = draftsRepository(database.db);
  });
  afterAll(() => database.dispose());

  it("creates a draft with its first version and reads it back", async () => {
    const draft = await repo.create("local", { name: "Snake", content: sdl });
    expect(await repo.get("local", draft.id)).toMatchObject({ name: "Snake", content: sdl, size: sdl.length });
    expect(await repo.versions("local", draft.id)).toHaveLength(1);
  });

  it("never shows or changes another owner's draft", async () => {
    const draft = await repo.create("akash1owner", { name: "Mine", content: sdl });
    expect(await repo.get("local", draft.id)).toBeUndefined();
    expect(await repo.update("local", draft.id, { name: "Stolen" })).toBeUndefined();
    expect(await repo.remove("local", draft.id)).toBe(false);
    expect(await repo.versions("local", draft.id)).toBeUndefined();
    expect((await repo.get("akash1owner", draft.id))?.name).toBe("Mine");
  });

  it("coalesces saves within the window into one version and starts a new one after it", async () => {
    const draft = await repo.create("local", { name: "History", content: "a: 1\n" });
    const t0 = new Date(Date.now() + 60_000);
    await repo.update("local", draft.id, { content: "a: 2\n" }, t0);
    await repo.update("local", draft.id, { content: "a: 3\n" }, new Date(t0.getTime() + 1_000));
    let versions = await repo.versions("local", draft.id);
    expect(versions).toHaveLength(2);
    expect((await repo.version("local", draft.id, versions![0]!.id))?.content).toBe("a: 3\n");

    await repo.update("local", draft.id, { content: "a: 4\n" }, new Date(t0.getTime() + VERSION_COALESCE_MS + 1_000));
    versions = await repo.versions("local", draft.id);
    expect(versions).toHaveLength(3);
    expect((await repo.version("local", draft.id, versions![1]!.id))?.content).toBe("a: 3\n");
  });

  it("renaming does not add a version", async () => {
    const draft = await repo.create("local", { name: "Old", content: sdl });
    await repo.update("local", draft.id, { name: "New" }, new Date(Date.now() + 3_600_000));
    expect((await repo.get("local", draft.id))?.name).toBe("New");
    expect(await repo.versions("local", draft.id)).toHaveLength(1);
  });

  it(`keeps at most ${MAX_VERSIONS_PER_DRAFT} versions, dropping the oldest`, async () => {
    const draft = await repo.create("local", { name: "Busy", content: "v: 0\n" });
    const start = Date.now() + 86_400_000;
    for (let i = 1; i <= MAX_VERSIONS_PER_DRAFT + 5; i++) {
      await repo.update("local", draft.id, { content: `v: ${i}\n` }, new Date(start + i * (VERSION_COALESCE_MS + 1)));
    }
    const versions = await repo.versions("local", draft.id);
    expect(versions).toHaveLength(MAX_VERSIONS_PER_DRAFT);
    const oldest = await repo.version("local", draft.id, versions!.at(-1)!.id);
    expect(oldest?.content).toBe(`v: 6\n`);
  });

  it("deletes a draft with its history", async () => {
    const draft = await repo.create("local", { name: "Gone", content: sdl });
    expect(await repo.remove("local", draft.id)).toBe(true);
    expect(await repo.get("local", draft.id)).toBeUndefined();
    expect(await database.db.draftVersion.count({ where: { draftId: draft.id } })).toBe(0);
  });

  it("lists the newest first with a total for paging", async () => {
    const { items, total } = await repo.list("local", { take: 2, skip: 0 });
    expect(items).toHaveLength(2);
    expect(total).toBeGreaterThanOrEqual(4);
    expect(items[0]!.updatedAt.getTime()).toBeGreaterThanOrEqual(items[1]!.updatedAt.getTime());
    expect(items[0]).not.toHaveProperty("content");
  });

  it("keeps fewer versions for an anonymous browser than for an account", async () => {
    const { QUOTAS } = await import("@/lib/drafts/quotas");
    const draft = await repo.create("anon:versions", { name: "A", content: "v: 0\n" });
    const start = Date.now() + 2 * 86_400_000;
    for (let i = 1; i <= QUOTAS.anonymous.versionsPerDraft + 3; i++) {
      await repo.update("anon:versions", draft.id, { content: `v: ${i}\n` }, new Date(start + i * (VERSION_COALESCE_MS + 1)));
    }
    expect(await repo.versions("anon:versions", draft.id)).toHaveLength(QUOTAS.anonymous.versionsPerDraft);
    expect(QUOTAS.anonymous.versionsPerDraft).toBeLessThan(MAX_VERSIONS_PER_DRAFT);
  });

  it("stores each draft's and version's size in UTF-8 bytes", async () => {
    const draft = await repo.create("local", { name: "Bytes", content: "ü\n" });
    expect(draft.size).toBe(3);
    expect((await repo.versions("local", draft.id))![0]!.size).toBe(3);
  });
});
