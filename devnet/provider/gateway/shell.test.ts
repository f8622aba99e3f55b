import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TENANT1 } from "../../accounts";
import { request } from "../../../test/support/gateway-client";
import { providerToken as tokenFor } from "../../../test/support/tenant";
import { startLeaseFixture, type LeaseFixture } from "../../test/support/lease-fixture";
import { openShell, runShell, shellUrl } from "../../test/support/shell-client";

let f: LeaseFixture;

beforeAll(async () => {
  f = await startLeaseFixture();
  await f.sendManifestAndWaitReady();
});
afterAll(() => f?.stop());

describe("lease shell: one-shot commands", () => {
  it("runs echo and ends with result frame 102 {exit_code:0}, json.Encoder's trailing newline included", async () => {
    const r = await runShell(f.lease, f.auth, ["echo", "hello", "world"], { service: "web" });
    expect(r.stdout).toBe("hello world\n");
    expect(r.resultText).toBe('{"exit_code":0}\n');
    expect(r.codes.at(-1)).toBe(102);
  });

  it("closes the connection after the result without a close frame, as the provider's gorilla Conn.Close (1006)", async () => {
    const r = await runShell(f.lease, f.auth, ["true"], { service: "web" });
    expect(r.result).toEqual({ exit_code: 0 });
    expect(r.closeCode).toBe(1006);
  });

  it("prints the service's env from the manifest plus the pod's and Akash's variables", async () => {
    const r = await runShell(f.lease, f.auth, ["env"], { service: "web" });
    const env = Object.fromEntries(r.stdout.trim().split("\n").map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]));
    expect(env).toMatchObject({ GREETING: "hello devnet", MODE: "test", AKASH_DEPLOYMENT_SEQUENCE: String(f.dseq), AKASH_OWNER: TENANT1.address, HOME: "/root" });
    expect(env.HOSTNAME).toMatch(/^web-[a-z0-9]+-[a-z0-9]+$/);
  });

  it("hostname is the pod's name, and podIndex picks the pods in name order", async () => {
    const a = (await runShell(f.lease, f.auth, ["hostname"], { service: "web", podIndex: 0 })).stdout.trim();
    const b = (await runShell(f.lease, f.auth, ["hostname"], { service: "web", podIndex: 1 })).stdout.trim();
    expect(a).toMatch(/^web-/);
    expect(b).toMatch(/^web-/);
    expect(a < b).toBe(true);
    const out = await runShell(f.lease, f.auth, ["hostname"], { service: "web", podIndex: 2 });
    expect(out.result).toEqual({ exit_code: 0, message: "remote command execute error: pod index out of range: valid range is [0, 1]" });
  });

  it("lists and reads the container's tiny filesystem; a missing file is stderr (101) and exit 1", async () => {
    expect((await runShell(f.lease, f.auth, ["ls", "/app"], { service: "web" })).stdout).toBe("README.md\nhello.txt\n");
    expect((await runShell(f.lease, f.auth, ["cat", "/app/hello.txt"], { service: "web" })).stdout).toBe("hello from web\n");
    const missing = await runShell(f.lease, f.auth, ["cat", "/nope"], { service: "web" });
    expect(missing.stderr).toBe("cat: /nope: No such file or directory\n");
    expect(missing.codes).toContain(101);
    expect(missing.result).toEqual({ exit_code: 1 });
  });

  it("sh -c runs a command list with expansion and exits with exit N", async () => {
    const r = await runShell(f.lease, f.auth, ["sh", "-c", 'echo "$GREETING from $HOSTNAME" && exit 3'], { service: "web" });
    expect(r.stdout).toMatch(/^hello devnet from web-\S+\n$/);
    expect(r.result).toEqual({ exit_code: 3 });
  });

  it("an image without bash answers cmd0=bash as the provider does for a missing executable, and sh works there", async () => {
    const r = await runShell(f.lease, f.auth, ["bash"], { service: "cache", tty: true, stdin: true });
    expect(r.result).toEqual({ exit_code: 0, message: "remote command execute error: command could not be executed because it does not exist" });
    expect((await runShell(f.lease, f.auth, ["sh", "-c", "cat /etc/os-release"], { service: "cache" })).stdout).toContain("Alpine Linux");
  });

  it("cmd0=yes on a tty floods until the client types Ctrl-C, then exits 130", async () => {
    const sh = openShell(shellUrl(f.lease, ["yes"], { service: "web", tty: true, stdin: true }), f.auth);
    await sh.waitStdout((o) => o.length > 1_000_000, 15_000);
    sh.stdin("\u0003");
    const r = await sh.done;
    expect(r.stdout.startsWith("y\r\ny\r\n")).toBe(true);
    expect(r.result).toEqual({ exit_code: 130 });
  });

  it("floods stdout with seq 1 N in order, without loss", async () => {
    const r = await runShell(f.lease, f.auth, ["seq", "1", "200000"], { service: "web" });
    const lines = r.stdout.split("\n");
    expect(lines).toHaveLength(200_001);
    expect(lines[0]).toBe("1");
    expect(lines[199_999]).toBe("200000");
    expect(r.result).toEqual({ exit_code: 0 });
  });
});

