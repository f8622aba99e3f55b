/** An admin route: a handler of the parsed JSON body; HttpError is answered as JSON { error } with its status. */
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
