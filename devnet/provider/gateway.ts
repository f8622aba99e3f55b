/**
 * A simulated provider's HTTPS gateway: the routes of akash-network/provider's gateway/rest router
 * (/status, /version, /address, PUT /deployment/{dseq}/manifest, /lease/{dseq}/{gseq}/{oseq}/status|logs|kubeevents)
 * with the real provider's auth (JWT AEP-64 or mTLS with an on-chain certificate), status codes and JSON shapes.
 */
import { generateManifestVersion, type Manifest } from "@akashnetwork/chain-sdk";
import https from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type { TLSSocket } from "node:tls";
import { WebSocketServer, WebSocket } from "ws";
import type { DevnetChain, LeaseView, ProviderFault } from "../contract";
import {
  AuthError,
  authenticateClientCert,
  authenticateJwt,
  authorize,
  authorizeForProvider,
  bearerToken,
  type AccessScope,
  type Principal,
} from "./auth";
import type { CertBundle } from "./certs";
import { imageKind, startupLines, steadyLine, type ImageKind } from "./logs";
import type { ProviderProfile } from "./profiles";
import { hash32, shortId, unit } from "./rng";
import type { Usage } from "./bidding";

const JSON_TYPE = "application/json; charset=UTF-8";
/** Private websocket close codes of the real gateway. */
export const WS_INTERNAL_ERROR = 4000;
export const WS_LEASE_NOT_FOUND = 4001;

export interface GatewayOptions {
  chain: DevnetChain;
  profile: ProviderProfile;
  host: string;
  /** 0 = random */
  port: number;
  seed: number;
  cert: CertBundle;
  /** lazily made alternative certificates for the expired-cert / unregistered-cert faults */
  altCert: (kind: "expired" | "unregistered") => CertBundle;
  /** current firehose rate (lines/s per follow stream), 0 = realistic pace */
  logRate: () => number;
  /** inventory in use and counters for /status */
  inventory: () => { usage: Usage; leases: number; orders: number };
  /** delay between manifest and services being ready (ms) */
  readyDelayMs: number;
  /** log streams of a drop-streams fault close after this (ms) */
  faultDropAfterMs: number;
  /** when the provider's own behaviour is drop-streams: streams close after this (ms) */
  behaviourDropAfterMs: number;
  /** interval of steady log lines per pod at the realistic pace (ms) */
  logIntervalMs: number;
}

interface ManifestService {
  name: string;
  image: string;
  count: number;
  expose?: { port: number; externalPort: number; proto: string; global: boolean; hosts: string[] | null; ip?: string }[];
  resources?: { gpu?: { units?: { val?: string } } };
}
interface ManifestGroup {
  name: string;
  services: ManifestService[];
}

interface LeaseRuntime {
  group: ManifestGroup;
  /** when the manifest arrived (ms) */
  receivedAt: number;
  generation: number;
  namespace: string;
}

interface RouteMatch {
  dseq: bigint;
  gseq?: number;
  oseq?: number;
  rest: string;
}

function parseLeasePath(pathname: string): RouteMatch | undefined {
  const m = /^\/lease\/(\d+)\/(\d+)\/(\d+)(\/.*)$/.exec(pathname);
  if (!m) return undefined;
  return { dseq: BigInt(m[1]!), gseq: Number(m[2]), oseq: Number(m[3]), rest: m[4]! };
}

export class Gateway {
  private server: https.Server;
  private wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  private sockets = new Set<Socket>();
  private streams = new Set<WebSocket>();
  private runtimes = new Map<string, LeaseRuntime>();
  private fault: ProviderFault | null = null;
  private listening = false;
  port: number;

  constructor(private readonly o: GatewayOptions) {
    this.port = o.port;
    this.server = https.createServer(
      { key: o.cert.keyPem, cert: o.cert.certPem, requestCert: true, rejectUnauthorized: false, minVersion: "TLSv1.2" },
      (req, res) => void this.handle(req, res),
    );
    this.server.on("connection", (s: Socket) => {
      this.sockets.add(s);
      s.on("close", () => this.sockets.delete(s));
    });
    this.server.on("upgrade", (req: IncomingMessage, socket: Socket, head: Buffer) => void this.handleUpgrade(req, socket, head));
    this.server.on("tlsClientError", () => {
      /* clients that reject our self-signed cert: nothing to do */
    });
  }

