/** Shared helpers for the provider tests: corpus SDLs, tenant wallets and tokens, HTTPS and websocket clients. */
import { generateManifest, generateManifestVersion, JwtTokenManager, manifestToSortedJSON, type CreateJWTOptions } from "@akashnetwork/chain-sdk";
import { Secp256k1HdWallet } from "@cosmjs/amino";
import https from "node:https";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import WebSocket from "ws";
import YAML from "yaml";
import type { DevnetAccount } from "../accounts";

const here = path.dirname(fileURLToPath(import.meta.url));
export const SHARED_DIR = process.env.SHARED_DIR ?? path.resolve(here, "../../../shared");

export function corpusSdl(name: string): unknown {
  return YAML.parse(readFileSync(path.join(SHARED_DIR, "sdl-corpus", name), "utf8"));
}

export async function manifestOf(sdl: unknown) {
  const r = generateManifest(sdl as Parameters<typeof generateManifest>[0]);
  if (!r.ok) throw new Error(`SDL invalid: ${JSON.stringify(r.value).slice(0, 300)}`);
  const json = manifestToSortedJSON(r.value.groups);
  const hash = await generateManifestVersion(r.value.groups);
  return { groups: r.value.groups, groupSpecs: r.value.groupSpecs, json, hash };
}

export async function walletOf(account: DevnetAccount) {
  const wallet = await Secp256k1HdWallet.fromMnemonic(account.mnemonic, { prefix: "akash" });
  const [acc] = await wallet.getAccounts();
  return { wallet, address: acc!.address, pubkey: acc!.pubkey };
}

export async function tokenFor(account: DevnetAccount, opts: Partial<CreateJWTOptions> = {}, algorithm: "ES256K" | "ES256KADR36" = "ES256K") {
  const { wallet, address } = await walletOf(account);
  const signer =
    algorithm === "ES256K"
      ? {
          algorithm: "ES256K" as const,
          // raw ES256K: sign sha256(header.payload) with the account key
          signArbitrary: async (_signer: string, data: string | Uint8Array) => {
            const { Secp256k1, sha256 } = await import("@cosmjs/crypto");
            const { Bip39, EnglishMnemonic, Slip10, Slip10Curve, stringToPath } = await import("@cosmjs/crypto");
            const seed = await Bip39.mnemonicToSeed(new EnglishMnemonic(account.mnemonic));
            const { privkey } = Slip10.derivePath(Slip10Curve.Secp256k1, seed, stringToPath("m/44'/118'/0'/0/0"));
            const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
            const sig = await Secp256k1.createSignature(sha256(bytes), privkey);
            const fixed = new Uint8Array([...sig.r(32), ...sig.s(32)]);
            return { pub_key: { type: "tendermint/PubKeySecp256k1", value: "" }, signature: Buffer.from(fixed).toString("base64") };
          },
        }
      : wallet;
  const mgr = new JwtTokenManager(signer);
  const now = Math.floor(Date.now() / 1000);
  return mgr.generateToken({ version: "v1", iss: address, iat: now, nbf: now, exp: now + 3600, leases: { access: "full" }, ...opts });
}

export interface HttpResult {
  status: number;
  body: string;
  json: () => unknown;
  headers: Record<string, unknown>;
  peerCert?: { subject: Record<string, string>; valid_to: string; serialNumber: string };
}

export function request(
  url: string,
  init: { method?: string; body?: string; headers?: Record<string, string>; cert?: string; key?: string } = {},
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      { method: init.method ?? "GET", headers: init.headers, rejectUnauthorized: false, agent: false, cert: init.cert, key: init.key },
      (res) => {
        const chunks: Buffer[] = [];
        const sock = res.socket as import("node:tls").TLSSocket;
        const peer = sock.getPeerCertificate?.();
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const body = Buffer.concat(chunks).toString("utf8");
          resolve({
            status: res.statusCode ?? 0,
            body,
            json: () => JSON.parse(body),
            headers: res.headers,
            peerCert: peer && Object.keys(peer).length ? (peer as never) : undefined,
          });
        });
      },
    );
    req.on("error", reject);
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}

export interface WsResult {
  frames: string[];
  code: number;
  reason: string;
  /** HTTP status when the upgrade was refused */
  status?: number;
  body?: string;
}

/** Connects, collects frames until close (or `untilMs`), returns them with the close code. */
export function wsCollect(
  url: string,
  init: {
    headers?: Record<string, string>;
    cert?: string;
    key?: string;
    untilMs?: number;
    onFrame?: (f: string, ws: WebSocket) => void;
    onOpen?: (ws: WebSocket) => void;
  } = {},
): Promise<WsResult> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url.replace(/^https/, "wss"), { headers: init.headers, rejectUnauthorized: false, cert: init.cert, key: init.key });
    const frames: string[] = [];
    let timer: NodeJS.Timeout | undefined;
    ws.on("message", (d) => {
      const f = d.toString();
      frames.push(f);
      init.onFrame?.(f, ws);
    });
    ws.on("unexpected-response", (_req, res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ frames, code: 0, reason: "", status: res.statusCode, body: Buffer.concat(chunks).toString() }));
    });
    ws.on("close", (code, reason) => {
      if (timer) clearTimeout(timer);
      resolve({ frames, code, reason: reason.toString() });
    });
    ws.on("error", (e) => {
      if (!("unexpected" in e)) {
        /* close follows */
      }
    });
    ws.on("open", () => {
      if (init.untilMs) timer = setTimeout(() => ws.close(1000), init.untilMs);
      init.onOpen?.(ws);
    });
    setTimeout(() => reject(new Error("ws timeout")), 60_000).unref();
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitFor<T>(fn: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000, stepMs = 50): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error("waitFor: timed out");
    await sleep(stepMs);
  }
}
