/** An admin route's error: answered as JSON { error } with this status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export type Route = (body: unknown) => unknown;
export type Routes = Record<string, Route>;
