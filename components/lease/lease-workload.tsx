"use client";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { EventViewer } from "@/components/logs/event-viewer";
import { LogViewer } from "@/components/logs/log-viewer";
import { ShellTerminal } from "@/components/shell/shell-terminal";
import type { OpenShell } from "@/components/shell/shell-session";
import { ErrorMessage } from "@/components/ui/error-message";
import { Field } from "@/components/ui/field";
import { Tab, TabList, TabPanel, Tabs } from "@/components/ui/tabs";
import type { KubeEventFrame, LogFrame } from "@/lib/logs/frames";
import type { OpenStream } from "@/lib/logs/follow-stream";
import { openShell, streamFromConsole } from "@/lib/provider-gateway/console-stream";
import type { ProviderTokens } from "@/lib/provider-gateway/jwt";
import { leaseLabel, type LeaseRef } from "@/lib/provider-gateway/lease-ref";
import { leaseQueries } from "@/lib/query/leases";
import { ServiceStatus } from "./service-status";

interface Props {
  lease: LeaseRef;
  tokens: ProviderTokens;
  /** the lease's service names from the SDL (the status adds any the provider reports) */
  services: readonly string[];
}

/**
 * One running lease: its services' status from the provider, and its logs, Kubernetes events and a shell, each
 * streamed from the provider through the console's server with the tenant's own token for that provider.
 */
export function LeaseWorkload({ lease, tokens, services: sdlServices }: Props) {
  const status = useQuery(leaseQueries.status(lease, tokens));
  const services = [...new Set([...sdlServices, ...Object.keys(status.data?.services ?? {})])].sort();
  const [shellService, setShellService] = useState(services[0] ?? "");
  const token = useCallback(() => tokens.get(lease.provider), [tokens, lease.provider]);

  const openLogs = useCallback<OpenStream<LogFrame>>(
    ({ tail, signal }) => streamFromConsole({ lease, kind: "logs", tail, follow: true }, { token, signal }) as AsyncIterable<LogFrame>,
    [lease, token],
  );
  const openEvents = useCallback<OpenStream<KubeEventFrame>>(
    ({ tail, signal }) => streamFromConsole({ lease, kind: "events", tail, follow: true }, { token, signal }) as AsyncIterable<KubeEventFrame>,
    [lease, token],
  );
  const service = shellService || services[0] || "";
  const openTerminal = useCallback<OpenShell>(
    (command, o) => openShell({ lease, service, command, tty: o.tty, stdin: o.stdin }, { token, signal: o.signal }),
    [lease, service, token],
  );

  return (
    <section aria-label={`Lease ${leaseLabel(lease)}`} className="space-y-3 rounded border border-neutral-200 p-3">
      <h3 className="text-sm font-medium">
        Group {lease.gseq} on <span className="font-mono text-xs">{lease.provider}</span>
      </h3>
      {status.isError && <ErrorMessage error={status.error} onRetry={() => void status.refetch()} />}
      {status.isPending && <p className="text-sm text-neutral-500">Asking the provider for the status of its services…</p>}
      {status.data && <ServiceStatus status={status.data} />}
      <Tabs defaultValue="logs">
        <TabList label="Workload">
          <Tab value="logs">Logs</Tab>
          <Tab value="events">Events</Tab>
          <Tab value="shell">Shell</Tab>
        </TabList>
        <TabPanel value="logs" className="pt-2">
          <LogViewer open={openLogs} services={services} downloadName={`logs-${lease.dseq}-${lease.gseq}.txt`} />
        </TabPanel>
        <TabPanel value="events" className="pt-2">
          <EventViewer open={openEvents} services={services} downloadName={`events-${lease.dseq}-${lease.gseq}.txt`} />
        </TabPanel>
        <TabPanel value="shell" className="space-y-2 pt-2">
          {services.length > 1 && (
            <Field label="Service">
              {(props) => (
                <select {...props} value={service} onChange={(e) => setShellService(e.target.value)} className="rounded border border-neutral-300 px-2 py-1 text-sm">
                  {services.map((s) => (
                    <option key={s}>{s}</option>
                  ))}
                </select>
              )}
            </Field>
          )}
          {/* a new terminal per service: the session belongs to one container */}
          <ShellTerminal key={service} open={openTerminal} />
        </TabPanel>
      </Tabs>
    </section>
  );
}
