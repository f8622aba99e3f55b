"use client";
import { memo, useState } from "react";
import { Tab, TabList, TabPanel, Tabs } from "@/components/ui/tabs";
import type { SdlCheckResult } from "@/lib/sdl/check";
import { denomSymbol } from "@/lib/chain/denom";
import { formatBytes, formatMillicores, formatUsd } from "@/lib/format/units";
import { PreScreenPanel } from "@/components/market/pre-screen-panel";

/** The JSON shape of a group spec as chain-sdk produces it (and as its output fixtures store it). */
interface GroupSpecJson {
  name: string;
  requirements?: { attributes?: { key: string; value: string }[]; signed_by?: { any_of?: string[] | null; all_of?: string[] | null } };
  resources: {
    count: number;
    price?: { denom: string; amount: string };
    resource: {
      cpu?: { units?: { val: string } };
      memory?: { size?: { val: string } };
      storage?: { name: string; size?: { val: string } }[];
      gpu?: { units?: { val: string }; attributes?: { key: string; value: string }[] };
      endpoints?: unknown[];
    };
  }[];
}

type PreviewTab = "groups" | "manifest";

/** What will go on chain: groups, the manifest and its version hash, and the cost estimate. */
/** memo: a keystroke re-renders the workbench, not this panel, until the worker's next result arrives */
export const PreviewPanel = memo(function PreviewPanel({ result }: { result: SdlCheckResult | null }) {
  const [tab, setTab] = useState<PreviewTab>("groups");
  if (!result) return <p className="p-4 text-sm text-neutral-500">Checking…</p>;
  const groups = (result.groups ?? []) as GroupSpecJson[];

  return (
    <section aria-label="Deployment preview" className="flex min-h-0 flex-1 flex-col">
      <div className="border-b border-neutral-200 p-3">
        <h2 className="text-sm font-semibold">What goes on chain</h2>
        {result.valid ? (
          <>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-neutral-500">Manifest version</dt>
              <dd className="break-all font-mono text-xs" data-testid="manifest-version">{result.manifestVersion}</dd>
              <dt className="text-neutral-500">Estimated cost</dt>
              <dd data-testid="cost-estimate">{costLine(result)}</dd>
            </dl>
            {result.groups && <PreScreenPanel groups={result.groups} />}
          </>
        ) : (
          <p className="mt-1 text-sm text-red-700" role="status">Fix the errors to see the groups and manifest.</p>
        )}
      </div>
      {result.valid && (
        <>
          <Tabs value={tab} onValueChange={(v) => setTab(v as PreviewTab)} className="flex min-h-0 flex-1 flex-col">
            <TabList label="Preview" className="px-2 pt-2">
              <Tab value="groups">{`Groups (${groups.length})`}</Tab>
              <Tab value="manifest">Manifest JSON</Tab>
            </TabList>
            <TabPanel value="groups" className="min-h-0 flex-1 overflow-auto p-3">
              <GroupList groups={groups} />
            </TabPanel>
            <TabPanel value="manifest" className="min-h-0 flex-1 overflow-auto p-3">
              <pre className="whitespace-pre-wrap break-all font-mono text-xs" data-testid="manifest-json">{prettyJson(result.manifestJson)}</pre>
            </TabPanel>
          </Tabs>
        </>
      )}
    </section>
  );
});

function costLine(result: SdlCheckResult): string {
  const e = result.estimate;
  if (!e) return "No pricing in the SDL";
  if (e.usdPerMonth !== null) return `${formatUsd(e.usdPerMonth)} per month at most`;
  return `${(e.perMonth / 1e6).toLocaleString("en-US", { maximumFractionDigits: 2 })} ${denomSymbol(e.denom)} per month at most${e.note ? ` (${e.note})` : ""}`;
}

function prettyJson(json: string | null): string {
  if (!json) return "";
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch (e) {
    if (e instanceof SyntaxError) return json; // shown as it came rather than not at all
    throw e;
  }
}

function GroupList({ groups }: { groups: GroupSpecJson[] }) {
  return (
    <ul className="space-y-3" aria-label="Groups">
      {groups.map((g) => (
        <li key={g.name} className="rounded border border-neutral-200 bg-white p-3 text-sm">
          <h3 className="font-medium">Placement “{g.name}”</h3>
          {g.requirements?.attributes?.length ? (
            <p className="mt-1 text-xs text-neutral-600">
              Requires {g.requirements.attributes.map((a) => `${a.key}=${a.value}`).join(", ")}
            </p>
          ) : null}
          {g.requirements?.signed_by?.any_of?.length ? (
            <p className="mt-1 text-xs text-neutral-600">Audited by any of {g.requirements.signed_by.any_of.join(", ")}</p>
          ) : null}
          <table className="mt-2 w-full text-left text-xs">
            <thead className="text-neutral-500">
              <tr>
                <th scope="col">Count</th>
                <th scope="col">CPU</th>
                <th scope="col">Memory</th>
                <th scope="col">Storage</th>
                <th scope="col">GPU</th>
                <th scope="col">Max price / block</th>
              </tr>
            </thead>
            <tbody>
              {g.resources.map((r, i) => (
                <tr key={i} className="border-t border-neutral-100 align-top">
                  <td>{r.count}</td>
                  <td>{r.resource.cpu?.units ? formatMillicores(r.resource.cpu.units.val) : "–"}</td>
                  <td>{r.resource.memory?.size ? formatBytes(r.resource.memory.size.val) : "–"}</td>
                  <td>{r.resource.storage?.map((s) => `${s.name}: ${formatBytes(s.size?.val ?? "0")}`).join(", ") || "–"}</td>
                  <td>{gpuLabel(r.resource.gpu)}</td>
                  <td className="font-mono">{r.price ? `${trimDec(r.price.amount)} ${r.price.denom}` : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </li>
      ))}
    </ul>
  );
}

function gpuLabel(gpu: GroupSpecJson["resources"][number]["resource"]["gpu"]): string {
  const units = Number(gpu?.units?.val ?? 0);
  if (!units) return "–";
  // attribute keys look like vendor/nvidia/model/h100 (or vendor/nvidia for any model of the vendor)
  const parsed = (gpu?.attributes ?? []).map((a) => a.key.split("/")).map((p) => ({ vendor: p[1] ?? "", model: p[3] }));
  const vendors = [...new Set(parsed.map((p) => p.vendor))];
  // "*" is what chain-sdk writes for a vendor without a model: any model of that vendor
  const models = parsed.flatMap((p) => (p.model && p.model !== "*" ? [p.model.toUpperCase()] : []));
  const what = models.length ? models.join(", ") : "any model";
  return `${units}× ${vendors.join("/") || "any vendor"} ${what}`;
}

/** DecCoin amounts carry 18 decimals; show only the significant ones. */
function trimDec(amount: string): string {
  return amount.includes(".") ? amount.replace(/\.?0+$/, "") : amount;
}