  get address(): string {
    return this.o.profile.account.address;
  }
  get uri(): string {
    return `https://${this.o.host}:${this.port}`;
  }
  get currentFault(): ProviderFault | null {
    return this.fault;
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const onError = (e: Error) => reject(e);
      this.server.once("error", onError);
      this.server.listen(this.port, this.o.host, () => {
        this.server.off("error", onError);
        const a = this.server.address();
        if (a && typeof a === "object") this.port = a.port;
        resolve();
      });
    });
    this.listening = true;
  }

  async stop(): Promise<void> {
    for (const ws of this.streams) ws.terminate();
    this.streams.clear();
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    if (this.listening) {
      this.listening = false;
      await new Promise<void>((resolve) => this.server.close(() => resolve()));
    }
  }

  async setFault(fault: ProviderFault | null): Promise<void> {
    const prev = this.fault;
    this.fault = fault;
    if (fault === "down" && prev !== "down") await this.stop();
    if (prev === "down" && fault !== "down") await this.start();
    const bundle = fault === "expired-cert" ? this.o.altCert("expired") : fault === "unregistered-cert" ? this.o.altCert("unregistered") : this.o.cert;
    this.server.setSecureContext({ key: bundle.keyPem, cert: bundle.certPem });
    if (fault === "drop-streams") for (const ws of this.streams) this.scheduleDrop(ws, this.o.faultDropAfterMs);
  }

  // ---------------------------------------------------------------- HTTP

  private send(res: ServerResponse, status: number, body: unknown, contentType = JSON_TYPE): void {
    const text = typeof body === "string" ? body : JSON.stringify(body);
    res.writeHead(status, { "Content-Type": contentType, "Content-Length": Buffer.byteLength(text) });
    res.end(text);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      if (this.fault === "http500") return this.send(res, 500, "internal server error\n", "text/plain; charset=utf-8");
      const url = new URL(req.url ?? "/", "https://gateway");
      const path = url.pathname;
      const method = req.method ?? "GET";
      if (method === "GET" && path === "/version") return this.send(res, 200, this.version());
      if (method === "GET" && path === "/address") return this.send(res, 200, { address: this.address });
      if (method === "GET" && path === "/status") return this.send(res, 200, this.status());

      const dm = /^\/deployment\/(\d+)\/manifest$/.exec(path);
      if (dm) {
        if (method !== "PUT") return this.send(res, 405, "", "text/plain; charset=utf-8");
        const principal = await this.authenticate(req, req.socket as TLSSocket);
        return await this.putManifest(req, res, principal, BigInt(dm[1]!));
      }
      const lm = parseLeasePath(path);
      if (lm) {
        if (method !== "GET") return this.send(res, 405, "", "text/plain; charset=utf-8");
        const principal = await this.authenticate(req, req.socket as TLSSocket);
        if (lm.rest === "/status") return this.leaseStatus(res, principal, lm);
        if (lm.rest === "/manifest") return this.leaseManifest(res, principal, lm);
        const sm = /^\/service\/([^/]+)\/status$/.exec(lm.rest);
        if (sm) return this.serviceStatus(res, principal, lm, decodeURIComponent(sm[1]!));
        if (lm.rest === "/logs" || lm.rest === "/kubeevents") {
          return this.send(res, 400, "Bad Request\n", "text/plain; charset=utf-8"); // websocket only
        }
      }
      return this.send(res, 404, "404 page not found\n", "text/plain; charset=utf-8");
    } catch (e) {
      if (e instanceof AuthError) return this.send(res, e.status, { message: e.message });
      if (e instanceof HttpError) return this.send(res, e.status, e.message + "\n", "text/plain; charset=utf-8");
      return this.send(res, 500, { message: e instanceof Error ? e.message : String(e) });
    }
  }

  private async authenticate(req: IncomingMessage, socket: TLSSocket): Promise<Principal> {
    const token = bearerToken(req.headers.authorization);
    const peer = typeof socket.getPeerCertificate === "function" ? socket.getPeerCertificate(true) : undefined;
    const raw = peer && Object.keys(peer).length > 0 ? peer.raw : undefined;
    let principal: Principal;
    if (token && raw) throw new AuthError(401, "auth: ambiguous authentication. may not use mTLS and JWT at the same time");
    if (token) principal = await authenticateJwt(this.o.chain, token);
    else if (raw) principal = authenticateClientCert(this.o.chain, raw);
    else throw new AuthError(401, "unauthorized access");
    if (!authorizeForProvider(principal.claims, this.address)) throw new AuthError(401, "unauthorized access");
    return principal;
  }

  private requireScope(p: Principal, dseq: bigint, scope: AccessScope, gseq?: number, oseq?: number): void {
    if (!authorize(p.claims, { provider: this.address, owner: p.owner, dseq, gseq, oseq, scope })) {
      throw new AuthError(403, `access denied: token does not grant "${scope}" on this lease`);
    }
  }

  private activeLease(owner: string, m: RouteMatch): LeaseView | undefined {
    return this.o.chain
      .leasesForProvider(this.address, owner, m.dseq)
      .find((l) => l.gseq === m.gseq && l.oseq === m.oseq && l.state === "active");
  }

  private async putManifest(req: IncomingMessage, res: ServerResponse, p: Principal, dseq: bigint): Promise<void> {
    this.requireScope(p, dseq, "send-manifest");
    const body = await readBody(req, 10 * 1024 * 1024);
    let manifest: unknown;
    try {
      manifest = JSON.parse(body.toString("utf8"));
    } catch (e) {
      return this.send(res, 422, `${e instanceof Error ? e.message : "invalid json"}\n`, "text/plain; charset=utf-8");
    }
    if (!Array.isArray(manifest) || manifest.some((g) => !g || typeof g !== "object" || !Array.isArray((g as ManifestGroup).services))) {
      return this.send(res, 422, "json: cannot unmarshal manifest\n", "text/plain; charset=utf-8");
    }
    const leases = this.o.chain.leasesForProvider(this.address, p.owner, dseq).filter((l) => l.state === "active");
    if (leases.length === 0) return this.send(res, 404, "no lease for deployment\n", "text/plain; charset=utf-8");
    const deployment = this.o.chain.getDeployment(p.owner, dseq);
    if (!deployment || deployment.state !== "active") return this.send(res, 404, "no lease for deployment\n", "text/plain; charset=utf-8");
    const version = await generateManifestVersion(manifest as Manifest);
    if (!bytesEqual(version, deployment.hash)) {
      return this.send(res, 422, "manifest version validation failed\n", "text/plain; charset=utf-8");
    }
    const groups = manifest as ManifestGroup[];
    for (const lease of leases) {
      const specName = nameOf(deployment.groupSpecs[lease.gseq - 1]);
      const group = (specName ? groups.find((g) => g.name === specName) : undefined) ?? groups[lease.gseq - 1] ?? groups[0];
      if (!group) return this.send(res, 422, "manifest group not found\n", "text/plain; charset=utf-8");
      const key = leaseKey(lease);
      const prev = this.runtimes.get(key);
      this.runtimes.set(key, {
        group,
        receivedAt: Date.now(),
        generation: (prev?.generation ?? 0) + 1,
        namespace: shortId(24, key),
      });
    }
    res.writeHead(200, { "Content-Length": 0 });
    res.end();
  }

  private runtimeFor(p: Principal, m: RouteMatch, scope: AccessScope): { lease: LeaseView; rt: LeaseRuntime } {
    this.requireScope(p, m.dseq, scope, m.gseq, m.oseq);
    const lease = this.activeLease(p.owner, m);
    if (!lease) throw new HttpError(404, "lease not found");
    const rt = this.runtimes.get(leaseKey(lease));
    if (!rt) throw new HttpError(404, "lease not found"); // no manifest yet: the real gateway knows no lease either
    return { lease, rt };
  }

  private servicesStatus(lease: LeaseView, rt: LeaseRuntime) {
    const ready = Date.now() >= rt.receivedAt + this.o.readyDelayMs;
    const services: Record<string, unknown> = {};
    const forwarded: Record<string, unknown[]> = {};
    const ips: Record<string, unknown[]> = {};
    for (const s of rt.group.services) {
      const count = s.count ?? 1;
      const uris: string[] = [];
      for (const e of s.expose ?? []) {
        if (!e.global) continue;
        const ext = e.externalPort || e.port;
        if (e.ip) {
          (ips[s.name] ??= []).push({ Port: e.port, ExternalPort: ext, Protocol: e.proto || "TCP", IP: `198.51.100.${1 + (hash32(leaseKey(lease), s.name) % 250)}` });
        }
        if (ext === 80) {
          uris.push(...(e.hosts ?? []), `${shortId(26, leaseKey(lease), s.name, e.port)}.ingress.${this.o.profile.account.name}.devnet.local`);
        } else {
          (forwarded[s.name] ??= []).push({
            host: this.o.host,
            port: e.port,
            externalPort: 30000 + (hash32(leaseKey(lease), s.name, e.port) % 2767),
            proto: e.proto || "TCP",
            name: s.name,
          });
        }
      }
      services[s.name] = {
        name: s.name,
        available: ready ? count : 0,
        total: count,
        uris: [...new Set(uris)],
        observed_generation: rt.generation,
        replicas: count,
        updated_replicas: ready ? count : 0,
        ready_replicas: ready ? count : 0,
        available_replicas: ready ? count : 0,
      };
    }
    return { services, forwarded_ports: forwarded, ips: Object.keys(ips).length ? ips : null };
  }

  private leaseStatus(res: ServerResponse, p: Principal, m: RouteMatch): void {
    const { lease, rt } = this.runtimeFor(p, m, "status");
    this.send(res, 200, this.servicesStatus(lease, rt));
  }

  private serviceStatus(res: ServerResponse, p: Principal, m: RouteMatch, service: string): void {
    const { lease, rt } = this.runtimeFor(p, m, "status");
    const s = (this.servicesStatus(lease, rt).services as Record<string, unknown>)[service];
    if (!s) return this.send(res, 404, "service not found\n", "text/plain; charset=utf-8");
    this.send(res, 200, s);
  }

  private leaseManifest(res: ServerResponse, p: Principal, m: RouteMatch): void {
    const { rt } = this.runtimeFor(p, m, "get-manifest");
    this.send(res, 200, [rt.group]);
  }

  private version() {
    return {
      akash: {
        name: "provider-services",
        server_name: "provider-services",
        version: "v0.8.3-devnet",
        commit: shortId(40, "commit"),
        build_tags: "osusergo,netgo,ledger,static_build",
        go: "go version go1.24.4 linux/amd64",
        cosmos_sdk_version: "v0.53.4",
      },
      kube: {
        major: "1",
        minor: "31",
        gitVersion: "v1.31.6+k3s1",
        gitCommit: "6ab750f9a0b1e4f3a0bd5f5b0f5e8b1b8ea2f0e5",
        gitTreeState: "clean",
        buildDate: "2025-02-20T21:46:05Z",
        goVersion: "go1.23.6",
        compiler: "gc",
        platform: "linux/amd64",
      },
    };
  }

  /** Provider status as the REST gateway reports it (cluster inventory, bid engine and manifest counters). */
  private status() {
    const inv = this.o.inventory();
    const prof = this.o.profile;
    const nodes = prof.nodes.map((n) => {
      const u = inv.usage.nodes[n.name] ?? { cpu: 0, memory: 0, ephemeralStorage: 0, gpu: 0 };
      const gpuTotal = n.gpu?.count ?? 0;
      return {
        name: n.name,
        allocatable: { cpu: n.cpu, gpu: gpuTotal, memory: n.memory, storage_ephemeral: n.ephemeralStorage },
        available: {
          cpu: n.cpu - u.cpu,
          gpu: gpuTotal - u.gpu,
          memory: n.memory - u.memory,
          storage_ephemeral: n.ephemeralStorage - u.ephemeralStorage,
        },
        gpus: n.gpu
          ? [{ vendor: n.gpu.vendor, name: n.gpu.model, memory_size: n.gpu.ram, interface: n.gpu.interface, allocatable: gpuTotal, available: gpuTotal - u.gpu }]
          : [],
      };
    });
    const active = {
      cpu: Object.values(inv.usage.nodes).reduce((s, x) => s + x.cpu, 0),
      gpu: Object.values(inv.usage.nodes).reduce((s, x) => s + x.gpu, 0),
      memory: Object.values(inv.usage.nodes).reduce((s, x) => s + x.memory, 0),
      storage_ephemeral: Object.values(inv.usage.nodes).reduce((s, x) => s + x.ephemeralStorage, 0),
      storage: { ...inv.usage.storage },
    };
    return {
      cluster: {
        leases: inv.leases,
        inventory: {
          active: inv.leases > 0 ? [active] : [],
          available: {
            nodes,
            storage: prof.persistentStorage.map((s) => ({ class: s.class, size: s.size - (inv.usage.storage[s.class] ?? 0) })),
          },
        },
      },
      bidengine: { orders: inv.orders },
      manifest: { deployments: this.runtimes.size },
      cluster_public_hostname: this.o.host,
      address: this.address,
    };
  }

  // ---------------------------------------------------------------- websockets

  private rejectUpgrade(socket: Socket, status: number, body: string, contentType = JSON_TYPE): void {
    const reason = { 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 500: "Internal Server Error" }[status] ?? "Error";
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: ${contentType}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }

  private async handleUpgrade(req: IncomingMessage, socket: Socket, head: Buffer): Promise<void> {
    socket.on("error", () => socket.destroy());
    try {
      if (this.fault === "http500") return this.rejectUpgrade(socket, 500, "internal server error\n", "text/plain; charset=utf-8");
      const url = new URL(req.url ?? "/", "https://gateway");
      const m = parseLeasePath(url.pathname);
      if (!m || (m.rest !== "/logs" && m.rest !== "/kubeevents")) {
        return this.rejectUpgrade(socket, 404, "404 page not found\n", "text/plain; charset=utf-8");
      }
      const q = url.searchParams;
      const service = q.get("service") ?? "";
      if (service.endsWith(",")) return this.rejectUpgrade(socket, 400, 'parameter "service" must not contain trailing comma\n', "text/plain");
      const followRaw = q.get("follow");
      if (followRaw && !["true", "false", "1", "0", "t", "f", "TRUE", "FALSE", "True", "False"].includes(followRaw)) {
        return this.rejectUpgrade(socket, 400, `strconv.ParseBool: parsing "${followRaw}": invalid syntax\n`, "text/plain");
      }
      const follow = followRaw ? ["true", "1", "t", "TRUE", "True"].includes(followRaw) : false;
      const tailRaw = q.get("tail");
      const tail = tailRaw === null || tailRaw === "" ? -1 : Number(tailRaw);
      if (!Number.isInteger(tail) || tail < -1) return this.rejectUpgrade(socket, 400, 'parameter "tail" contains invalid value\n', "text/plain");

      const principal = await this.authenticate(req, socket as TLSSocket);
      const scope: AccessScope = m.rest === "/logs" ? "logs" : "events";
      this.requireScope(principal, m.dseq, scope, m.gseq, m.oseq);
      const lease = this.activeLease(principal.owner, m);
      const services = service ? service.split(",") : [];
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        this.streams.add(ws);
        ws.on("close", () => this.streams.delete(ws));
        ws.on("error", () => ws.terminate());
        const rt = lease ? this.runtimes.get(leaseKey(lease)) : undefined;
        if (!lease || !rt) {
          ws.close(WS_LEASE_NOT_FOUND, "");
          return;
        }
        // keepalive pings as the real gateway (every 10 s)
        const ping = setInterval(() => ws.readyState === WebSocket.OPEN && ws.ping(), 10_000);
        ws.on("close", () => clearInterval(ping));
        if (this.fault === "drop-streams") this.scheduleDrop(ws, this.o.faultDropAfterMs);
        else if (this.o.profile.behaviour === "drop-streams" && scope === "logs") this.scheduleDrop(ws, this.o.behaviourDropAfterMs);
        if (scope === "logs") this.streamLogs(ws, lease, rt, services, follow, tail);
        else this.streamEvents(ws, lease, rt, services, follow);
      });
    } catch (e) {
      if (e instanceof AuthError) return this.rejectUpgrade(socket, e.status, JSON.stringify({ message: e.message }));
      return this.rejectUpgrade(socket, 500, JSON.stringify({ message: e instanceof Error ? e.message : String(e) }));
    }
  }

  /** Abnormal close (no close frame: the client sees 1006), as when a provider's stream dies. */
  private scheduleDrop(ws: WebSocket, afterMs: number): void {
    const t = setTimeout(() => ws.terminate(), afterMs);
    ws.on("close", () => clearTimeout(t));
  }

  private pods(lease: LeaseView, rt: LeaseRuntime, services: string[]) {
    const out: { pod: string; service: string; image: string; kind: ImageKind; gpu: boolean; replica: number; startedAt: number; periodMs: number }[] = [];
    for (const s of rt.group.services) {
      if (services.length && !services.includes(s.name)) continue;
      const rs = shortId(10, rt.namespace, s.name, rt.generation);
      for (let r = 0; r < (s.count ?? 1); r++) {
        const jitter = unit(this.o.seed, "period", leaseKey(lease), s.name, r);
        out.push({
          pod: `${s.name}-${rs}-${shortId(5, rt.namespace, s.name, r, rt.generation)}`,
          service: s.name,
          image: s.image,
          kind: imageKind(s.image),
          gpu: Number(s.resources?.gpu?.units?.val ?? 0) > 0,
          replica: r,
          startedAt: rt.receivedAt + Math.min(2200, this.o.readyDelayMs * 0.7),
          periodMs: Math.round(this.o.logIntervalMs * (0.6 + 0.8 * jitter)),
        });
      }
    }
    return out;
  }

  private gpuName(): { name: string; model: string } | undefined {
    const g = this.o.profile.nodes.find((n) => n.gpu)?.gpu;
    if (!g) return undefined;
    const names: Record<string, string> = { h100: "NVIDIA H100 80GB HBM3", a100: "NVIDIA A100 80GB PCIe", rtx4090: "NVIDIA GeForce RTX 4090" };
    return { name: names[g.model] ?? `NVIDIA ${g.model.toUpperCase()}`, model: g.model };
  }

  private streamLogs(ws: WebSocket, lease: LeaseView, rt: LeaseRuntime, services: string[], follow: boolean, tail: number): void {
    const pods = this.pods(lease, rt, services);
    if (pods.length === 0) {
      ws.close(WS_INTERNAL_ERROR, "no running pods");
      return;
    }
    const seed = this.o.seed;
    const gpu = this.gpuName();
    type Pod = (typeof pods)[number];
    const steadyStart = (pod: Pod) => pod.startedAt + 1500;
    const steadyCount = (pod: Pod, now: number) => (now < steadyStart(pod) ? 0 : Math.floor((now - steadyStart(pod)) / pod.periodMs) + 1);
    const startupOf = (pod: Pod) =>
      startupLines(pod.kind, pod.image, new Date(pod.startedAt), pod.gpu ? gpu : undefined).map((text, i) => ({ t: pod.startedAt + i * 15, text }));
    const steadyOf = (pod: Pod, i: number) => {
      const t = steadyStart(pod) + i * pod.periodMs;
      return { t, text: steadyLine(pod.kind, seed + pod.replica, pod.service, i, new Date(t)) };
    };
    const frame = (pod: Pod, message: string) => JSON.stringify({ name: pod.pod, message, service: pod.service });
    /** per pod: whether the startup lines went out, and how many steady lines exist so far */
    const state = new Map<string, { startup: boolean; steady: number }>();
    const now = Date.now();
    const backlog: { t: number; data: string }[] = [];
    for (const pod of pods) {
      const started = now >= pod.startedAt;
      const n = steadyCount(pod, now);
      const all = started ? [...startupOf(pod)] : [];
      for (let i = Math.max(0, n - 2000); i < n; i++) all.push(steadyOf(pod, i));
      const from = tail >= 0 ? Math.max(0, all.length - tail) : 0;
      for (const l of all.slice(from)) backlog.push({ t: l.t, data: frame(pod, l.text) });
      state.set(pod.pod, { startup: started, steady: n });
    }
    backlog.sort((a, b) => a.t - b.t);
    sendBatch(ws, backlog.map((b) => b.data));
    if (!follow) {
      ws.close(1000, "");
      return;
    }
    // follow: realistic pace from the deterministic history, or the firehose when a log rate is set
    let lastTick = Date.now();
    let owed = 0;
    let fireSeq = 0;
    const pool = pods.map((pod) => Array.from({ length: 64 }, (_, i) => frame(pod, steadyLine(pod.kind, seed, pod.service, i, new Date()))));
    const tick = () => {
      if (ws.readyState !== WebSocket.OPEN) return;
      const rate = this.o.logRate();
      const t = Date.now();
      if (rate > 0) {
        owed = Math.min(owed + (rate * (t - lastTick)) / 1000, rate); // at most one second of backlog
        lastTick = t;
        if (ws.bufferedAmount > 8 * 1024 * 1024) return; // client is slow: do not queue without bound
        const n = Math.floor(owed);
        owed -= n;
        const batch: string[] = new Array(n);
        for (let i = 0; i < n; i++, fireSeq++) {
          const p = pool[fireSeq % pool.length]!;
          batch[i] = p[(fireSeq >> 3) % p.length]!;
        }
        sendBatch(ws, batch);
        return;
      }
      lastTick = t;
      const fresh: { t: number; data: string }[] = [];
      for (const pod of pods) {
        const st = state.get(pod.pod)!;
        if (!st.startup && t >= pod.startedAt) {
          st.startup = true;
          for (const l of startupOf(pod)) fresh.push({ t: l.t, data: frame(pod, l.text) });
        }
        const n = steadyCount(pod, t);
        for (let i = st.steady; i < n; i++) {
          const l = steadyOf(pod, i);
          fresh.push({ t: l.t, data: frame(pod, l.text) });
        }
        st.steady = n;
      }
      fresh.sort((a, b) => a.t - b.t);
      sendBatch(ws, fresh.map((f) => f.data));
    };
    const timer = setInterval(tick, 50);
    ws.on("close", () => clearInterval(timer));
  }

  private streamEvents(ws: WebSocket, lease: LeaseView, rt: LeaseRuntime, services: string[], follow: boolean): void {
    const events: { t: number; ev: unknown }[] = [];
    const ns = rt.namespace;
    const ev = (t: number, type: string, reason: string, note: string, kind: string, name: string, controller: string, instance = "") =>
      events.push({
        t,
        ev: { type, reportingController: controller, reportingInstance: instance, reason, note, object: { kind, namespace: ns, name }, time: new Date(t).toISOString() },
      });
    const base = rt.receivedAt;
    const pullSecs = (this.o.readyDelayMs / 1000) * 0.5;
    for (const pod of this.pods(lease, rt, services)) {
      const rs = pod.pod.slice(0, pod.pod.lastIndexOf("-"));
      const node = this.o.profile.nodes[pod.replica % this.o.profile.nodes.length]!.name;
      if (pod.replica === 0) ev(base + 10, "Normal", "ScalingReplicaSet", `Scaled up replica set ${rs} to ${rt.group.services.find((s) => s.name === pod.service)?.count ?? 1}`, "Deployment", pod.service, "deployment-controller");
      ev(base + 20, "Normal", "SuccessfulCreate", `Created pod: ${pod.pod}`, "ReplicaSet", rs, "replicaset-controller");
      ev(base + 40, "Normal", "Scheduled", `Successfully assigned ${ns}/${pod.pod} to ${node}`, "Pod", pod.pod, "default-scheduler");
      ev(base + 200, "Normal", "Pulling", `Pulling image "${pod.image}"`, "Pod", pod.pod, "kubelet", node);
      ev(base + 200 + pullSecs * 1000, "Normal", "Pulled", `Successfully pulled image "${pod.image}" in ${pullSecs.toFixed(3)}s (${pullSecs.toFixed(3)}s including waiting). Image size: ${40_000_000 + (hash32(pod.image) % 900_000_000)} bytes.`, "Pod", pod.pod, "kubelet", node);
      ev(base + 250 + pullSecs * 1000, "Normal", "Created", `Created container ${pod.service}`, "Pod", pod.pod, "kubelet", node);
      ev(pod.startedAt, "Normal", "Started", `Started container ${pod.service}`, "Pod", pod.pod, "kubelet", node);
    }
    events.sort((a, b) => a.t - b.t);
    const now = Date.now();
    sendBatch(ws, events.filter((e) => e.t <= now).map((e) => JSON.stringify(e.ev)));
    if (!follow) {
      ws.close(1000, "");
      return;
    }
    const timers = events
      .filter((e) => e.t > now)
      .map((e) => setTimeout(() => ws.readyState === WebSocket.OPEN && ws.send(JSON.stringify(e.ev)), e.t - now));
    ws.on("close", () => timers.forEach(clearTimeout));
  }
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Sends many frames with the socket corked, so they go out in few TLS records / syscalls. */
function sendBatch(ws: WebSocket, frames: string[]): void {
  if (frames.length === 0 || ws.readyState !== WebSocket.OPEN) return;
  const sock = (ws as unknown as { _socket?: Socket })._socket;
  sock?.cork();
  for (const f of frames) ws.send(f);
  if (sock) process.nextTick(() => sock.uncork());
}

function leaseKey(l: { owner: string; dseq: bigint; gseq: number; oseq: number }): string {
  return `${l.owner}/${l.dseq}/${l.gseq}/${l.oseq}`;
}

function nameOf(spec: unknown): string | undefined {
  if (spec && typeof spec === "object" && "name" in spec && typeof (spec as { name: unknown }).name === "string") return (spec as { name: string }).name;
  return undefined;
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new HttpError(413, "request body too large"));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
