/**
 * The frames a provider streams, as the console's stream delivers them (the same shapes as
 * lib/provider-gateway's `streamFromConsole`; declared here too so the viewers depend on no server code).
 * Provider log frames carry no id and no timestamp: see resume-aligner.ts for what that costs on a resume.
 */
export interface LogFrame {
  /** pod name */
  name: string;
  message: string;
}

export interface KubeEventFrame {
  type: string;
  reportingController: string;
  reportingInstance: string;
  reason: string;
  note: string;
  object: { kind: string; namespace: string; name: string };
}
