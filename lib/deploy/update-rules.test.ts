import { load } from "js-yaml";
import YAML from "yaml";
import { describe, expect, it } from "vitest";
import { buildDeploymentPayload } from "@/lib/deploy/payload";
import { updateDifferences } from "@/lib/deploy/update-rules";
import { corpusFile } from "@/test/support/corpus";

type Sdl = { services: Record<string, Record<string, unknown>>; profiles: { compute: Record<string, { resources: Record<string, unknown> }>; placement: Record<string, Record<string, unknown>> }; deployment: Record<string, Record<string, { profile: string; count: number }>> };

const source = (name: string) => corpusFile(name);
async function differences(name: string, change: (sdl: Sdl) => void) {
  const text = source(name);
  const after = load(text) as Sdl;
  change(after);
  const [a, b] = await Promise.all([buildDeploymentPayload(text), buildDeploymentPayload(YAML.stringify(after))]);
  return updateDifferences(a.groupSpecs, b.groupSpecs).map((d) => d.message);
}
const firstService = (sdl: Sdl) => Object.keys(sdl.services)[0]!;
const firstProfile = (sdl: Sdl) => Object.keys(sdl.profiles.compute)[0]!;
const firstPlacement = (sdl: Sdl) => Object.keys(sdl.profiles.placement)[0]!;

describe("updateDifferences", () => {
  it("allows a new image, command, args and env: they live in the manifest only", async () => {
    expect(
      await differences("memos.yaml", (s) => {
        const svc = s.services[firstService(s)]!;
        svc.image = "neosmemo/memos:0.25.3";
        svc.env = ["GREETING=hello", "MODE=production"];
        svc.command = ["sh", "-c"];
        svc.args = ["memos --mode prod"];
      }),
    ).toEqual([]);
  });

  it("allows a port to change its number while it stays global", async () => {
    expect(
      await differences("memos.yaml", (s) => {
        const expose = s.services[firstService(s)]!.expose as { port: number }[];
        expose[0]!.port = 8080;
      }),
    ).toEqual([]);
  });

  it("names a change of memory, and of CPU", async () => {
    const memory = await differences("memos.yaml", (s) => {
      s.profiles.compute[firstProfile(s)]!.resources.memory = { size: "3Gi" };
    });
    expect(memory).toEqual([expect.stringMatching(/^The memory \(bytes\) of resource 1 of group "\w+" changes from \d+ to 3221225472\. That needs a new deployment/)]);
    const cpu = await differences("memos.yaml", (s) => {
      s.profiles.compute[firstProfile(s)]!.resources.cpu = { units: 3 };
    });
    expect(cpu).toEqual([expect.stringMatching(/^The CPU \(millicores\) of resource 1 .* to 3000\./)]);
  });

  it("names a change of count and of price", async () => {
    const msgs = await differences("memos.yaml", (s) => {
      const svc = firstService(s);
      const placement = firstPlacement(s);
      s.deployment[svc]![placement]!.count = 3;
      (s.profiles.placement[placement]!.pricing as Record<string, { amount: number }>)[firstProfile(s)]!.amount = 12345;
    });
    expect(msgs).toEqual([expect.stringMatching(/^The count of resource 1 .* from 1 to 3\./), expect.stringMatching(/^The price of resource 1 .* to 12345 u(akt|act)\./)]);
  });

  it("names a placement attribute added", async () => {
    const msgs = await differences("memos.yaml", (s) => {
      s.profiles.placement[firstPlacement(s)]!.attributes = { region: "us-west" };
    });
    expect(msgs).toEqual([expect.stringMatching(/^The placement attributes of group "\w+" change from none to region=us-west\./)]);
  });

  it("names a service added to a group", async () => {
    const msgs = await differences("memos.yaml", (s) => {
      const svc = firstService(s);
      s.services.cache = { image: "redis:7", expose: [{ port: 6379, to: [{ service: svc }] }] };
      s.profiles.compute.cache = { resources: { cpu: { units: 0.5 }, memory: { size: "256Mi" }, storage: { size: "1Gi" } } };
      const placement = firstPlacement(s);
      (s.profiles.placement[placement]!.pricing as Record<string, unknown>).cache = { denom: "uact", amount: 100 };
      s.deployment.cache = { [placement]: { profile: "cache", count: 1 } };
    });
    expect(msgs).toEqual([expect.stringMatching(/^Group "\w+" has 2 resource profiles instead of 1/)]);
  });

  it("names a port that stops being global (its endpoint goes)", async () => {
    const msgs = await differences("memos.yaml", (s) => {
      const expose = s.services[firstService(s)]!.expose as { to: unknown[] }[];
      expose[0]!.to = [{ service: "other" }];
    });
    expect(msgs.join("\n")).toMatch(/exposed endpoints of resource 1 .* change from a (shared HTTP|random) port to none/);
  });
});
