import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TENANT1 } from "../../accounts";
import { request, wsCollect } from "../../../test/support/gateway-client";
import { PROVIDER, startLeaseFixture, type LeaseFixture } from "../../test/support/lease-fixture";

let f: LeaseFixture;
const logs = (q: string) => `${f.lease}/logs?${q}`;

beforeAll(async () => {
  f = await startLeaseFixture({ pingIntervalMs: 150 });
  await f.sendManifestAndWaitReady();
});
afterAll(() => f?.stop());

/** Pings received on a follow stream during `ms`. */
function countPings(url: string, ms: number): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url.replace(/^https/, "wss"), { headers: f.auth, rejectUnauthorized: false });
    let pings = 0;
    ws.on("ping", () => pings++);
    ws.on("open", () => setTimeout(() => ws.close(), ms));
    ws.on("close", () => resolve(pings));
  });
}

describe("keepalive", () => {
  it("pings logs and kubeevents streams every pingIntervalMs (10 s on the real gateway)", async () => {
    const [l, e] = await Promise.all([countPings(logs("follow=true&tail=0"), 700), countPings(`${f.lease}/kubeevents?follow=true`, 700)]);
    expect(l).toBeGreaterThanOrEqual(3);
    expect(e).toBeGreaterThanOrEqual(3);
  });
});

describe("close codes", () => {
  it("4000 'no running pods' when the service filter matches no pod", async () => {
    const r = await wsCollect(logs("follow=true&service=nope"), { headers: f.auth });
    expect([r.code, r.reason]).toEqual([4000, "no running pods"]);
  });

  it("4001 for a lease that has no manifest yet, on logs and on events", async () => {
    f.chain.createLease({ owner: TENANT1.address, dseq: 777n, gseq: 1, oseq: 1, provider: PROVIDER, bseq: 0 });
    for (const path of ["logs", "kubeevents"]) {
      expect((await wsCollect(`${f.url}/lease/777/1/1/${path}?follow=true`, { headers: f.auth })).code, path).toBe(4001);
    }
  });

  it("4002 while the provider's Kubernetes API is unreachable; lease status answers 503 then", async () => {
    await f.fleet.inject(PROVIDER, { kind: "kube-unavailable", on: true });
    expect((await wsCollect(logs("follow=true"), { headers: f.auth })).code).toBe(4002);
    expect((await wsCollect(`${f.lease}/kubeevents?follow=true`, { headers: f.auth })).code).toBe(4002);
    expect((await request(`${f.lease}/status`, { headers: f.auth })).status).toBe(503);
    await f.fleet.inject(PROVIDER, { kind: "kube-unavailable", on: false });
    expect((await request(`${f.lease}/status`, { headers: f.auth })).status).toBe(200);
  });
});

describe("log stream faults", () => {
  it("drop-logs: exactly N frames arrive, then the connection dies without a close frame (1006); the next stream is whole", async () => {
    await f.fleet.inject(PROVIDER, { kind: "drop-logs", afterFrames: 5, streams: 1 });
    const dropped = await wsCollect(logs("follow=true&tail=-1"), { headers: f.auth });
    expect(dropped.frames).toHaveLength(5);
    expect(dropped.code).toBe(1006);
    const next = await wsCollect(logs("follow=false&tail=-1"), { headers: f.auth });
    expect(next.code).toBe(1000);
    expect(next.frames.length).toBeGreaterThan(5);
    expect(next.frames.slice(0, 5)).toEqual(dropped.frames);
  });

  it("huge-log-line: an open follow stream receives one 10 MB line in a single frame", async () => {
    const bytes = 10 * 1024 * 1024;
    const r = await wsCollect(logs("follow=true&tail=0"), {
      headers: f.auth,
      onFrame: (frame, ws) => {
        if (frame.length > bytes) ws.close(1000);
      },
      onOpen: () => void f.fleet.inject(PROVIDER, { kind: "huge-log-line", bytes }),
    });
    const huge = r.frames.map((x) => JSON.parse(x) as { name: string; message: string }).find((x) => x.message.length >= bytes);
    expect(huge?.message).toHaveLength(bytes);
    expect(huge?.name).toMatch(/^(web|cache)-/);
  });

  it("huge-log-line with no stream open waits for the next stream", async () => {
    await f.fleet.inject(PROVIDER, { kind: "huge-log-line", bytes: 2_000_000 });
    expect(f.fleet.faultStates()[PROVIDER]!.hugeLogLinePending).toBe(2_000_000);
    const r = await wsCollect(logs("follow=false&tail=2&service=cache"), { headers: f.auth }); // tail counts per pod
    expect(r.frames).toHaveLength(3);
    expect((JSON.parse(r.frames[2]!) as { message: string }).message).toHaveLength(2_000_000);
    expect(f.fleet.faultStates()[PROVIDER]!.hugeLogLinePending).toBeNull();
  });
});
