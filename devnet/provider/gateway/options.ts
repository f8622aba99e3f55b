/** What a simulated provider's gateway is built from: its chain view, profile, certificates and pacing knobs. */
import type { DevnetChain } from "../../contract";
import type { Usage } from "../bidding";
import type { CertBundle } from "../certs";
import type { ProviderProfile } from "../profiles";

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
  /** websocket keepalive ping period; the real gateway pings every 10 s */
  pingIntervalMs: number;
}
