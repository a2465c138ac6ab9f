import { toApiError } from "./envelope.ts";
import { origins } from "./origin.ts";

/** The shape openapi-fetch resolves to: `data` on 2xx, else `error`, and always the `response`. */
export interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * Returns `data` of a 2xx result, or throws a `PatchwiseApiError` parsed from the error envelope:
 * for callers who prefer exceptions to checking `error`.
 *
 * @example
 * const person = await unwrap(folk.GET("/v1/people/{personId}", { params: { path: { personId } } }));
 */
export async function unwrap<R extends FetchResult>(
  result: R | PromiseLike<R>,
): Promise<Exclude<R["data"], undefined>> {
  const { data, error, response } = await result;
  if (response.ok) return data as Exclude<R["data"], undefined>;
  throw toApiError({
    status: response.status,
    headers: response.headers,
    body: error,
    url: response.url || undefined,
    ...origins.get(response),
  });
}
