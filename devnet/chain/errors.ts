/**
 * ABCI errors as the chain reports them: codespace, code and a raw_log built like cosmossdk.io/errors does
 * (`Wrapf(ErrX, "detail")` renders as "detail: <registered description>").
 * Codes: cosmos-sdk types/errors/errors.go; deployment and market: chain-sdk go/node/{deployment,market}/v1/errors.go.
 */
export class ChainError extends Error {
  constructor(
    readonly codespace: string,
    readonly code: number,
    readonly description: string,
    readonly detail?: string,
  ) {
    super(detail ? `${detail}: ${description}` : description);
  }
  /** A new error that prefixes more context, like errorsmod.Wrapf on an already wrapped error. */
  wrap(detail: string): ChainError {
    return new ChainError(this.codespace, this.code, this.description, this.detail ? `${detail}: ${this.detail}` : detail);
  }
}

const reg = (codespace: string, code: number, description: string) => (detail?: string) =>
  new ChainError(codespace, code, description, detail);

export const sdkErr = {
  txDecode: reg("sdk", 2, "tx parse error"),
  invalidSequence: reg("sdk", 32, "incorrect account sequence"),
  unauthorized: reg("sdk", 4, "unauthorized"),
  insufficientFunds: reg("sdk", 5, "insufficient funds"),
  unknownRequest: reg("sdk", 6, "unknown request"),
  invalidAddress: reg("sdk", 7, "invalid address"),
  invalidPubKey: reg("sdk", 8, "invalid pubkey"),
  unknownAddress: reg("sdk", 9, "unknown address"),
  invalidCoins: reg("sdk", 10, "invalid coins"),
  outOfGas: reg("sdk", 11, "out of gas"),
  memoTooLarge: reg("sdk", 12, "memo too large"),
  insufficientFee: reg("sdk", 13, "insufficient fee"),
  tooManySignatures: reg("sdk", 14, "maximum number of signatures exceeded"),
  noSignatures: reg("sdk", 15, "no signatures supplied"),
  invalidRequest: reg("sdk", 18, "invalid request"),
  txInMempoolCache: reg("sdk", 19, "tx already in mempool"),
  txTooLarge: reg("sdk", 21, "tx too large"),
  invalidChainId: reg("sdk", 28, "invalid chain-id"),
  invalidType: reg("sdk", 29, "invalid type"),
  wrongSequence: reg("sdk", 32, "incorrect account sequence"),
  invalidGasLimit: reg("sdk", 41, "invalid gas limit"),
  notFound: reg("sdk", 38, "not found"),
};

export const deploymentErr = {
  exists: reg("deployment", 3, "Deployment exists"),
  notFound: reg("deployment", 4, "Deployment not found"),
  closed: reg("deployment", 5, "Deployment closed"),
  invalidGroups: reg("deployment", 7, "Invalid groups"),
  invalidDeploymentId: reg("deployment", 8, "Invalid: deployment id"),
  emptyHash: reg("deployment", 9, "Invalid: empty hash"),
  invalidHash: reg("deployment", 10, "Invalid: deployment hash"),
  invalidDeposit: reg("deployment", 20, "Deposit invalid"),
  invalidPrice: reg("deployment", 24, "invalid price"),
};

export const marketErr = {
  sameAccount: reg("market", 2, "owner and provider are the same account"),
  bidOverOrder: reg("market", 4, "bid price above max order price"),
  unknownBid: reg("market", 6, "unknown bid"),
  leaseNotActive: reg("market", 10, "lease not active"),
  bidNotOpen: reg("market", 12, "bid not open"),
  orderNotOpen: reg("market", 13, "bid: order not open"),
  orderNotFound: reg("market", 15, "invalid order: order not found"),
  groupNotOpen: reg("market", 17, "group not open"),
  bidNotFound: reg("market", 18, "invalid bid: bid not found"),
  bidZeroPrice: reg("market", 19, "invalid bid: zero price"),
  leaseNotFound: reg("market", 20, "invalid lease: lease not found"),
  bidExists: reg("market", 21, "invalid bid: bid exists from provider"),
  bidInvalidPrice: reg("market", 22, "bid price is invalid"),
  invalidDeposit: reg("market", 28, "deposit invalid"),
  unknownProvider: reg("market", 30, "unknown provider"),
};

export const escrowErr = {
  accountNotFound: reg("escrow", 2, "account not found"),
  accountClosed: reg("escrow", 3, "account closed"),
  invalidDenomination: reg("escrow", 9, "invalid denomination"),
};

export const certErr = {
  exists: reg("cert", 2, "certificate exists"),
  notFound: reg("cert", 3, "certificate not found"),
  revoked: reg("cert", 4, "certificate has been revoked"),
  invalidCert: reg("cert", 6, "invalid certificate"),
  invalidSerial: reg("cert", 7, "invalid serial number"),
  invalidPubkey: reg("cert", 10, "invalid pubkey value"),
};

export const providerErr = {
  invalidAddress: reg("provider", 1, "invalid provider: address is empty"),
  exists: reg("provider", 5, "Provider already exists"),
  notFound: reg("provider", 6, "Provider not found"),
  invalidHostURI: reg("provider", 3, "invalid provider: host URI"),
};

export const auditErr = {
  invalidAddress: reg("audit", 2, "invalid address"),
};

export const bmeErr = {
  invalidDenom: reg("bme", 3, "invalid denom"),
};
