/**
 * startDevnet: the whole local Akash network in-process (chain, CometBFT RPC + websocket, Cosmos REST,
 * admin endpoint, simulated providers). devnet/main.ts is the CLI around it; tests and e2e call it directly.
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { sha256 } from "@cosmjs/crypto";
import { toHex, toUtf8 } from "@cosmjs/encoding";
import { AUDITOR1, PROVIDER_ACCOUNTS, TENANT1, TENANT2, TENANT3 } from "./accounts";
import type { ProviderFleet } from "./contract";
import { seedRoutes } from "./admin/seed-deployments";
import { startAdmin } from "./admin/server";
import { makeAbciQuery } from "./chain/abci-query";
import { App } from "./chain/app";
import { moduleAddress } from "./chain/bank";
import { akashV1, cosmos } from "./chain/codec";
import { ChainError } from "./chain/errors";
import { DENOM_ACT, DENOM_AKT } from "./chain/params";
import { makeRestHandler } from "./chain/rest";
import { startRpc } from "./chain/rpc";
import { getTxOrThrow, txResponseProto } from "./chain/txview";

export const CHAIN_ID = "akash-devnet-1";
/** The mainnet auditor most corpus SDLs name in signedBy.anyOf; the devnet mirrors auditor1's audits under it. */
export const MAINNET_AUDITOR = "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63";
export const FAUCET_ADDRESS = moduleAddress("devnet-faucet");

export interface DevnetOptions {
  host?: string;
  /** 0 = random port */
  rpcPort?: number;
  restPort?: number;
  adminPort?: number;
  providerBasePort?: number;
  blockTimeMs?: number;
  seed?: number;
  /** keep state across restarts in this directory (chain.json, provider keys) */
  stateDir?: string;
  /** start the simulated providers (default true) */
  providers?: boolean;
  logRate?: number;
  /** provider websocket keepalive ping period (default 10 000 ms, as the real gateway) */
  pingIntervalMs?: number;
  /** time from a manifest to all replicas ready (default 4000 ms) */
  readyDelayMs?: number;
}

export interface DevnetEndpoints {
  chainId: string;
  rpc: string;
  rest: string;
  admin: string;
  providers: Record<string, string>;
}

export interface Devnet {
  endpoints: DevnetEndpoints;
  chain: App;
  fleet: ProviderFleet | undefined;
  /** Produce a block now (also while stalled); returns the new height. */
  produceBlock(): number;
  setStalled(stalled: boolean): void;
  stop(): Promise<void>;
}

const AKT = 1_000_000n;
const ACT = 1_000_000n;

export function genesisBalances() {
  const fund = (address: string, akt: bigint, act: bigint) => ({
    address,
    coins: [
      { denom: DENOM_AKT, amount: akt * AKT },
      { denom: DENOM_ACT, amount: act * ACT },
    ],
  });
  return [
    fund(TENANT1.address, 1_000_000n, 10_000n),
    fund(TENANT2.address, 100_000n, 1_000n),
    fund(TENANT3.address, 100_000n, 1_000n),
    fund(AUDITOR1.address, 10_000n, 100n),
    ...PROVIDER_ACCOUNTS.map((p) => fund(p.address, 100_000n, 1_000n)),
    fund(FAUCET_ADDRESS, 1_000_000_000n, 100_000_000n),
  ];
}

async function loadProviders() {
  // Imported lazily: the provider half lives in devnet/provider/ and may be absent in a partial checkout.
  return (await import("./provider/start")).startProviders;
}

