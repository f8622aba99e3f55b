/** A REST failure as grpc-gateway writes it: HTTP status, gRPC code, message ({ code, message, details }). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new HttpError(404, 5, `rpc error: code = NotFound desc = ${what}`);
