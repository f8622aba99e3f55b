import { certificateManager } from "@akashnetwork/chain-sdk";
import { X509Certificate } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROVIDER_ACCOUNTS, TENANT1, TENANT2 } from "../../accounts";
import { FakeChain } from "../../test/support/fake-chain";
import { corpusSdl } from "../../../test/support/corpus";
import { manifestOf, providerToken as tokenFor, walletOf } from "../../../test/support/tenant";
import { request, wsCollect } from "../../../test/support/gateway-client";
import { sleep, waitFor } from "../../../test/support/wait";
import { startProviders, type SimulatedFleet } from "../start";

const P1 = PROVIDER_ACCOUNTS[0]!.address;
const P2 = PROVIDER_ACCOUNTS[1]!.address;
const DSEQ = 1001n;

let chain: FakeChain;
let fleet: SimulatedFleet;
let url: string;
let token1: string;
let manifest: Awaited<ReturnType<typeof manifestOf>>;

const auth = (t: string) => ({ Authorization: `Bearer ${t}` });

beforeAll(async () => {
  chain = new FakeChain();
  fleet = await startProviders(chain, {
    basePort: 0,
    host: "127.0.0.1",
    seed: 7,
    behaviours: false,
    readyDelayMs: 1500,
    faultDropAfterMs: 800,
    logIntervalMs: 150,
  });
  await fleet.registered;
  url = fleet.endpoints()[P1]!;
  for (const t of [TENANT1, TENANT2]) chain.setPubkey(t.address, (await walletOf(t)).pubkey);
  token1 = await tokenFor(TENANT1);
  manifest = await manifestOf(corpusSdl("metabase.yaml"));
  chain.setDeployment(TENANT1.address, DSEQ, manifest.hash, manifest.groupSpecs);
  chain.createLease({ owner: TENANT1.address, dseq: DSEQ, gseq: 1, oseq: 1, provider: P1, bseq: 0 });
});

afterAll(async () => {
  await fleet?.stop();
});

describe("registration", () => {
  it("registers providers with https host URIs, certificates (CN = address) and auditor signatures", () => {
    const created = chain.messages<{ owner: string; hostUri: string; attributes: { key: string; value: string }[] }>(
      "/akash.provider.v1beta4.MsgCreateProvider",
    );
    expect(created).toHaveLength(PROVIDER_ACCOUNTS.length);
    for (const c of created) {
      expect(c.signer).toBe(c.value.owner);
      expect(c.value.hostUri).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(c.value.hostUri).toBe(fleet.endpoints()[c.value.owner]);
    }
    const p1 = created.find((c) => c.value.owner === P1)!.value.attributes;
    expect(p1).toContainEqual({ key: "capabilities/gpu/vendor/nvidia/model/h100", value: "true" });
    expect(p1).toContainEqual({ key: "region", value: "us-west" });
    const certs = chain.getCertificates(P1);
    expect(certs).toHaveLength(1);
    const x = new X509Certificate(certs[0]!.certPem);
    expect(x.subject).toContain(`CN=${P1}`);
    expect(certs[0]!.pubkeyPem).toContain("BEGIN EC PUBLIC KEY");
    const audits = chain.messages<{ owner: string; auditor: string }>("/akash.audit.v1.MsgSignProviderAttributes");
    expect(audits.length).toBeGreaterThan(0);
    expect(audits.every((a) => a.signer === a.value.auditor)).toBe(true);
  });

  it("serves the registered certificate", async () => {
    const r = await request(`${url}/version`);
    const served = r.peerCert!;
    expect(served.subject.CN).toBe(P1);
    expect(BigInt("0x" + served.serialNumber).toString()).toBe(chain.getCertificates(P1)[0]!.serial);
  });
});

describe("public routes", () => {
  it("/status reports the cluster inventory", async () => {
    const r = await request(`${url}/status`);
    expect(r.status).toBe(200);
    const s = r.json() as {
      address: string;
      cluster: { leases: number; inventory: { available: { nodes: { name: string; allocatable: { cpu: number }; gpus: { name: string }[] }[]; storage: { class: string }[] } } };
    };
    expect(s.address).toBe(P1);
    expect(s.cluster.inventory.available.nodes[0]!.allocatable.cpu).toBeGreaterThan(0);
    expect(s.cluster.inventory.available.nodes[0]!.gpus[0]!.name).toBe("h100");
    expect(s.cluster.inventory.available.storage.map((x) => x.class)).toContain("beta3");
  });
  it("/version and /address", async () => {
    const v = (await request(`${url}/version`)).json() as { akash: { version: string }; kube: { gitVersion: string } };
    expect(v.akash.version).toMatch(/^v/);
    expect(v.kube.gitVersion).toMatch(/^v1\./);
    expect((await request(`${url}/address`)).json()).toEqual({ address: P1 });
  });
  it("unknown route is 404", async () => {
    expect((await request(`${url}/nope`)).status).toBe(404);
  });
});

