/**
 * Stardex's error responses (providers/stardex.md "Errors and limits", specs/stardex.yaml `Error`,
 * `ErrorAlt`, `RateLimitError`): the envelope `{ success: false, error: { code, message } }` for what
 * the API decides, and the framework's `{ message, error, statusCode }` for a route that does not exist
 * and for 5xx other than 500 (the "some 404/500 come back as" shape).
 */
import { json, type RateLimitWindow } from "@patchwise/core/testing";
import type { ValidationIssue } from "@patchwise/diff";

/** The envelope's code for each status the simulator answers with. Only 401's is documented. */
export const CODES = {
  400: "VALIDATION_ERROR", // assumed: the pages name no 400 code
  401: "INVALID_API_KEY", // documented: a missing, invalid or expired token
  404: "NOT_FOUND", // assumed
  429: "RATE_LIMIT_EXCEEDED", // assumed
  500: "INTERNAL_SERVER_ERROR", // assumed
} as const satisfies Record<number, string>;

/**
 * Stardex's documented limit: 60 requests per minute per key, a sliding window. Pass it as
 * `rateLimit` to have the simulator enforce it (off by default, so tests are not throttled).
 * @example createStardexSimulator({ rateLimit: STARDEX_RATE_LIMIT })
 */
export const STARDEX_RATE_LIMIT = { limit: 60, windowMs: 60_000 } as const;

/** Code of a body that is not JSON (assumed). */
export const MALFORMED_CODE = "BAD_REQUEST";

/** HTTP reason phrases for the alternative shape's `error`. */
const REASONS: Record<number, string> = {
  404: "Not Found",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/**
 * The standard envelope as a Response.
 * @example envelope(404, "NOT_FOUND", "Person 0b6f… not found")
 */
export const envelope = (status: number, code: string, message: string, extra?: object): Response =>
  json(status, { success: false, error: { code, message }, ...extra });

/**
 * The alternative shape `{ message, error, statusCode }` some 404 and 500 responses use.
 * @example alternative(404, "Cannot GET /v1/people") // { message, error: "Not Found", statusCode: 404 }
 */
export const alternative = (status: number, message: string): Response =>
  json(status, { message, error: REASONS[status] ?? "Error", statusCode: status });

/**
 * The 400 of a request that breaks the spec or the provider's rules: the message names every field,
 * the rule broken and the limit, one issue after another.
 * @example validationError([issue("custom_fields[0].attribute_id", "format", "must be a valid uuid", "uuid", '"x"')])
 */
export function validationError(issues: readonly ValidationIssue[]): Response {
  return envelope(400, CODES[400], `Validation failed: ${issues.map((i) => i.message).join("; ")}`);
}

/** The 404 of an unknown person id. */
export const personNotFound = (id: string): Response => envelope(404, CODES[404], `Person ${id} not found`);

/** The 5xx of an injected fault or a simulator bug: the envelope for 500, the framework's shape else. */
export const serverError = (status: number): Response =>
  status === 500
    ? envelope(500, CODES[500], "An unexpected error occurred")
    : alternative(status, REASONS[status] ?? "Server error");

/**
 * The 429 body: the envelope plus `retry_after_seconds`, `limit` and `reset_at` (unix seconds) beside
 * it (assumed placement, see `RateLimitError`). The kit adds `Retry-After` and the X-RateLimit headers.
 */
export function rateLimited(retryAfterSeconds: number, window: RateLimitWindow): Response {
  // An injected 429 without a configured window reports the documented limit.
  const limit = window.limit || STARDEX_RATE_LIMIT.limit;
  const message = `Rate limit exceeded: ${limit} requests per minute. Retry in ${retryAfterSeconds}s.`;
  return envelope(429, CODES[429], message, {
    retry_after_seconds: retryAfterSeconds,
    limit,
    reset_at: Math.ceil(+window.reset / 1000),
  });
}
