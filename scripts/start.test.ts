import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// scripts/start.sh starts a devnet and a server, too much for a unit test: its defaults are read from the script.
const script = readFileSync(path.join(__dirname, "start.sh"), "utf8");

describe("npm start (scripts/start.sh)", () => {
  it("listens on 127.0.0.1 unless HOST says otherwise", () => {
    expect(script).toContain('export HOST="${HOST:-127.0.0.1}"');
    expect(script).toMatch(/node dist\/console-server.mjs --hostname "\$HOST" --port "\$PORT"/);
  });

  it("names the devnet explicitly and allows loopback providers on it only", () => {
    expect(script).toContain('export NEXT_PUBLIC_NETWORK="${NEXT_PUBLIC_NETWORK:-devnet}"');
    expect(script).toMatch(/if \[ "\$NEXT_PUBLIC_NETWORK" = "devnet" \]; then\n\s+#[^\n]*\n\s+export CONSOLE_ALLOW_LOOPBACK_PROVIDERS=/);
  });

  it("rebuilds through the check that includes the NEXT_PUBLIC_* configuration, and creates files private to its user", () => {
    expect(script).toContain("npx tsx scripts/build-check.ts");
    expect(script).toContain("npx tsx scripts/build-check.ts --stamp");
    expect(script).toMatch(/^umask 077$/m);
  });
});
