/**
 * The states of the console's own records of a deployment and its leases (the database, the API, the browser):
 * one list each, so a state added here reaches the schema, the repository and the UI together.
 * The chain's own states (active, closed, insufficient_funds...) are in lib/chain/states.ts.
 */
/** "creating" (tx sent, not yet seen) | "open" (waiting for bids) | "leased" | "closed" | "failed" */
export const DEPLOYMENT_RECORD_STATES = ["creating", "open", "leased", "closed", "failed"] as const;
export type DeploymentRecordState = (typeof DEPLOYMENT_RECORD_STATES)[number];

/** States a tenant may set from the browser (the others follow from the chain). */
export const SETTABLE_DEPLOYMENT_RECORD_STATES = ["closed", "failed"] as const satisfies readonly DeploymentRecordState[];

/** Whether the provider has the lease's manifest yet. */
export const LEASE_RECORD_STATES = ["manifest_pending", "manifest_sent", "closed"] as const;
export type LeaseRecordState = (typeof LEASE_RECORD_STATES)[number];
