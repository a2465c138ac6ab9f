/**
 * The base of every error patchwise throws, so one `instanceof PatchwiseError` catches them all.
 * `JSON.stringify` gives `{ name, message, ...fields }` (never a `cause`, which may come from a transport).
 *
 * @example
 * try { await unwrap(client.GET("/v1/people")); } catch (e) { if (e instanceof PatchwiseError) log(e.message); }
 */
export class PatchwiseError extends Error {
  override get name(): string {
    return "PatchwiseError";
  }

  /**
   * The error as a plain object for structured logs: its name, message and own fields.
   *
   * @example
   * JSON.stringify(new PatchwiseError("nope")); // '{"name":"PatchwiseError","message":"nope"}'
   */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, ...(this as object) };
  }
}

/** What a provider's error response says, normalised from its envelope (see `toApiError`). */
export interface ApiErrorFields {
  /** HTTP status of the response. */
  status: number;
  /** The provider's error code (`RESOURCE_NOT_FOUND`, `INVALID_API_KEY`, or a status name such as `Not Found`). */
  code: string | undefined;
  /** The provider's request id, from the body or an `x-request-id` header. */
  requestId: string | undefined;
  /** Seconds to wait before retrying, from `Retry-After`, the rate-limit reset headers or the body. */
  retryAfter: number | undefined;
  /** The parsed error body (a short excerpt when it was not JSON), secrets redacted. */
  body: unknown;
  /** HTTP method of the request, when known. */
  method: string | undefined;
  /** URL of the request without credentials, when known. */
  url: string | undefined;
  /** Provider name (`folk`), when known. */
  provider: string | undefined;
}

/**
 * A non-2xx response from a provider, with its envelope parsed into typed fields.
 *
 * @example
 * catch (e) { if (e instanceof PatchwiseApiError && e.status === 404) return undefined; throw e; }
 */
export class PatchwiseApiError extends PatchwiseError implements ApiErrorFields {
  declare readonly status: number;
  declare readonly code: string | undefined;
  declare readonly requestId: string | undefined;
  declare readonly retryAfter: number | undefined;
  declare readonly body: unknown;
  declare readonly method: string | undefined;
  declare readonly url: string | undefined;
  declare readonly provider: string | undefined;

  constructor(message: string, fields: ApiErrorFields) {
    super(message);
    Object.assign(this, fields);
  }

  override get name(): string {
    return "PatchwiseApiError";
  }
}

/**
 * The request never got a response (connection refused or reset, DNS failure), after any retries.
 * `cause` is a redacted copy of the transport's error.
 *
 * @example
 * catch (e) { if (e instanceof PatchwiseNetworkError) queueForLater(record); }
 */
export class PatchwiseNetworkError extends PatchwiseError {
  override get name(): string {
    return "PatchwiseNetworkError";
  }
}

/**
 * An attempt outlived `timeoutMs`, after any retries. `cause` is a redacted copy of the abort error.
 *
 * @example
 * catch (e) { if (e instanceof PatchwiseTimeoutError) console.warn(e.message); }
 */
export class PatchwiseTimeoutError extends PatchwiseError {
  override get name(): string {
    return "PatchwiseTimeoutError";
  }
}