describe("manifest", () => {
  it("401 without auth, with a JSON error", async () => {
    const r = await request(`${url}/deployment/${DSEQ}/manifest`, { method: "PUT", body: manifest.json });
    expect(r.status).toBe(401);
    expect((r.json() as { message: string }).message).toBeTruthy();
  });
  it("404 when the provider has no lease for that deployment of the caller", async () => {
    const other = await request(`${fleet.endpoints()[P2]}/deployment/${DSEQ}/manifest`, { method: "PUT", body: manifest.json, headers: auth(token1) });
    expect(other.status).toBe(404);
    const token2 = await tokenFor(TENANT2);
    const notMine = await request(`${url}/deployment/${DSEQ}/manifest`, { method: "PUT", body: manifest.json, headers: auth(token2) });
    expect(notMine.status).toBe(404);
  });
  it("422 manifest version validation failed when the hash differs", async () => {
    const other = await manifestOf(corpusSdl("react.yaml"));
    const r = await request(`${url}/deployment/${DSEQ}/manifest`, { method: "PUT", body: other.json, headers: auth(token1) });
    expect(r.status).toBe(422);
    expect(r.body).toContain("manifest version validation failed");
  });
  it("lease status is 404 before the manifest", async () => {
    const r = await request(`${url}/lease/${DSEQ}/1/1/status`, { headers: auth(token1) });
    expect(r.status).toBe(404);
  });
  it("200 for the chain-sdk manifest whose version is the on-chain hash; services become ready", async () => {
    const r = await request(`${url}/deployment/${DSEQ}/manifest`, { method: "PUT", body: manifest.json, headers: auth(token1) });
    expect(r.status).toBe(200);
    const first = (await request(`${url}/lease/${DSEQ}/1/1/status`, { headers: auth(token1) })).json() as {
      services: Record<string, { name: string; available: number; total: number; ready_replicas: number; uris: string[]; replicas: number }>;
      forwarded_ports: Record<string, unknown[]>;
    };
    expect(Object.keys(first.services).sort()).toEqual(["metabase", "postgres"]);
    expect(first.services.metabase!.available).toBe(0);
    expect(first.services.metabase!.total).toBe(1);
    expect(first.services.metabase!.replicas).toBe(1);
    const ready = await waitFor(async () => {
      const s = (await request(`${url}/lease/${DSEQ}/1/1/status`, { headers: auth(token1) })).json() as typeof first;
      return s.services.metabase!.ready_replicas === 1 ? s : undefined;
    }, 5000);
    const s = ready;
    expect(s.services.metabase!.available).toBe(1);
    expect(s.services.metabase!.uris.length).toBeGreaterThan(0);
    expect(s).toHaveProperty("forwarded_ports");
  });
});

