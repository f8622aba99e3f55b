/**
 * The chain's states as its REST gateway spells them (protobuf enum names in lower case): deployment v1beta4,
 * market v1beta5. The REST schemas keep `state` a string so a state a newer chain adds is shown, not a crash;
 * code compares against these names instead of spelling them again.
 */
export const DEPLOYMENT_STATE = { active: "active", closed: "closed" } as const;
export const GROUP_STATE = { open: "open", paused: "paused", insufficientFunds: "insufficient_funds", closed: "closed" } as const;
export const ORDER_STATE = { open: "open", active: "active", closed: "closed" } as const;
export const BID_STATE = { open: "open", active: "active", lost: "lost", closed: "closed" } as const;
export const LEASE_STATE = { active: "active", insufficientFunds: "insufficient_funds", closed: "closed" } as const;

export const isActive = (x: { state: string }): boolean => x.state === LEASE_STATE.active;