describe("lease shell: interactive", () => {
  it("bash with tty: prompt, echoed keystrokes, \\r\\n output, Backspace, exit N ends the session with N", async () => {
    const sh = openShell(shellUrl(f.lease, ["bash"], { service: "web", tty: true, stdin: true }), f.auth);
    await sh.waitStdout((o) => /root@web-\S+:\/# $/.test(o));
    sh.stdin("echo hix");
    sh.stdin("\u007f");
    sh.stdin("\r");
    await sh.waitStdout((o) => o.includes("hi\r\n"));
    sh.stdin("exit 4\r");
    const r = await sh.done;
    expect(r.stdout).toContain("echo hix\b \b\r\nhi\r\nroot@");
    expect(r.stdout).toMatch(/exit 4\r\nexit\r\n$/);
    expect(r.result).toEqual({ exit_code: 4 });
  });

  it("stty size prints the last resize frame (105) as rows and columns", async () => {
    const sh = openShell(shellUrl(f.lease, ["bash"], { service: "web", tty: true, stdin: true }), f.auth);
    await sh.waitStdout((o) => o.endsWith("# "));
    sh.stdin("stty size\r");
    await sh.waitStdout((o) => o.includes("0 0\r\n"));
    sh.resize(132, 43);
    sh.stdin("stty size\r");
    await sh.waitStdout((o) => o.includes("43 132\r\n"));
    sh.close();
    await sh.done;
  });

  it("Ctrl-C stops a yes flood and the shell goes on; its exit status is 130", async () => {
    const sh = openShell(shellUrl(f.lease, ["sh"], { service: "cache", tty: true, stdin: true }), f.auth);
    await sh.waitStdout((o) => o.endsWith("/ # "));
    sh.stdin("yes devnet\r");
    await sh.waitStdout((o) => o.split("devnet\r\n").length > 50_000, 15_000);
    sh.stdin("\u0003");
    await sh.waitStdout((o) => o.endsWith("^C\r\n/ # "), 15_000);
    sh.stdin("echo $?\r");
    await sh.waitStdout((o) => o.endsWith("130\r\n/ # "));
    sh.stdin("nope\r");
    await sh.waitStdout((o) => o.endsWith("sh: nope: not found\r\n/ # "));
    sh.stdin("\u0004");
    expect((await sh.done).result).toEqual({ exit_code: 127 });
  });

  it("without a tty: no prompt, no echo, stderr on 101, one command per line", async () => {
    const sh = openShell(shellUrl(f.lease, ["sh"], { service: "web", stdin: true }), f.auth);
    sh.stdin("echo one\ncat /missing\n");
    sh.stdin("exit\n");
    const r = await sh.done;
    expect(r.stdout).toBe("one\n");
    expect(r.stderr).toBe("cat: /missing: No such file or directory\n");
    expect(r.result).toEqual({ exit_code: 1 });
  });
});

describe("lease shell: refusals", () => {
  it("400 with an empty body when a required parameter is missing", async () => {
    for (const drop of ["cmd0", "tty", "stdin", "podIndex", "service"]) {
      const url = new URL(shellUrl(f.lease, ["echo"], { service: "web" }));
      url.searchParams.delete(drop);
      expect((await openShell(url.toString(), f.auth).done).status, drop).toBe(400);
    }
  });

  it("needs the shell scope (403 without it) and a token (401)", async () => {
    const logsOnly = await tokenFor(TENANT1, { leases: { access: "scoped", scope: ["logs"] } });
    expect((await runShell(f.lease, { Authorization: `Bearer ${logsOnly}` }, ["echo"], { service: "web" })).status).toBe(403);
    expect((await runShell(f.lease, {}, ["echo"], { service: "web" })).status).toBe(401);
    const shellOnly = await tokenFor(TENANT1, { leases: { access: "scoped", scope: ["shell"] } });
    expect((await runShell(f.lease, { Authorization: `Bearer ${shellOnly}` }, ["echo", "ok"], { service: "web" })).stdout).toBe("ok\n");
  });

  it("an unknown service is the provider's 'no service for that lease' result", async () => {
    const r = await runShell(f.lease, f.auth, ["echo"], { service: "nope" });
    expect(r.result).toEqual({ exit_code: 0, message: "kube: no service for that lease" });
    expect(r.stdout).toBe("");
  });

  it("the shell route is websocket only (400 over plain GET)", async () => {
    expect((await request(`${f.lease}/shell?cmd0=echo`, { headers: f.auth })).status).toBe(400);
  });
});
