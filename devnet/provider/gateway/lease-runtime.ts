/** What a provider keeps per lease once the manifest arrived: the manifest group it runs, and when it came. */

export interface ManifestExpose {
  port: number;
  externalPort: number;
  proto: string;
  global: boolean;
  hosts: string[] | null;
  ip?: string;
}

export interface ManifestService {
  name: string;
  image: string;
  count: number;
  env?: string[] | null;
  expose?: ManifestExpose[];
  resources?: { gpu?: { units?: { val?: string } } };
}

export interface ManifestGroup {
  name: string;
  services: ManifestService[];
}

export interface LeaseRuntime {
  group: ManifestGroup;
  /** when the manifest arrived (ms) */
  receivedAt: number;
  generation: number;
  namespace: string;
}

export function leaseKey(l: { owner: string; dseq: bigint; gseq: number; oseq: number }): string {
  return `${l.owner}/${l.dseq}/${l.gseq}/${l.oseq}`;
}

/** A `/lease/{dseq}/{gseq}/{oseq}/...` path, split. */
export interface LeasePath {
  dseq: bigint;
  gseq: number;
  oseq: number;
  rest: string;
}

export function parseLeasePath(pathname: string): LeasePath | undefined {
  const m = /^\/lease\/(\d+)\/(\d+)\/(\d+)(\/.*)$/.exec(pathname);
  if (!m) return undefined;
  return { dseq: BigInt(m[1]!), gseq: Number(m[2]), oseq: Number(m[3]), rest: m[4]! };
}
