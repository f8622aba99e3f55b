/**
 * Where providers are, for the directory's map: the region attribute providers publish ("us-west", "eu-central",
 * "ap-southeast-1", ...) placed at an approximate longitude/latitude of the area the code names (cloud-region style
 * codes: a continent prefix and a direction). Hand-written because no package maps these free-form codes; a code
 * it does not know is listed beside the map, never placed at a guessed spot.
 */

const AREAS: Record<string, [lon: number, lat: number]> = {
  "us-west": [-120, 39],
  "us-central": [-95, 40],
  "us-east": [-77, 39],
  "us-south": [-97, 31],
  "us-north": [-95, 46],
  "ca-central": [-79, 45],
  "ca-west": [-123, 50],
  "ca-east": [-71, 46],
  "sa-east": [-47, -23],
  "sa-west": [-70, -33],
  "eu-west": [-3, 51],
  "eu-central": [9, 50],
  "eu-north": [18, 59],
  "eu-south": [12, 42],
  "eu-east": [24, 50],
  "me-central": [54, 24],
  "me-south": [50, 26],
  "af-south": [18, -33],
  "ap-south": [77, 19],
  "ap-southeast": [104, 1],
  "ap-northeast": [139, 36],
  "ap-east": [114, 22],
  "ap-central": [100, 15],
  "oc-south": [151, -34],
  "au-east": [151, -34],
  "au-southeast": [145, -38],
};

/** "us-west-2", "US West", "us_west" -> "us-west"; null when the code names no area this table knows */
export function areaOf(region: string): string | null {
  const code = region.trim().toLowerCase().replace(/[\s_]+/g, "-").replace(/-\d+$/, "");
  return code in AREAS ? code : null;
}

export interface MapPoint {
  area: string;
  /** the region values placed here, as the providers wrote them */
  regions: string[];
  providers: number;
  /** 0..1 across and down the map (equirectangular) */
  x: number;
  y: number;
}

export function regionPoints(regions: readonly (string | null)[]): { points: MapPoint[]; unplaced: { region: string; providers: number }[]; noRegion: number } {
  const byArea = new Map<string, MapPoint>();
  const unplaced = new Map<string, number>();
  let noRegion = 0;
  for (const region of regions) {
    if (!region?.trim()) {
      noRegion++;
      continue;
    }
    const area = areaOf(region);
    if (!area) {
      unplaced.set(region, (unplaced.get(region) ?? 0) + 1);
      continue;
    }
    const [lon, lat] = AREAS[area]!;
    const p = byArea.get(area) ?? { area, regions: [], providers: 0, x: (lon + 180) / 360, y: (90 - lat) / 180 };
    p.providers++;
    if (!p.regions.includes(region)) p.regions.push(region);
    byArea.set(area, p);
  }
  return {
    points: [...byArea.values()].sort((a, b) => b.providers - a.providers || a.area.localeCompare(b.area)),
    unplaced: [...unplaced].map(([region, providers]) => ({ region, providers })).sort((a, b) => b.providers - a.providers),
    noRegion,
  };
}
