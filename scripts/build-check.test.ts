import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildNeeded, stampBuild } from "./build-check";

const root = mkdtempSync(path.join(tmpdir(), "console-build-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("buildNeeded (npm start's rebuild check)", () => {
  it("builds the first time, then only when the sources or the NEXT_PUBLIC_* configuration change", () => {
    mkdirSync(path.join(root, "app"));
    mkdirSync(path.join(root, ".next"));
    const page = path.join(root, "app/page.tsx");
    writeFileSync(page, "x");
    const past = new Date(Date.now() - 60_000);
    utimesSync(page, past, past);
    expect(buildNeeded(root, {})).toBe("no build yet");

    writeFileSync(path.join(root, ".next/BUILD_ID"), "1");
    const env = { NEXT_PUBLIC_NETWORK: "devnet", PATH: "/bin" };
    stampBuild(root, env);
    expect(buildNeeded(root, env)).toBeNull();
    // other variables are not part of the build
    expect(buildNeeded(root, { ...env, PATH: "/usr/bin", DATABASE_URL: "file:x" })).toBeNull();
    expect(buildNeeded(root, { ...env, NEXT_PUBLIC_NETWORK: "akashnet-2" })).toBe("NEXT_PUBLIC_* configuration changed");
    expect(buildNeeded(root, { ...env, NEXT_PUBLIC_RPC_URL: "https://rpc.example.org" })).toBe("NEXT_PUBLIC_* configuration changed");

    const future = new Date(Date.now() + 60_000);
    utimesSync(page, future, future);
    expect(buildNeeded(root, env)).toBe("sources changed");
  });
});
