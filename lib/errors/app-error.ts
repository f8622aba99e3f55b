import { z } from "zod";

/**
 * Every failure the console reports has one of these codes. The UI and the route handlers branch on the code;
 * the message is for the tenant and says what happened, why, and what to do next.
 */
export const APP_ERROR_CODES = [
  "sdl.invalid",
  "wallet.missing",
  "wallet.rejected",
  "wallet.wrong_chain",
  "wallet.ledger_closed",
  "wallet.unknown",
  "chain.insufficient_funds",
  "chain.insufficient_fee",
  "chain.sequence_mismatch",
  "chain.deposit_too_low",
  "chain.out_of_gas",
  "chain.order_closed",
  "chain.tx_timeout",
  "chain.signature_invalid",
  "chain.tx_in_mempool",
  "chain.tx_rejected",
  "chain.deployment_closed",
  "chain.minting_paused",
  "chain.unreachable",
  "chain.query_timeout",
  "chain.unexpected_response",
  "lease.not_found",
  "lease.closed",
  "token.invalid",
  "token.expired",
  "provider.unreachable",
  "provider.dns",
  "provider.timeout",
  "provider.tls_pin",
  "provider.cert_expired",
  "provider.http",
  "provider.unavailable",
  "provider.unauthorized",
  "provider.no_lease",
  "provider.manifest_rejected",
  "provider.bad_response",
  "provider.stream_closed",
  "console.unreachable",
  "config.invalid",
  "request.invalid",
  "quota.exceeded",
  "not_found",
  "unauthorized",
  "rate_limited",
  "internal",
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/** The HTTP status a route handler answers with when it meets the code (one mapping, used everywhere). */
const DEFAULT_STATUS: Record<AppErrorCode, number> = {
  "sdl.invalid": 422,
  "wallet.missing": 424,
  "wallet.rejected": 400,
  "wallet.wrong_chain": 409,
  "wallet.ledger_closed": 424,
  "wallet.unknown": 502,
  "chain.insufficient_funds": 402,
  "chain.insufficient_fee": 402,
  "chain.sequence_mismatch": 409,
  "chain.deposit_too_low": 422,
  "chain.out_of_gas": 422,
  "chain.order_closed": 409,
  "chain.tx_timeout": 504,
  "chain.signature_invalid": 401,
  "chain.tx_in_mempool": 409,
  "chain.tx_rejected": 422,
  "chain.deployment_closed": 409,
  "chain.minting_paused": 503,
  "chain.unreachable": 502,
  "chain.query_timeout": 504,
  "chain.unexpected_response": 502,
  "lease.not_found": 404,
  "lease.closed": 410,
  "token.invalid": 401,
  "token.expired": 401,
  "provider.unreachable": 502,
  "provider.dns": 502,
  "provider.timeout": 504,
  "provider.tls_pin": 502,
  "provider.cert_expired": 502,
  "provider.http": 502,
  // the provider answered 5xx: worth a retry
  "provider.unavailable": 502,
  // the provider refused the token (401/403); not the console session, which would be `unauthorized`
  "provider.unauthorized": 403,
  // manifest PUT 404: the provider does not see the lease yet (right after MsgCreateLease) or not at all
  "provider.no_lease": 409,
  "provider.manifest_rejected": 422,
  "provider.bad_response": 502,
  "provider.stream_closed": 502,
  "console.unreachable": 503,
  "config.invalid": 500,
  "request.invalid": 400,
  "quota.exceeded": 403,
  not_found: 404,
  unauthorized: 401,
  rate_limited: 429,
  internal: 500,
};

export interface AppErrorOptions {
  status?: number;
  /** Structured, serializable context (codes, raw log, amounts) for logs and for a "details" disclosure in the UI. */
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly status: number;
  readonly details?: Record<string, unknown>;

  constructor(code: AppErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.status = options.status ?? DEFAULT_STATUS[code];
    this.details = options.details;
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

export function statusForCode(code: AppErrorCode): number {
  return DEFAULT_STATUS[code];
}

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(APP_ERROR_CODES),
    message: z.string().min(1),
  }),
});

export type ErrorBody = z.infer<typeof errorBodySchema>;

/**
 * The JSON body every route answers an error with. Anything that is not an AppError becomes `internal` with a
 * generic message: an unexpected exception's text may carry stack details or secrets and is logged, not shown.
 */
export function toErrorBody(err: unknown): ErrorBody {
  if (isAppError(err)) {
    return errorBodySchema.parse({ error: { code: err.code, message: err.message } });
  }
  return {
    error: {
      code: "internal",
      message: "The console hit an unexpected error. Try again; if it keeps happening, check the server logs.",
    },
  };
}
