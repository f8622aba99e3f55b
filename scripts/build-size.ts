/**
 * The first-load JS budget, checked on `next build`'s own report (its "First Load JS" column: the page's chunks
 * plus those shared by all, gzipped). `npm test` saves the build's output and runs this on it:
 *   npx tsx scripts/build-size.ts .next/build-output.txt
 * Exit 1 with the pages over the budget, 2 when the report has no route table (a changed format must not pass).
 */
import { readFileSync } from "node:fs";

export const FIRST_LOAD_BUDGET_KB = 300;

export interface PageSize {
  route: string;
  firstLoadKb: number;
}

const UNITS: Record<string, number> = { B: 1 / 1024, kB: 1, MB: 1024 };

/** The route table's rows: `├ ƒ /deployments/[dseq]   22 kB   205 kB` -> { route, firstLoadKb: 205 }. */
export function parseFirstLoad(report: string): PageSize[] {
  const rows: PageSize[] = [];
  for (const line of report.split(/\r?\n/)) {
    const m = /^[┌├└]\s+\S+\s+(\/\S*)\s+[\d.]+\s+(?:B|kB|MB)\s+([\d.]+)\s+(B|kB|MB)\s*$/.exec(line);
    if (m) rows.push({ route: m[1]!, firstLoadKb: Number(m[2]) * UNITS[m[3]!]! });
  }
  return rows;
}

export function overBudget(pages: readonly PageSize[], budgetKb = FIRST_LOAD_BUDGET_KB): PageSize[] {
  return pages.filter((p) => p.firstLoadKb > budgetKb);
}

if (process.argv[1]?.endsWith("build-size.ts")) {
  const file = process.argv[2] ?? ".next/build-output.txt";
  const pages = parseFirstLoad(readFileSync(file, "utf8"));
  if (pages.length === 0) {
    console.error(`${file} has no route table: cannot check the first-load JS budget`);
    process.exit(2);
  }
  const over = overBudget(pages);
  const largest = [...pages].sort((a, b) => b.firstLoadKb - a.firstLoadKb)[0]!;
  if (over.length > 0) {
    console.error(`first-load JS over ${FIRST_LOAD_BUDGET_KB} kB:\n${over.map((p) => `  ${p.route} ${p.firstLoadKb} kB`).join("\n")}`);
    process.exit(1);
  }
  console.log(`first-load JS: ${pages.length} routes within ${FIRST_LOAD_BUDGET_KB} kB (largest ${largest.route}, ${largest.firstLoadKb} kB)`);
}
