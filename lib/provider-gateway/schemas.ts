import { z } from "zod";

/**
 * Every answer a provider gateway gives, as zod schemas (akash-network/provider gateway/rest and
 * pkg.akt.dev/go/provider/client types). A provider is a trust boundary: its answers are parsed here and the rest
 * of the console sees the camelCase shapes below. Unknown fields pass silently (a newer provider may add some).
 * The *Dto schemas are the same shapes as the console's own API returns them to the browser.
 */

const count = z.number().int();
const nullableList = <T extends z.ZodType>(item: T) => z.array(item).nullish().transform((v) => v ?? []);
const nullableRecord = <T extends z.ZodType>(value: T) => z.record(z.string(), value).nullish().transform((v) => v ?? {});

export const serviceStatusDto = z.object({
  name: z.string(),
  available: count,
  total: count,
  uris: z.array(z.string()),
  observedGeneration: count,
  replicas: count,
  updatedReplicas: count,
  readyReplicas: count,
  availableReplicas: count,
});
export type ServiceStatus = z.infer<typeof serviceStatusDto>;

/** ServiceStatus: snake_case JSON tags in the Go struct */
export const serviceStatusWire = z
  .object({
    name: z.string(),
    available: count,
    total: count,
    uris: nullableList(z.string()),
    observed_generation: count.nullish(),
    replicas: count.nullish(),
    updated_replicas: count.nullish(),
    ready_replicas: count.nullish(),
    available_replicas: count.nullish(),
  })
  .transform(
    (s): ServiceStatus => ({
      name: s.name,
      available: s.available,
      total: s.total,
      uris: s.uris,
      observedGeneration: s.observed_generation ?? 0,
      replicas: s.replicas ?? 0,
      updatedReplicas: s.updated_replicas ?? 0,
      readyReplicas: s.ready_replicas ?? 0,
      availableReplicas: s.available_replicas ?? 0,
    }),
  );

export const forwardedPortDto = z.object({ host: z.string(), port: count, externalPort: count, proto: z.string(), name: z.string() });
export type ForwardedPort = z.infer<typeof forwardedPortDto>;

export const leasedIpDto = z.object({ port: count, externalPort: count, protocol: z.string(), ip: z.string() });
export type LeasedIp = z.infer<typeof leasedIpDto>;

/** LeasedIPStatus has no JSON tags in Go, so its keys are the field names, capitalised */
const leasedIpWire = z
  .object({ Port: count, ExternalPort: count, Protocol: z.string(), IP: z.string() })
  .transform((i): LeasedIp => ({ port: i.Port, externalPort: i.ExternalPort, protocol: i.Protocol, ip: i.IP }));

export const leaseStatusDto = z.object({
  services: z.record(z.string(), serviceStatusDto),
  forwardedPorts: z.record(z.string(), z.array(forwardedPortDto)),
  ips: z.record(z.string(), z.array(leasedIpDto)),
});
export type LeaseStatus = z.infer<typeof leaseStatusDto>;

export const leaseStatusWire = z
  .object({
    services: nullableRecord(serviceStatusWire.nullable()),
    forwarded_ports: nullableRecord(nullableList(forwardedPortDto)),
    ips: nullableRecord(nullableList(leasedIpWire)),
  })
  .transform(
    (s): LeaseStatus => ({
      services: Object.fromEntries(Object.entries(s.services).filter((e): e is [string, ServiceStatus] => e[1] !== null)),
      forwardedPorts: s.forwarded_ports,
      ips: s.ips,
    }),
  );

/** GET /lease/.../manifest: the lease's group of the manifest (manifest v2beta3), checked only as far as the UI reads it */
export const manifestWire = z.array(
  z.looseObject({
    name: z.string(),
    services: z.array(z.looseObject({ name: z.string(), image: z.string(), count: count.optional() })),
  }),
);
export type ProviderManifest = z.infer<typeof manifestWire>;

/** One line of a log stream: the pod's name and the line, without a timestamp (gateway/rest ServiceLogMessage) */
export const logFrameWire = z.object({ name: z.string(), message: z.string() });
export type LogFrame = z.infer<typeof logFrameWire>;

/** One Kubernetes event of a lease (cluster/types/v1beta3 LeaseEvent) */
export const kubeEventFrameWire = z.object({
  type: z.string(),
  reportingController: z.string().catch(""),
  reportingInstance: z.string().catch(""),
  reason: z.string(),
  note: z.string().catch(""),
  object: z.object({ kind: z.string(), namespace: z.string(), name: z.string() }),
});
export type KubeEventFrame = z.infer<typeof kubeEventFrameWire>;

/** The JSON of a shell's result frame (code 102): leaseShellResponse */
export const shellResultWire = z
  .object({ exit_code: z.number().int(), message: z.string().optional() })
  .transform((r) => ({ exitCode: r.exit_code, ...(r.message ? { message: r.message } : {}) }));
export type ShellResult = z.output<typeof shellResultWire>;
