/**
 * The pre-screen in the browser: every valid SDL of the corpus against 300 providers (synthetic: the devnet's six
 * provider profiles dealt to 300 accounts, so regions, GPUs, storage classes, IP leases and audits repeat as on a
 * real network of that size), each with its free capacity and 10 recent bids (corpus groups priced by the devnet's
 * own pricing, so the price-ceiling rule has real work), five rounds, in headless Chromium (each figure the mean of 20 calls: the page's timer
 * reads in 0.1 ms steps). Target: p95 of one SDL's pre-screen under 50 ms
 * (it runs on every keystroke's check result). Baseline in the same run: the no-bids explanation over the same
 * providers (the per-requirement counts the deployment page shows after 60 s without bids).
 * Also the provider directory's first render with the same 300 providers (median of 15 paints), against the devnet's 6.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";
import { MAINNET_AUDITOR } from "@/devnet/start";
import { AUDITOR1, type DevnetAccount } from "@/devnet/accounts";
import { parseGroupSpec, priceFor, toDecString } from "@/devnet/provider/bidding";
import { buildProfiles } from "@/devnet/provider/profiles";
import type { ChainBid } from "@/lib/chain/rest-schemas";
import type { ScreenedProvider } from "@/lib/market/pre-screen";
import { storageClassesOf, type DirectoryEntry } from "@/lib/market/directory";
import { attributeValue, providerInfoFrom, type ProviderInfo } from "@/lib/market/provider-info";
import { recentBidsOf } from "@/lib/market/recent-bids";
import { checkSdl, type GroupView } from "@/lib/sdl/check";
import { corpusFile, corpusPaths } from "@/test/support/corpus";
import { servePage } from "@/test/support/browser-page";
import { inventoryOfProfile } from "@/test/support/provider-inventory";
import { record } from "./lib/report";
import { fmtMs, percentile } from "./lib/stats";

const PROVIDERS = 300;
const ROUNDS = 5;
const TARGET_MS = 50;
const here = path.dirname(fileURLToPath(import.meta.url));

const profiles = buildProfiles(
  1,
  Array.from({ length: PROVIDERS }, (_, i): DevnetAccount => ({ name: `synthetic-${i}`, mnemonic: "", address: `akash1synthetic${String(i).padStart(29, "0")}` })),
  false,
);

function syntheticProviders(): ProviderInfo[] {
  return profiles.map((p) =>
    providerInfoFrom({
      owner: p.account.address,
      hostUri: `https://${p.account.name}.example.com:8443`,
      attributes: p.attributes,
      auditors: p.auditedAttributes.length ? [AUDITOR1.address, MAINNET_AUDITOR] : [],
    }),
  );
}

const providers = syntheticProviders();
/** the directory's entries for them: probe figures dealt per index (a few offline, a few never probed) */
const entries: DirectoryEntry[] = providers.map((p, i) => ({
  ...p,
  uptime24h: i % 17 === 0 ? null : 100 - (i % 9),
  uptime7d: i % 17 === 0 ? null : 99 - (i % 7),
  online: i % 17 === 0 ? null : i % 13 !== 0,
  lastError: i % 13 === 0 ? "no answer within 5 s" : null,
  storageClasses: storageClassesOf(p.attributes),
  ipLeases: attributeValue(p.attributes, "feat-endpoint-ip") === "true",
  tier: attributeValue(p.attributes, "tier"),
  activeLeases: i % 11,
  openBids: i % 5,
  recentBids: [],
  inventory: i % 17 === 0 ? null : inventoryOfProfile(profiles[i]!),
  disagreements: [],
}));
const PAINTS = 15;
const sdls: GroupView[][] = [];
for (const file of corpusPaths().map((p) => path.basename(p))) {
  const r = await checkSdl(corpusFile(file));
  if (r.valid && r.groups) sdls.push(r.groups);
}
const RECENT_BIDS = 10;
const corpusGroups = sdls.flat();
/**
 * what the pre-screen reads: the directory's entries with 10 recent bids each, on corpus groups at the devnet's
 * prices, reduced as the console server sends them (price and footprint at that provider)
 */
const screened: ScreenedProvider[] = entries.map((e, i) => ({
  ...e,
  recentBids: recentBidsOf(Array.from({ length: RECENT_BIDS }, (_, k): ChainBid => {
    const g = corpusGroups[(i * RECENT_BIDS + k) % corpusGroups.length]!;
    const need = parseGroupSpec(g);
    return {
      id: { owner: "akash1bench", dseq: String(1000 + k), gseq: 1, oseq: 1, provider: e.owner, bseq: 0 },
      state: k % 3 === 0 ? "active" : "open",
      price: { denom: need.denom || "uact", amount: toDecString(priceFor(profiles[i]!, need, 1, `${i}/${k}`)) },
      createdAt: String(100 + k),
      resourcesOffer: g.resources.map((r) => ({ resources: r.resource, count: r.count })),
    };
  }), e.attributes),
}));
const page = await servePage(path.join(here, "pre-screen-page.tsx"));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
try {
  const tab = await browser.newPage();
  await tab.goto(page.url);
  await tab.waitForFunction(() => typeof (window as unknown as { runPreScreen?: unknown }).runPreScreen === "function", null, { timeout: 30_000 });
  const r = await tab.evaluate(
    ([s, p, rounds]) => (window as unknown as { runPreScreen: (a: unknown, b: unknown, c: number) => { screen: number[]; explain: number[]; canRun: number[] } }).runPreScreen(s, p, rounds),
    [sdls, screened, ROUNDS] as const,
  );
  const p95 = percentile(r.screen, 95);
  console.log(`pre-screen: ${sdls.length} corpus SDLs x ${PROVIDERS} synthetic providers x ${ROUNDS} rounds, headless Chromium`);
  console.log(`  preScreen       median ${fmtMs(percentile(r.screen, 50))}  p95 ${fmtMs(p95)}  max ${fmtMs(Math.max(...r.screen))}`);
  console.log(`  explainNoBids   median ${fmtMs(percentile(r.explain, 50))}  p95 ${fmtMs(percentile(r.explain, 95))}  (baseline)`);
  console.log(`  providers that can run each SDL: median ${percentile(r.canRun, 50)}, none for ${r.canRun.filter((n) => n === 0).length} of ${sdls.length} SDLs`);
  record({ bench: "pre-screen", figure: `one SDL vs ${PROVIDERS} providers, p95`, value: p95, unit: "ms", baseline: percentile(r.explain, 95), target: { op: "<", limit: TARGET_MS } });

  const paint = async (list: DirectoryEntry[]) => {
    const times: number[] = [];
    for (let i = 0; i < PAINTS + 2; i++) times.push(await tab.evaluate((e) => (window as unknown as { renderDirectory: (x: unknown) => Promise<number> }).renderDirectory(e), list));
    return percentile(times.slice(2), 50); // the first two warm the code paths
  };
  const small = await paint(entries.slice(0, 6));
  const big = await paint(entries);
  const rows = await tab.locator("tbody tr").count();
  if (rows !== PROVIDERS) throw new Error(`the directory drew ${rows} rows, expected ${PROVIDERS}`);
  console.log(`  directory first render, painted: ${PROVIDERS} providers ${fmtMs(big)}, 6 providers ${fmtMs(small)} (median of ${PAINTS})`);
  record({ bench: "pre-screen", figure: `directory first render, ${PROVIDERS} providers`, value: big, unit: "ms", baseline: small });
} finally {
  await browser.close();
  await page.close();
}
