/** Where a response came from, for the error `unwrap` builds from it. */
export interface Origin {
  method: string;
  /** Without credentials. */
  url: string;
  provider: string | undefined;
  /** Values to redact from the error body and message; held in memory only. */
  secrets: readonly (string | undefined)[];
}

/**
 * Responses returned by a retrying fetch, keyed to their request: openapi-fetch hands `unwrap` the
 * response alone, whose `url` may be empty (an in-process fetch) and which has no method.
 */
export const origins: WeakMap<Response, Origin> = new WeakMap();
