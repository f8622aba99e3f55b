/**
 * Module parameters as the devnet runs them: mainnet defaults from chain-sdk's go/node/{deployment,market}/.../params.go
 * (deployment: min deposit 500000uakt and 500000uact).
 */
export const DENOM_AKT = "uakt";
export const DENOM_ACT = "uact";

export const deploymentParams = {
  minDeposits: [
    { denom: DENOM_AKT, amount: "500000" },
    { denom: DENOM_ACT, amount: "500000" },
  ],
};

export const marketParams = {
  bidMinDeposit: { denom: DENOM_AKT, amount: "500000" },
  orderMaxBids: 20,
  bidMinDeposits: [
    { denom: DENOM_AKT, amount: "500000" },
    { denom: DENOM_ACT, amount: "500000" },
  ],
};

/** Validator-side minimum gas prices (app.toml minimum-gas-prices): a fee in either denom is accepted. */
export const MIN_GAS_PRICES = [
  { denom: DENOM_AKT, amount: 0.025 },
  { denom: DENOM_ACT, amount: 0.025 },
];

/**
 * The devnet's AKT price in USD, and so in ACT (1 ACT = 1 USD): the oracle's seeded price moves around it
 * (modules/oracle.ts), and a price pinned through the admin endpoint holds it exactly.
 */
export const AKT_PRICE_IN_ACT = 2n;

export const MAX_TX_BYTES = 1024 * 1024;
export const MAX_MEMO_CHARS = 256;
