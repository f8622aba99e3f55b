/** A throwaway PostgreSQL for benchmarks, through the same shell functions as `npm run test:postgres`. */
import { execFileSync } from "node:child_process";
import path from "node:path";

const SCRIPT = path.resolve(import.meta.dirname, "postgres.sh");

export function startThrowawayPostgres(): { url: string; stop(): void } {
  const out = execFileSync("bash", ["-c", `source "${SCRIPT}" && pg_throwaway_start && echo "$PG_URL $PG_DIR"`], { encoding: "utf8" }).trim().split("\n").pop()!;
  const [url, dir] = out.split(" ");
  return {
    url: url!,
    stop() {
      execFileSync("bash", ["-c", `source "${SCRIPT}" && PG_DIR="${dir}" && PG_BIN="$(bash "$(dirname "${SCRIPT}")/../ensure-postgres.sh")" && PG_AS=() && { [ "$(id -u)" -ne 0 ] || PG_AS=(runuser -u postgres --); } && pg_throwaway_stop`]);
    },
  };
}
