/** Human units for what the chain stores in base units (bytes, millicores). Binary prefixes, as SDLs use them. */
const BYTE_UNITS = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"] as const;

export function formatBytes(value: string | number | bigint): string {
  let n = Number(value);
  if (!Number.isFinite(n)) return String(value);
  let unit = 0;
  while (n >= 1024 && unit < BYTE_UNITS.length - 1) {
    n /= 1024;
    unit++;
  }
  return `${Number.isInteger(n) ? n : n.toFixed(2).replace(/\.?0+$/, "")} ${BYTE_UNITS[unit]}`;
}

export function formatMillicores(value: string | number): string {
  const n = Number(value);
  if (!Number.isFinite(n)) return String(value);
  const cpus = n / 1000;
  return `${Number.isInteger(cpus) ? cpus : cpus.toFixed(3).replace(/\.?0+$/, "")} CPU`;
}

export function formatUsd(value: number): string {
  return value.toLocaleString("en-US", { style: "currency", currency: "USD", maximumFractionDigits: value < 1 ? 4 : 2 });
}
