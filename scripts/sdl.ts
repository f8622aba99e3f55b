/**
 * `npm run --silent sdl -- check <file>... [--json] [--network mainnet|sandbox|testnet]`
 *
 * Same code path as the editor (lib/sdl/check.ts). Exit 0 when every file is valid, 1 otherwise, 2 on usage error.
 */
import { readFile } from "node:fs/promises";

import type { NetworkId } from "@akashnetwork/chain-sdk";

import { checkSdl, type SdlCheckResult } from "@/lib/sdl/check";

const USAGE = "usage: npm run --silent sdl -- check <file>... [--json] [--network mainnet|sandbox|testnet]";
const NETWORKS: NetworkId[] = ["mainnet", "sandbox", "testnet"];

interface FileReport {
  file: string;
  valid: boolean;
  diagnostics: { severity: "error" | "warning"; message: string; line: number; column: number; path: string; code: string }[];
  manifestVersion: string | null;
}

function usage(problem: string): never {
  process.stderr.write(`sdl: ${problem}\n${USAGE}\n`);
  process.exit(2);
}

async function checkFile(file: string, networkId: NetworkId): Promise<FileReport> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err));
    return {
      file,
      valid: false,
      diagnostics: [{ severity: "error", code: "io", message: `Cannot read ${file}: ${reason}`, line: 1, column: 1, path: "" }],
      manifestVersion: null,
    };
  }
  const result: SdlCheckResult = await checkSdl(text, { networkId });
  return {
    file,
    valid: result.valid,
    diagnostics: result.diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      message: d.message,
      line: d.range.startLine,
      column: d.range.startColumn,
      path: d.path,
    })),
    manifestVersion: result.valid ? result.manifestVersion : null,
  };
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "--help" || command === "-h") {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  if (command !== "check") usage(command ? `unknown command "${command}"` : "missing command");

  let json = false;
  let networkId: NetworkId = "mainnet";
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === "--json") json = true;
    else if (arg === "--network" || arg.startsWith("--network=")) {
      const value = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : rest[++i];
      if (!value || !NETWORKS.includes(value as NetworkId)) usage(`--network must be one of ${NETWORKS.join(", ")}`);
      networkId = value as NetworkId;
    } else if (arg === "--") continue;
    else if (arg.startsWith("-") && arg !== "-") usage(`unknown option "${arg}"`);
    else files.push(arg);
  }
  if (files.length === 0) usage("no files given");

  const reports: FileReport[] = [];
  for (const file of files) reports.push(await checkFile(file, networkId));

  if (json) {
    process.stdout.write(JSON.stringify(reports, null, 2) + "\n");
  } else {
    let errors = 0;
    let warnings = 0;
    for (const r of reports) {
      for (const d of r.diagnostics) {
        process.stdout.write(`${r.file}:${d.line}:${d.column} ${d.severity} ${d.message} [${d.code}]\n`);
        if (d.severity === "error") errors++;
        else warnings++;
      }
    }
    const invalid = reports.filter((r) => !r.valid).length;
    process.stdout.write(
      `${reports.length} file${reports.length === 1 ? "" : "s"} checked: ${reports.length - invalid} valid, ${invalid} invalid (${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"})\n`,
    );
  }
  return reports.every((r) => r.valid) ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`sdl: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
