// @vitest-environment jsdom
import React from "react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, renderHook, waitFor } from "@testing-library/react";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { useDraftAutosave } from "@/components/drafts/use-draft-autosave";
import { backupKey, readBackup } from "@/lib/drafts/local-backup";
import { createTestDatabase } from "@/test/support/database";

(globalThis as { React?: typeof React }).React = React;

// The console's real draft routes on a SQLite database of this test's own; the browser's fetch reaches them
// through a small router (relative URLs, the anonymous browser cookie), or a closed port while "the server is down".
const database = createTestDatabase();
process.env.DATABASE_URL = database.url;
const BROWSER = "console_anon=" + "c".repeat(43);
const realFetch = globalThis.fetch;
let serverDown = false;
/** while set, the server holds every answer until it resolves (a slow save) */
let hold: Promise<void> | null = null;
const requests: string[] = [];

beforeAll(async () => {
  const list = await import("@/app/api/drafts/route");
  const item = await import("@/app/api/drafts/[id]/route");
  const session = await import("@/app/api/auth/session/route");
  vi.stubGlobal("fetch", async (input: string, init: RequestInit = {}) => {
    const method = (init.method ?? "GET") as "GET" | "POST" | "PATCH" | "DELETE";
    if (serverDown) return realFetch(`http://127.0.0.1:1${input}`, init);
    const req = new NextRequest(new URL(input, "http://localhost:3000"), { method, body: init.body as string | undefined, headers: { host: "localhost:3000", cookie: BROWSER } });
    // the browser's session (whose backups these are): anonymous here
    if (input === "/api/auth/session") return session.GET(req, { params: Promise.resolve({}) });
    requests.push(`${method} ${input}`);
    await hold;
    const id = /^\/api\/drafts\/([^/?]+)$/.exec(input)?.[1];
    if (id) return (item as Record<string, (r: NextRequest, c: { params: Promise<{ id: string }> }) => Promise<Response>>)[method]!(req, { params: Promise.resolve({ id: decodeURIComponent(id) }) });
    return (list as Record<string, (r: NextRequest, c: { params: Promise<object> }) => Promise<Response>>)[method]!(req, { params: Promise.resolve({}) });
  });
});
afterAll(async () => {
  vi.unstubAllGlobals();
  await database.dispose();
});
afterEach(() => {
  cleanup();
  serverDown = false;
  requests.length = 0;
  window.localStorage.clear();
});

const ANON = { kind: "anonymous" as const };
const INITIAL = "version: \"2.0\"\n";
function renderAutosave(initial: { draftId: string | null; content?: string; name?: string }) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const created: string[] = [];
  const onCreated = (id: string) => created.push(id);
  const hook = renderHook((props: { content: string; name: string }) => useDraftAutosave({ draftId: initial.draftId, initialContent: INITIAL, onCreated, ...props }), {
    initialProps: { content: initial.content ?? INITIAL, name: initial.name ?? "web" },
    wrapper: ({ children }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>,
  });
  return { ...hook, created };
}
const draftRow = (id: string) => database.db.draft.findUnique({ where: { id } });

describe("useDraftAutosave", () => {
  it("creates nothing until the tenant changes the text, then creates the draft once, after the debounce", async () => {
    const { result, rerender, created } = renderAutosave({ draftId: null });
    expect(result.current.status).toEqual({ kind: "unsaved" });
    await new Promise((r) => setTimeout(r, 1_000));
    expect(requests).toEqual([]);

    rerender({ content: `${INITIAL}# one\n`, name: "web" });
    rerender({ content: `${INITIAL}# two\n`, name: "web" });
    // every keystroke is first copied to this browser
    expect(readBackup(backupKey(ANON, null), ANON)?.content).toBe(`${INITIAL}# two\n`);
    await waitFor(() => expect(result.current.status.kind).toBe("saved"), { timeout: 5_000 });
    expect(requests).toEqual(["POST /api/drafts"]);
    expect(created).toHaveLength(1);
    expect((await draftRow(created[0]!))?.content).toBe(`${INITIAL}# two\n`);
    // the server has it: the browser's copy is dropped
    expect(readBackup(backupKey(ANON, null), ANON)).toBeNull();
  });

  it("saves edits made during a save right after it, so the server ends with the last text", async () => {
    let release = () => {};
    hold = new Promise((r) => (release = r));
    const { result, rerender, created } = renderAutosave({ draftId: null });
    rerender({ content: `${INITIAL}# a\n`, name: "web" });
    await waitFor(() => expect(requests).toEqual(["POST /api/drafts"]), { timeout: 5_000 });
    expect(result.current.status.kind).toBe("saving");
    rerender({ content: `${INITIAL}# b\n`, name: "web 2" });
    // one save at a time: nothing more is sent while the first is in flight, however long it takes
    await new Promise((r) => setTimeout(r, 1_200));
    expect(requests).toHaveLength(1);
    hold = null;
    release();
    await waitFor(() => expect(requests).toHaveLength(2), { timeout: 5_000 });
    await waitFor(() => expect(result.current.status.kind).toBe("saved"));
    expect(requests[1]).toBe(`PATCH /api/drafts/${created[0]}`);
    expect(await draftRow(created[0]!)).toMatchObject({ content: `${INITIAL}# b\n`, name: "web 2" });
  });

  it("keeps the text in this browser while the server is down, says so, and saves it when the server is back", async () => {
    serverDown = true;
    const { result, rerender, created } = renderAutosave({ draftId: null });
    rerender({ content: `${INITIAL}# offline\n`, name: "web" });
    await waitFor(() => expect(result.current.status.kind).toBe("error"), { timeout: 5_000 });
    expect(result.current.status).toMatchObject({ message: expect.stringMatching(/cannot be reached.*kept in this browser; retrying\.$/) });
    expect(readBackup(backupKey(ANON, null), ANON)?.content).toBe(`${INITIAL}# offline\n`);

    serverDown = false;
    // it retries on its own (no new keystroke needed)
    await waitFor(() => expect(result.current.status.kind).toBe("saved"), { timeout: 8_000 });
    expect((await draftRow(created[0]!))?.content).toBe(`${INITIAL}# offline\n`);
    expect(readBackup(backupKey(ANON, null), ANON)).toBeNull();
  });

  it("saveNow creates the draft even without a change and resolves once the server has exactly the text on screen", async () => {
    const { result, created } = renderAutosave({ draftId: null });
    let id = "";
    await act(async () => {
      id = await result.current.saveNow();
    });
    expect(created).toEqual([id]);
    expect((await draftRow(id))?.content).toBe(INITIAL);
  });

  it("saveNow gives up with a clear message while the server stays down", async () => {
    serverDown = true;
    const { result } = renderAutosave({ draftId: null, content: `${INITIAL}# x\n` });
    await act(async () => {
      await expect(result.current.saveNow()).rejects.toThrow("The draft could not be saved yet; your text is kept in this browser. Try again in a moment.");
    });
  }, 20_000);
});
