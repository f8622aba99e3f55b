/**
 * A provider fleet over the in-memory chain with one lease of TENANT1 on the first provider, for the gateway tests:
 * real TLS gateways, real chain-sdk manifests and JWTs signed with the devnet mnemonics.
 */
import YAML from "yaml";
import { PROVIDER_ACCOUNTS, TENANT1 } from "../../accounts";
import { FakeChain } from "./fake-chain";
import { manifestOf, providerToken as tokenFor, walletOf } from "../../../test/support/tenant";
import { request } from "../../../test/support/gateway-client";
import { waitFor } from "../../../test/support/wait";
import { startProviders, type SimulatedFleet, type StartProvidersOptions } from "../../provider/start";

/** Two replicas of a Debian-based web service (env, port 80, a forwarded port, a leased IP) and an Alpine cache. */
export const WORKLOAD_SDL = YAML.parse(`
version: "2.0"
endpoints:
  public-ip:
    kind: ip
services:
  web:
    image: nginx:1.27.3
    env:
      - GREETING=hello devnet
      - MODE=test
    expose:
      - port: 80
        as: 80
        to: [{ global: true }]
      - port: 8080
        as: 8080
        to: [{ global: true }]
      - port: 443
        as: 443
        to: [{ global: true, ip: public-ip }]
  cache:
    image: redis:7.4-alpine
    expose:
      - port: 6379
        to: [{ service: web }]
profiles:
  compute:
    web: { resources: { cpu: { units: 0.5 }, memory: { size: 512Mi }, storage: { size: 1Gi } } }
    cache: { resources: { cpu: { units: 0.5 }, memory: { size: 256Mi }, storage: { size: 1Gi } } }
  placement:
    dc:
      pricing:
        web: { denom: uakt, amount: 1000 }
        cache: { denom: uakt, amount: 1000 }
deployment:
  web: { dc: { profile: web, count: 2 } }
  cache: { dc: { profile: cache, count: 1 } }
`) as unknown;

export const PROVIDER = PROVIDER_ACCOUNTS[0]!.address;

export interface LeaseFixture {
  chain: FakeChain;
  fleet: SimulatedFleet;
  /** the provider's gateway, https://127.0.0.1:port */
  url: string;
  dseq: bigint;
  /** `${url}/lease/${dseq}/1/1` */
  lease: string;
  token: string;
  auth: { Authorization: string };
  manifestJson: string;
  sendManifest(): Promise<number>;
  /** sends the manifest and waits until every replica is ready */
  sendManifestAndWaitReady(): Promise<void>;
  stop(): Promise<void>;
}

export async function startLeaseFixture(opts: Partial<StartProvidersOptions> = {}, dseq = 4242n): Promise<LeaseFixture> {
  const chain = new FakeChain();
  const fleet = await startProviders(chain, { basePort: 0, host: "127.0.0.1", seed: 11, behaviours: false, readyDelayMs: 1500, logIntervalMs: 150, ...opts });
  await fleet.registered;
  chain.setPubkey(TENANT1.address, (await walletOf(TENANT1)).pubkey);
  const token = await tokenFor(TENANT1);
  const manifest = await manifestOf(WORKLOAD_SDL);
  chain.setDeployment(TENANT1.address, dseq, manifest.hash, manifest.groupSpecs);
  chain.createLease({ owner: TENANT1.address, dseq, gseq: 1, oseq: 1, provider: PROVIDER, bseq: 0 });
  const url = fleet.endpoints()[PROVIDER]!;
  const auth = { Authorization: `Bearer ${token}` };
  const lease = `${url}/lease/${dseq}/1/1`;
  const sendManifest = async () => (await request(`${url}/deployment/${dseq}/manifest`, { method: "PUT", body: manifest.json, headers: auth })).status;
  return {
    chain,
    fleet,
    url,
    dseq,
    lease,
    token,
    auth,
    manifestJson: manifest.json,
    sendManifest,
    async sendManifestAndWaitReady() {
      if ((await sendManifest()) !== 200) throw new Error("manifest refused");
      await waitFor(async () => {
        const s = (await request(`${lease}/status`, { headers: auth })).json() as { services: Record<string, { ready_replicas: number; total: number }> };
        return Object.values(s.services).every((x) => x.ready_replicas === x.total);
      }, 10_000);
    },
    stop: () => fleet.stop(),
  };
}
