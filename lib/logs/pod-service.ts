/**
 * The SDL service a pod (or another Kubernetes object) belongs to, from its name. Provider log frames name the pod
 * only; the provider names a service's Deployment or StatefulSet after the service, so its pods are
 * `<service>-<replicaset hash>-<pod hash>` or `<service>-<ordinal>`. Service names may contain dashes, so the
 * longest service name that prefixes the pod name wins.
 */
export function serviceOf(objectName: string, services: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const s of services) {
    if ((objectName === s || objectName.startsWith(`${s}-`)) && (!best || s.length > best.length)) best = s;
  }
  return best;
}