describe("JWT auth", () => {
  it("accepts ES256KADR36 tokens from an amino wallet", async () => {
    const t = await tokenFor(TENANT1, {}, "ES256KADR36");
    expect((await request(`${url}/lease/${DSEQ}/1/1/status`, { headers: auth(t) })).status).toBe(200);
  });
  it("rejects an expired token with 401", async () => {
    const now = Math.floor(Date.now() / 1000);
    // JwtTokenManager refuses to mint expired tokens: build a valid one and re-sign an expired payload
    const t = await tokenFor(TENANT1, { iat: now - 10, nbf: now - 10, exp: now + 1 });
    await sleep(2100);
    const r = await request(`${url}/lease/${DSEQ}/1/1/status`, { headers: auth(t) });
    expect(r.status).toBe(401);
    expect((r.json() as { message: string }).message).toMatch(/expired/);
  });
  it("rejects a token signed by another key than the issuer's on-chain key", async () => {
    const forged = await tokenFor(TENANT2, {});
    const [h, , s] = forged.split(".");
    const payload = JSON.parse(Buffer.from(forged.split(".")[1]!, "base64url").toString());
    payload.iss = TENANT1.address;
    const t = `${h}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${s}`;
    expect((await request(`${url}/lease/${DSEQ}/1/1/status`, { headers: auth(t) })).status).toBe(401);
  });
  it("granular tokens: another lease is 403, another provider is 401", async () => {
    const other = await tokenFor(TENANT1, {
      leases: { access: "granular", permissions: [{ provider: P1, access: "granular", deployments: [{ dseq: 999, scope: ["status", "logs"], services: ["metabase"] }] }] },
    });
    expect((await request(`${url}/lease/${DSEQ}/1/1/status`, { headers: auth(other) })).status).toBe(403);
    const onlyP2 = await tokenFor(TENANT1, { leases: { access: "granular", permissions: [{ provider: P2, access: "full" }] } });
    expect((await request(`${url}/lease/${DSEQ}/1/1/status`, { headers: auth(onlyP2) })).status).toBe(401);
    const mine = await tokenFor(TENANT1, {
      leases: { access: "granular", permissions: [{ provider: P1, access: "granular", deployments: [{ dseq: Number(DSEQ), scope: ["status"], services: ["metabase", "postgres"] }] }] },
    });
    expect((await request(`${url}/lease/${DSEQ}/1/1/status`, { headers: auth(mine) })).status).toBe(200);
  });
  it("scoped tokens honour the scope list", async () => {
    const logsOnly = await tokenFor(TENANT1, { leases: { access: "scoped", scope: ["logs"] } });
    expect((await request(`${url}/lease/${DSEQ}/1/1/status`, { headers: auth(logsOnly) })).status).toBe(403);
    const statusScope = await tokenFor(TENANT1, { leases: { access: "scoped", scope: ["status"] } });
    expect((await request(`${url}/lease/${DSEQ}/1/1/status`, { headers: auth(statusScope) })).status).toBe(200);
  });
  it("a lease of another tenant is 404 for the caller", async () => {
    const token2 = await tokenFor(TENANT2);
    expect((await request(`${url}/lease/${DSEQ}/1/1/status`, { headers: auth(token2) })).status).toBe(404);
  });
  it("garbage and malformed headers are 401", async () => {
    expect((await request(`${url}/lease/${DSEQ}/1/1/status`, { headers: auth("abc.def.ghi") })).status).toBe(401);
    expect((await request(`${url}/lease/${DSEQ}/1/1/status`, { headers: { Authorization: "Basic xyz" } })).status).toBe(401);
  });
});

describe("mTLS", () => {
  it("accepts a client certificate registered on chain, refuses it once revoked or if unknown", async () => {
    const pem = await certificateManager.generatePEM(TENANT1.address);
    const serial = BigInt("0x" + new X509Certificate(pem.cert).serialNumber).toString();
    const tls = { cert: pem.cert, key: pem.privateKey };
    const unknown = await request(`${url}/lease/${DSEQ}/1/1/status`, tls);
    expect(unknown.status).toBe(401);
    chain.addCertificate({ owner: TENANT1.address, serial, state: "valid", certPem: pem.cert, pubkeyPem: pem.publicKey });
    expect((await request(`${url}/lease/${DSEQ}/1/1/status`, tls)).status).toBe(200);
    chain.revokeCertificate(TENANT1.address, serial);
    const revoked = await request(`${url}/lease/${DSEQ}/1/1/status`, tls);
    expect(revoked.status).toBe(401);
    expect((revoked.json() as { message: string }).message).toMatch(/revoked/);
  });
});

describe("logs websocket", () => {
  const logsUrl = (q: string) => `${url}/lease/${DSEQ}/1/1/logs?${q}`;
  it("refuses the upgrade without auth (401)", async () => {
    const r = await wsCollect(logsUrl("follow=false"));
    expect(r.status).toBe(401);
  });
  it("follow=false sends the tail and closes normally; frames are {name, message, service}", async () => {
    await sleep(600); // let some steady lines accumulate
    const r = await wsCollect(logsUrl("follow=false&tail=3&service=postgres"), { headers: auth(token1) });
    expect(r.code).toBe(1000);
    expect(r.frames).toHaveLength(3);
    for (const f of r.frames) {
      const m = JSON.parse(f) as { name: string; message: string; service: string };
      expect(m.service).toBe("postgres");
      expect(m.name).toMatch(/^postgres-[a-z0-9]+-[a-z0-9]+$/);
      expect(typeof m.message).toBe("string");
    }
    const all = await wsCollect(logsUrl("follow=false"), { headers: auth(token1) });
    const services = new Set(all.frames.map((f) => (JSON.parse(f) as { service: string }).service));
    expect([...services].sort()).toEqual(["metabase", "postgres"]);
    expect(all.frames.some((f) => f.includes("database system is ready to accept connections"))).toBe(true);
    expect(all.frames.some((f) => f.includes("\\u001b["))).toBe(true); // ANSI colours in app logs
  });
  it("follow=true keeps streaming new lines", async () => {
    const r = await wsCollect(logsUrl("follow=true&tail=0"), { headers: auth(token1), untilMs: 1200 });
    expect(r.frames.length).toBeGreaterThan(2);
  });
  it("a lease that is not the caller's closes with 4001", async () => {
    const r = await wsCollect(`${url}/lease/777/1/1/logs?follow=false`, { headers: auth(token1) });
    expect(r.code).toBe(4001);
  });
});

