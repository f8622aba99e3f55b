import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PROVIDER_ACCOUNTS } from "../accounts";
import { request } from "../../test/support/gateway-client";
import { FakeChain } from "../test/support/fake-chain";
import { startProviders } from "./start";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("startProviders", () => {
  it("listens on basePort + index and registers those host URIs", async () => {
    const basePort = 20_000 + Math.floor(Math.random() * 30_000);
    const chain = new FakeChain();
    const fleet = await startProviders(chain, { basePort, host: "127.0.0.1", seed: 3 });
    await fleet.registered;
    try {
      const eps = fleet.endpoints();
      PROVIDER_ACCOUNTS.forEach((a, i) => expect(eps[a.address]).toBe(`https://127.0.0.1:${basePort + i}`));
      expect((await request(`${eps[PROVIDER_ACCOUNTS[5]!.address]}/address`)).json()).toEqual({ address: PROVIDER_ACCOUNTS[5]!.address });
      expect(fleet.registrations.every((r) => r.code === 0)).toBe(true);
    } finally {
      await fleet.stop();
    }
  });

  it("keeps its certificates across restarts with a stateDir, and does not re-register a cert already on chain", async () => {
    const stateDir = mkdtempSync(path.join(os.tmpdir(), "devnet-providers-"));
    dirs.push(stateDir);
    const chain = new FakeChain();
    const a = await startProviders(chain, { basePort: 0, host: "127.0.0.1", seed: 3, stateDir });
    await a.registered;
    const serials = PROVIDER_ACCOUNTS.map((p) => a.certificate(p.address).serial);
    await a.stop();
    const b = await startProviders(chain, { basePort: 0, host: "127.0.0.1", seed: 3, stateDir });
    await b.registered;
    try {
      expect(PROVIDER_ACCOUNTS.map((p) => b.certificate(p.address).serial)).toEqual(serials);
      expect(chain.messages("/akash.cert.v1.MsgCreateCertificate")).toHaveLength(PROVIDER_ACCOUNTS.length);
      const served = (await request(`${b.endpoints()[PROVIDER_ACCOUNTS[0]!.address]}/status`)).peerCert!;
      expect(BigInt("0x" + served.serialNumber).toString()).toBe(serials[0]);
    } finally {
      await b.stop();
    }
    const fresh = await startProviders(new FakeChain(), { basePort: 0, host: "127.0.0.1", seed: 3 });
    await fresh.registered;
    expect(fresh.certificate(PROVIDER_ACCOUNTS[0]!.address).serial).not.toBe(serials[0]);
    await fresh.stop();
  });
});
