/**
 * The small deterministic container a lease shell runs in: the pod's hostname, the service's environment from the
 * manifest plus what Kubernetes and the provider add, and a tiny filesystem. Alpine-based images have no bash.
 */
import type { LeaseView } from "../../contract";
import type { ManifestService } from "./lease-runtime";

export interface Container {
  hostname: string;
  service: string;
  image: string;
  os: "debian" | "alpine";
  /** executables in /bin; a command outside this list "does not exist" */
  bin: string[];
  env: Map<string, string>;
  files: Map<string, string>;
  dirs: Set<string>;
}

const COMMANDS = ["cat", "echo", "env", "false", "hostname", "ls", "printenv", "pwd", "seq", "sleep", "stty", "true", "uname", "whoami", "yes"];

export function isAlpine(image: string): boolean {
  return /alpine|busybox/i.test(image);
}

export function containerOf(s: ManifestService, pod: string, lease: LeaseView, providerHost: string): Container {
  const os = isAlpine(s.image) ? "alpine" : "debian";
  const bin = [...(os === "alpine" ? ["sh"] : ["bash", "sh"]), ...COMMANDS].sort();
  const env = new Map<string, string>([
    ["PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
    ["HOSTNAME", pod],
  ]);
  for (const kv of s.env ?? []) {
    const i = kv.indexOf("=");
    if (i > 0) env.set(kv.slice(0, i), kv.slice(i + 1));
  }
  // what akash-network/provider's builder adds to every container
  env.set("AKASH_CLUSTER_PUBLIC_HOSTNAME", providerHost);
  env.set("AKASH_DEPLOYMENT_SEQUENCE", String(lease.dseq));
  env.set("AKASH_GROUP_SEQUENCE", String(lease.gseq));
  env.set("AKASH_ORDER_SEQUENCE", String(lease.oseq));
  env.set("AKASH_OWNER", lease.owner);
  env.set("AKASH_PROVIDER", lease.provider);
  env.set("HOME", "/root");
  const shell = os === "alpine" ? "/bin/sh" : "/bin/bash";
  const files = new Map<string, string>([
    ["/etc/hostname", `${pod}\n`],
    ["/etc/os-release", os === "alpine" ? 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.21.3\n' : 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian\n'],
    ["/etc/passwd", `root:x:0:0:root:/root:${shell}\n`],
    ["/app/README.md", `# ${s.name}\nThe ${s.name} service of lease ${lease.dseq}/${lease.gseq}/${lease.oseq}, simulated by the Akash devnet.\n`],
    ["/app/hello.txt", `hello from ${s.name}\n`],
    ...bin.map((b) => [`/bin/${b}`, ""] as [string, string]),
  ]);
  const dirs = new Set(["/", "/app", "/bin", "/etc", "/home", "/proc", "/root", "/tmp", "/usr", "/var", "/var/log"]);
  return { hostname: pod, service: s.name, image: s.image, os, bin, env, files, dirs };
}

/** Resolves `p` against `cwd` ("." and ".." included) to an absolute path. */
export function resolvePath(cwd: string, p: string): string {
  const parts = (p.startsWith("/") ? p : `${cwd}/${p}`).split("/");
  const out: string[] = [];
  for (const part of parts) {
    if (!part || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return "/" + out.join("/");
}

/** Names directly inside directory `dir`, sorted as ls sorts them. */
export function listDir(c: Container, dir: string): string[] {
  const prefix = dir === "/" ? "/" : `${dir}/`;
  const names = new Set<string>();
  for (const p of [...c.files.keys(), ...c.dirs]) {
    if (p !== dir && p.startsWith(prefix)) names.add(p.slice(prefix.length).split("/")[0]!);
  }
  return [...names].sort();
}