describe("kubeevents websocket", () => {
  it("sends kubernetes events of the lease (type, reason, note, object)", async () => {
    const r = await wsCollect(`${url}/lease/${DSEQ}/1/1/kubeevents?follow=false`, { headers: auth(token1) });
    expect(r.code).toBe(1000);
    const evs = r.frames.map((f) => JSON.parse(f) as { type: string; reason: string; note: string; object: { kind: string; name: string; namespace: string } });
    expect(evs.map((e) => e.reason)).toEqual(expect.arrayContaining(["ScalingReplicaSet", "Scheduled", "Pulling", "Pulled", "Started"]));
    const pulling = evs.find((e) => e.reason === "Pulling")!;
    expect(pulling.type).toBe("Normal");
    expect(pulling.object.kind).toBe("Pod");
    expect(pulling.note).toMatch(/Pulling image "/);
  });
});

describe("faults", () => {
  it("http500: every route answers 500", async () => {
    await fleet.setFault(P2, "http500");
    const p2 = fleet.endpoints()[P2]!;
    expect((await request(`${p2}/status`)).status).toBe(500);
    expect((await request(`${p2}/version`)).status).toBe(500);
    await fleet.setFault(P2, null);
    expect((await request(`${p2}/status`)).status).toBe(200);
  });
  it("down: connections are refused, then it comes back on the same port", async () => {
    const p2 = fleet.endpoints()[P2]!;
    await fleet.setFault(P2, "down");
    await expect(request(`${p2}/status`)).rejects.toThrow(/ECONNREFUSED/);
    await fleet.setFault(P2, null);
    expect((await request(`${p2}/status`)).status).toBe(200);
  });
  it("expired-cert and unregistered-cert change the served certificate", async () => {
    const p2 = fleet.endpoints()[P2]!;
    const registered = chain.getCertificates(P2)[0]!.serial;
    await fleet.setFault(P2, "expired-cert");
    const expired = (await request(`${p2}/status`)).peerCert!;
    expect(new Date(expired.valid_to).getTime()).toBeLessThan(Date.now());
    await fleet.setFault(P2, "unregistered-cert");
    const unreg = (await request(`${p2}/status`)).peerCert!;
    expect(new Date(unreg.valid_to).getTime()).toBeGreaterThan(Date.now());
    expect(unreg.subject.CN).toBe(P2);
    expect(BigInt("0x" + unreg.serialNumber).toString()).not.toBe(registered);
    await fleet.setFault(P2, null);
    expect(BigInt("0x" + (await request(`${p2}/status`)).peerCert!.serialNumber).toString()).toBe(registered);
  });
  it("drop-streams: follow log streams die abnormally after a moment", async () => {
    await fleet.setFault(P1, "drop-streams");
    const t0 = Date.now();
    const r = await wsCollect(`${url}/lease/${DSEQ}/1/1/logs?follow=true`, { headers: auth(token1) });
    expect(r.code).toBe(1006);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(700);
    await fleet.setFault(P1, null);
  });
  it("firehose: setLogRate streams thousands of lines per second", async () => {
    fleet.setLogRate(20_000);
    const r = await wsCollect(`${url}/lease/${DSEQ}/1/1/logs?follow=true&tail=0`, { headers: auth(token1), untilMs: 1000 });
    fleet.setLogRate(0);
    expect(r.frames.length).toBeGreaterThan(5_000);
    expect(() => JSON.parse(r.frames[r.frames.length - 1]!)).not.toThrow();
  });
});