export async function startDevnet(opts: DevnetOptions = {}): Promise<Devnet> {
  const host = opts.host ?? "127.0.0.1";
  const blockTimeMs = opts.blockTimeMs ?? 1000;
  const seed = opts.seed ?? 1;
  const app = new App({ chainId: CHAIN_ID, genesis: genesisBalances(), oracleSeed: seed });
  const snapshotFile = opts.stateDir ? path.join(opts.stateDir, "chain.json") : undefined;
  if (opts.stateDir) await mkdir(opts.stateDir, { recursive: true });
  if (snapshotFile) {
    const text = await readFile(snapshotFile, "utf8").catch(() => undefined);
    if (text) app.restore(text);
  }
  if (app.height() === 0) app.produceBlock();

  const vpub = sha256(toUtf8(`akash-devnet-validator-${seed}`));
  const validator = { address: toHex(sha256(vpub).slice(0, 20)).toUpperCase(), pubkey: Buffer.from(vpub).toString("base64") };

  const simulate = (txBytes: Uint8Array) => {
    const r = app.simulate(txBytes);
    return { gasUsed: r.gasUsed, events: r.events, data: r.data };
  };
  const abciQuery = makeAbciQuery(
    app,
    (txBytes) => {
      const r = simulate(txBytes);
      return {
        gasInfo: { gasWanted: "0", gasUsed: String(r.gasUsed) },
        result: { data: Buffer.from(r.data, "base64"), log: "", events: r.events, msgResponses: [] },
      };
    },
    (hash) => txResponseProto(app, getTxOrThrow(app, hash)),
  );

  // ---- block loop
  let stalled = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let saving: Promise<void> | undefined;
  let saveAgain = false;
  const save = async (): Promise<void> => {
    if (!snapshotFile) return;
    if (saving) {
      saveAgain = true;
      return saving;
    }
    saving = (async () => {
      do {
        saveAgain = false;
        const tmp = `${snapshotFile}.tmp`;
        await writeFile(tmp, app.snapshot());
        await rename(tmp, snapshotFile);
      } while (saveAgain);
    })().finally(() => (saving = undefined));
    return saving;
  };
  const produceBlock = () => {
    try {
      app.produceBlock();
    } catch (e) {
      console.error("devnet: block production failed:", e);
    }
    void save().catch((e) => console.error("devnet: snapshot failed:", e));
    return app.height();
  };
  // While the providers register (several txs each, one block apart) blocks come every 50 ms, so that
  // "devnet ready" does not wait seconds for bootstrap txs; then the configured block time applies.
  let booting = true;
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      if (!stalled) produceBlock();
      schedule();
    }, booting ? Math.min(50, blockTimeMs) : blockTimeMs);
  };
  schedule();

  // ---- servers
  const rpc = await startRpc({ app, abciQuery, validator, isStalled: () => stalled }, host, opts.rpcPort ?? 26657);
  const restHandler = makeRestHandler({
    app,
    simulate: (b) => simulate(b),
    validatorAddress: validator.address,
    faucet: async (address) => {
      const r = await app.submitAs(
        FAUCET_ADDRESS,
        [
          {
            typeUrl: `/${cosmos.MsgSend.$type}`,
            value: { fromAddress: FAUCET_ADDRESS, toAddress: address, amount: [{ denom: DENOM_AKT, amount: String(1000n * AKT) }, { denom: DENOM_ACT, amount: String(100n * ACT) }] },
          },
        ],
        "devnet faucet",
      );
      return { txHash: r.txHash, code: r.code, rawLog: r.rawLog, height: r.height };
    },
  });
  const restServer = http.createServer((req, res) => void restHandler(req, res));
  const restPort = await new Promise<number>((resolve, reject) => {
    restServer.once("error", reject);
    restServer.listen(opts.restPort ?? 1317, host, () => resolve((restServer.address() as { port: number }).port));
  });

  let fleet: ProviderFleet | undefined;
  const admin = await startAdmin(
    {
      get fleet() {
        return fleet;
      },
      chain: app,
      height: () => app.height(),
      isStalled: () => stalled,
      setStalled: (s) => void (stalled = s),
      produceBlock,
      extraRoutes: seedRoutes(app, () => fleet),
    },
    host,
    opts.adminPort ?? 26660,
  );

  if (opts.providers ?? true) {
    const startProviders = await loadProviders();
    fleet = await startProviders(app, {
      basePort: opts.providerBasePort ?? 8443,
      host,
      seed,
      logRate: opts.logRate,
      pingIntervalMs: opts.pingIntervalMs,
      readyDelayMs: opts.readyDelayMs,
      stateDir: opts.stateDir ? path.join(opts.stateDir, "providers") : undefined,
    });
    await mirrorMainnetAudits(app);
  }
  booting = false;

  const endpoints: DevnetEndpoints = {
    chainId: CHAIN_ID,
    rpc: `http://${host}:${rpc.port}`,
    rest: `http://${host}:${restPort}`,
    admin: `http://${host}:${admin.port}`,
    providers: fleet?.endpoints() ?? {},
  };

  return {
    endpoints,
    chain: app,
    fleet,
    produceBlock,
    setStalled: (s) => void (stalled = s),
    async stop() {
      if (stopped) return;
      stopped = true;
      clearTimeout(timer);
      await fleet?.stop().catch((e) => console.error("devnet: provider fleet stop failed:", e));
      await Promise.all([
        rpc.close(),
        admin.close(),
        new Promise<void>((r) => (restServer.closeAllConnections(), restServer.close(() => r()))),
      ]);
      await save();
    },
  };
}

/**
 * 103 of the corpus SDLs only accept providers audited by the mainnet auditor; so that they get bids here,
 * the same attributes auditor1 signed are signed again under that address (the devnet's stand-in for genesis).
 */
async function mirrorMainnetAudits(app: App): Promise<void> {
  const mine = [...app.state.audits.values()].filter((a) => a.auditor === AUDITOR1.address);
  await Promise.all(
    mine.map(async (a) => {
      const have = app.state.audits.get(`${MAINNET_AUDITOR}/${a.owner}`);
      if (have && have.attributes.length === a.attributes.length) return;
      const r = await app.submitAs(MAINNET_AUDITOR, [
        { typeUrl: `/${akashV1.MsgSignProviderAttributes.$type}`, value: { owner: a.owner, auditor: MAINNET_AUDITOR, attributes: a.attributes } },
      ]);
      if (r.code !== 0) console.error(`devnet: mirroring audit of ${a.owner} failed: ${r.rawLog}`);
    }),
  );
}

export { ChainError };
