import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request } from "../../../test/support/gateway-client";
import { PROVIDER, startLeaseFixture, type LeaseFixture } from "../../test/support/lease-fixture";
import { runShell } from "../../test/support/shell-client";

let f: LeaseFixture;
const serialOf = (hex: string) => BigInt("0x" + hex).toString();

beforeAll(async () => {
  f = await startLeaseFixture();
});
afterAll(() => f?.stop());

describe("provider faults with a parameter", () => {
  it("manifest-500: the next N manifests are refused with 500, then the manifest is accepted", async () => {
    await f.fleet.inject(PROVIDER, { kind: "manifest-500", times: 2 });
    expect(await f.sendManifest()).toBe(500);
    expect(f.fleet.faultStates()[PROVIDER]!.manifest500).toBe(1);
    expect(await f.sendManifest()).toBe(500);
    expect(await f.sendManifest()).toBe(200);
    expect((await request(`${f.lease}/status`, { headers: f.auth })).status).toBe(200);
  });

  it("stall-status: lease and service status answer only after the stall; 0 ends it", async () => {
    await f.fleet.inject(PROVIDER, { kind: "stall-status", ms: 700 });
    for (const path of ["/status", "/service/web/status"]) {
      const t0 = Date.now();
      expect((await request(`${f.lease}${path}`, { headers: f.auth })).status).toBe(200);
      expect(Date.now() - t0, path).toBeGreaterThanOrEqual(690);
    }
    await f.fleet.inject(PROVIDER, { kind: "stall-status", ms: 0 });
    const t0 = Date.now();
    await request(`${f.lease}/status`, { headers: f.auth });
    expect(Date.now() - t0).toBeLessThan(500);
  });

  it("shell-failure: the next shell ends with an empty failure frame (103), the one after runs", async () => {
    await f.sendManifestAndWaitReady();
    await f.fleet.inject(PROVIDER, { kind: "shell-failure", times: 1 });
    const failed = await runShell(f.lease, f.auth, ["echo", "x"], { service: "web" });
    expect(failed.codes).toEqual([103]);
    expect(failed.failure).toBe(true);
    expect((await runShell(f.lease, f.auth, ["echo", "x"], { service: "web" })).stdout).toBe("x\n");
  });

  it("clear ends every injected fault", async () => {
    await f.fleet.inject(PROVIDER, { kind: "manifest-500", times: 5 });
    await f.fleet.inject(PROVIDER, { kind: "drop-logs", afterFrames: 1, streams: 3 });
    await f.fleet.inject(PROVIDER, { kind: "clear" });
    expect(f.fleet.faultStates()[PROVIDER]).toEqual({
      mode: null,
      dropLogs: null,
      manifest500: 0,
      stallStatusMs: 0,
      hugeLogLinePending: null,
      shellFailures: 0,
      kubeUnavailable: false,
    });
  });
});

describe("certificate faults", () => {
  it("expired-cert serves a certificate past its notAfter that is registered on chain", async () => {
    await f.fleet.setFault(PROVIDER, "expired-cert");
    const served = (await request(`${f.url}/version`)).peerCert!;
    expect(new Date(served.valid_to).getTime()).toBeLessThan(Date.now());
    const onChain = f.chain.getCertificates(PROVIDER).find((c) => c.serial === serialOf(served.serialNumber));
    expect(onChain?.state).toBe("valid");
  });

  it("unregistered-cert serves a valid certificate of the provider that is not on chain", async () => {
    await f.fleet.setFault(PROVIDER, "unregistered-cert");
    const served = (await request(`${f.url}/version`)).peerCert!;
    expect(served.subject.CN).toBe(PROVIDER);
    expect(new Date(served.valid_to).getTime()).toBeGreaterThan(Date.now());
    expect(f.chain.getCertificates(PROVIDER).map((c) => c.serial)).not.toContain(serialOf(served.serialNumber));
    await f.fleet.setFault(PROVIDER, null);
    const back = (await request(`${f.url}/version`)).peerCert!;
    expect(serialOf(back.serialNumber)).toBe(f.fleet.certificate(PROVIDER).serial);
  });
});
