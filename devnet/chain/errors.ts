/**
 * ABCI errors as the chain reports them: codespace, code and a raw_log built like cosmossdk.io/errors does
 * (`Wrapf(ErrX, "detail")` renders as "detail: <registered description>").
 * Codes: cosmos-sdk types/errors/errors.go; Akash modules: chain-sdk go/node/<module>/.../errors.go (ts/v1.0.0-alpha.25),
 * as akash-network/node's handlers return them.
 */
export class ChainError extends Error {
  constructor(
    readonly codespace: string,
    readonly code: number,
    readonly description: string,
    readonly detail?: string,
    /** the whole raw log when it is not "detail: description" (fmt.Errorf("%w: ...", ErrX) puts ErrX first) */
    message?: string,
  ) {
    super(message ?? (detail ? `${detail}: ${description}` : description));
  }
  /** A new error that prefixes more context, like errorsmod.Wrapf on an already wrapped error. */
  wrap(detail: string): ChainError {
    return new ChainError(this.codespace, this.code, this.description, this.detail ? `${detail}: ${this.detail}` : detail, `${detail}: ${this.message}`);
  }
  /** fmt.Errorf("%w: <suffix>", err): same code, raw log "<err>: <suffix>". */
  suffixed(suffix: string): ChainError {
    return new ChainError(this.codespace, this.code, this.description, this.detail, `${this.message}: ${suffix}`);
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

/** chain-sdk go/node/escrow/module/error.go (codespace "escrow") */
export const escrowErr = {
  accountClosed: reg("escrow", 2, "account closed"),
  accountNotFound: reg("escrow", 3, "account not found"),
  invalidDenomination: reg("escrow", 5, "invalid denomination"),
  invalidID: reg("escrow", 12, "invalid ID"),
  invalidDeposit: reg("escrow", 16, "invalid deposit"),
};

/** chain-sdk go/node/types/deposit/v1/errors.go: registered under the "akash" codespace after the attribute errors */
export const depositErr = {
  invalidDepositSource: reg("akash", 4, "invalid deposit source"),
};

/** chain-sdk go/node/cert/v1/errors.go (codespace "cert") */
export const certErr = {
  notFound: reg("cert", 1, "certificate not found"),
  exists: reg("cert", 3, "certificate exists"),
  alreadyRevoked: reg("cert", 4, "certificate already revoked"),
  invalidSerial: reg("cert", 5, "invalid serial number"),
  invalidCertValue: reg("cert", 6, "invalid certificate value"),
  invalidPubkeyValue: reg("cert", 7, "invalid pubkey value"),
};

/** chain-sdk go/node/provider/v1beta4/errors.go (codespace "provider") */
export const providerErr = {
  invalidHostURI: reg("provider", 1, "invalid provider: invalid host uri"),
  notAbsHostURI: reg("provider", 2, "invalid provider: not absolute host uri"),
  notFound: reg("provider", 3, "invalid provider: address not found"),
  exists: reg("provider", 4, "invalid provider: already exists"),
};

/** chain-sdk go/node/audit/v1/errors.go (codespace "audit") */
export const auditErr = {
  invalidAddress: reg("audit", 2, "invalid address"),
};

/** chain-sdk go/node/bme/v1/errors.go (codespace "bme") */
export const bmeErr = {
  invalidAmount: reg("bme", 8, "invalid amount"),
  invalidDenom: reg("bme", 9, "invalid denomination"),
};

/** chain-sdk go/node/oracle/v1/errors.go (codespace "oracle"): what x/bme returns when the AKT price is unhealthy. */
export const oracleErr = {
  priceStalled: reg("oracle", 4, "price stalled"),
};
