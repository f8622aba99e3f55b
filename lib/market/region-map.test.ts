import { describe, expect, it } from "vitest";
import { areaOf, regionPoints } from "@/lib/market/region-map";
import { buildProfiles } from "../../devnet/provider/profiles";

describe("the directory's region map", () => {
  it("places the devnet providers' regions, west of east and north of south", () => {
    const { points, unplaced, noRegion } = regionPoints(buildProfiles(1).map((p) => p.region));
    expect(unplaced).toEqual([]);
    expect(noRegion).toBe(0);
    expect(points.map((p) => p.area).sort()).toEqual(["ap-southeast", "eu-central", "eu-west", "us-east", "us-west"]);
    expect(points[0]).toMatchObject({ area: "us-west", providers: 2 });
    const at = (a: string) => points.find((p) => p.area === a)!;
    expect(at("us-west").x).toBeLessThan(at("us-east").x);
    expect(at("us-east").x).toBeLessThan(at("eu-west").x);
    expect(at("eu-central").y).toBeLessThan(at("ap-southeast").y);
    for (const v of points.flatMap((p) => [p.x, p.y])) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  });

  it("reads numbered and spelled-out codes, and lists a region it does not know instead of guessing a spot", () => {
    expect(areaOf("us-west-2")).toBe("us-west");
    expect(areaOf(" EU Central ")).toBe("eu-central");
    expect(areaOf("ap_northeast_1")).toBe("ap-northeast");
    expect(areaOf("westcoast")).toBeNull();
    const r = regionPoints(["us-west-1", "westcoast", "westcoast", null, "  "]);
    expect(r.points).toEqual([expect.objectContaining({ area: "us-west", regions: ["us-west-1"], providers: 1 })]);
    expect(r.unplaced).toEqual([{ region: "westcoast", providers: 2 }]);
    expect(r.noRegion).toBe(2);
  });
});
