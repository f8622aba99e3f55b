/**
 * Captures a deployment's bid events as the console receives them (its own CometBFT subscription, the queries
 * the bid table uses) from a real devnet, with the REST bid lists read around them, into
 * test/data/devnet-capture/bid-events.json: the data the bid-event overlay's tests replay.
 *
 * Scenario: tenant1 deploys a corpus SDL most simulated providers bid on; the REST list is read right after the
 * deployment (no bids, at its height); every EventBidCreated arrives; the list is read again (all bids); the
 * cheapest bid is accepted as a lease, so the chain closes the others as lost (EventBidClosed) and the list is
 * read a last time.
 *
 * Run: npx tsx test/support/capture-bid-events.ts (random ports). Re-running changes addresses' dseq and heights;
 * the tests rely only on the structure (REST answers agree with the events they follow).
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import WebSocket from "ws";
import { createLeaseMsg } from "@/lib/chain/messages";
import { createRestClient } from "@/lib/chain/rest";
import { bidEventQueries } from "@/lib/market/bids-stream";
import { subscribeTxs, websocketUrl, type TxEvent, type WebSocketConstructor } from "@/lib/market/comet-subscription";
import { TENANT1 } from "../../devnet/accounts";
import { startDevnetFixture } from "./devnet";

const here = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.resolve(here, "../data/devnet-capture/bid-events.json");
const FILE = "gitea.yaml";

const fx = await startDevnetFixture();
try {
  const rest = createRestClient(fx.devnet.endpoints.rest);
  const events: (TxEvent & { phase: "bids" | "lease" })[] = [];
  let phase: "bids" | "lease" = "bids";
  let live!: () => void;
  const isLive = new Promise<void>((r) => (live = r));
  const close = subscribeTxs(websocketUrl(fx.devnet.endpoints.rpc), bidEventQueries(TENANT1.address), WebSocket as unknown as WebSocketConstructor, {
    onLive: () => live(),
    onEvent: (ev) => events.push({ ...ev, phase }),
    onDown: (why) => console.error(`subscription down: ${why}`),
  });
  await isLive;

  const { dseq } = await fx.deploy(FILE);
  const restBeforeBids = await rest.bidsWithHeight({ owner: TENANT1.address, dseq });
  await fx.waitBlocks(15); // the providers that bid at once have bid by then (the late bidder waits ~20 s: left out)
  const restAfterBids = await rest.bidsWithHeight({ owner: TENANT1.address, dseq });
  const cheapest = [...restAfterBids.bids].sort((a, b) => Number(a.price.amount) - Number(b.price.amount))[0];
  if (!cheapest || restAfterBids.bids.length < 3) throw new Error(`expected at least 3 bids on ${FILE}, got ${restAfterBids.bids.length}`);

  phase = "lease";
  const res = await fx.client.signAndBroadcast(TENANT1.address, [createLeaseMsg(cheapest.id)], "auto");
  if (res.code !== 0) throw new Error(`lease failed: ${res.rawLog}`);
  await fx.waitBlocks(3);
  const restAfterLease = await rest.bidsWithHeight({ owner: TENANT1.address, dseq });
  close();

  const capture = {
    note: "captured by test/support/capture-bid-events.ts from the devnet (devnet/start.ts); see SOURCE.md",
    owner: TENANT1.address,
    dseq,
    sdl: FILE,
    leaseHeight: res.height,
    restBeforeBids,
    restAfterBids,
    restAfterLease,
    events,
  };
  writeFileSync(OUT, `${JSON.stringify(capture, null, 1)}\n`);
  console.log(`${events.length} events (${events.filter((e) => e.phase === "bids").length} bids, ${events.filter((e) => e.phase === "lease").length} lease), ${restAfterBids.bids.length} bids -> ${OUT}`);
} finally {
  await fx.stop();
}
