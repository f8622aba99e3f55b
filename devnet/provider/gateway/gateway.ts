/**
 * A simulated provider's HTTPS gateway: the routes of akash-network/provider's gateway/rest router
 * (/status, /version, /address, PUT /deployment/{dseq}/manifest, /lease/{dseq}/{gseq}/{oseq}/status|manifest|
 * service/{name}/status|logs|kubeevents|shell) with the real provider's auth (JWT AEP-64 or mTLS with an on-chain
 * certificate), status codes and JSON shapes. This file owns the server's lifecycle and the provider-wide faults.
 */
import https from "node:https";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import type { ProviderFault } from "../../contract";
import type { ProviderFaultInjection, ProviderFaultState } from "../../contract";
import type { CertBundle } from "../certs";
import type { GatewayContext } from "./context";
import { FaultPlan } from "./fault-plan";
import type { LeaseRuntime, ManifestGroup } from "./lease-runtime";
import { storeManifest } from "./manifest";
import type { GatewayOptions } from "./options";
import { handleHttp } from "./router";
import { handleUpgrade } from "./upgrade";
import { scheduleDrop } from "./ws-util";

export class Gateway {
  private server: https.Server;
  private wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  private sockets = new Set<Socket>();
  private streams = new Set<WebSocket>();
  private runtimes = new Map<string, LeaseRuntime>();
  private fault: ProviderFault | null = null;
  private listening = false;
  private readonly faults = new FaultPlan();
  private readonly ctx: GatewayContext;
  port: number;

  constructor(private readonly o: GatewayOptions) {
    this.port = o.port;
    this.ctx = { o, address: o.profile.account.address, runtimes: this.runtimes, streams: this.streams, fault: () => this.fault, faults: this.faults };
    this.server = https.createServer(
      { key: o.cert.keyPem, cert: o.cert.certPem, requestCert: true, rejectUnauthorized: false, minVersion: "TLSv1.2" },
      (req, res) => void handleHttp(this.ctx, req, res),
    );
    this.server.on("connection", (s: Socket) => {
      this.sockets.add(s);
      s.on("close", () => this.sockets.delete(s));
    });
    this.server.on("upgrade", (req: IncomingMessage, socket: Socket, head: Buffer) => void handleUpgrade(this.ctx, this.wss, req, socket, head));
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
  /** the certificate the expired-cert fault serves (made once, past its notAfter) */
  expiredCert(): CertBundle {
    return this.o.altCert("expired");
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
    if (fault === "drop-streams") for (const ws of this.streams) scheduleDrop(ws, this.o.faultDropAfterMs);
  }

  /** Runs a manifest for the caller's active leases of a deployment without the HTTP round trip (devnet seeding). */
  installManifest(owner: string, dseq: bigint, groups: ManifestGroup[]): boolean {
    const leases = this.o.chain.leasesForProvider(this.address, owner, dseq).filter((l) => l.state === "active");
    const deployment = this.o.chain.getDeployment(owner, dseq);
    if (leases.length === 0 || !deployment) return false;
    return storeManifest(this.ctx, leases, deployment.groupSpecs, groups) === undefined;
  }

  inject(f: ProviderFaultInjection): void {
    this.faults.apply(f);
  }

  faultState(): ProviderFaultState {
    return { mode: this.fault, ...this.faults.state() };
  }
}
