/**
 * Instaview's error responses. Every error but a rate-limit one is the envelope `{ success: false,
 * data: null, error: { code, message, details }, timestamp }`; a 429 has its own shape (providers/
 * instaview.md "Errors and limits", specs/instaview.yaml `Error` and `RateLimitError`).
 */
import { json, type RateLimitWindow } from "@patchwise/core/testing";
import type { ValidationIssue } from "@patchwise/diff";

/** Codes of the envelope, one per status the simulator answers with. */
export const CODES = {
  400: "VALIDATION_ERROR", // assumed: the pages name no 400 code
  401: "INVALID_API_KEY",
  403: "INSUFFICIENT_PERMISSIONS",
  404: "RESOURCE_NOT_FOUND",
  500: "INTERNAL_SERVER_ERROR",
  502: "BAD_GATEWAY",
  503: "SERVICE_UNAVAILABLE",
  504: "GATEWAY_TIMEOUT",
} as const satisfies Record<number, string>;

/** One entry of a validation error's `details`: the field, the rule broken and its limit. */
export interface InstaviewFieldError {
  /** The body field or query parameter, as `jobIds[2]` or `metadata`. */
  field: string;
  rule: string;
  limit?: string | number;
  message: string;
}

/**
 * The error envelope as a Response.
 * @example envelope(404, "RESOURCE_NOT_FOUND", "Candidate not found", new Date())
 */
export function envelope(
  status: number,
  code: string,
  message: string,
  now: Date,
  details: unknown = null,
  headers?: Record<string, string>,
): Response {
  const body = {
    success: false,
    data: null,
    error: { code, message, details },
    timestamp: now.toISOString(),
  };
  return json(status, body, headers);
}

/** The 400 of a request that breaks the spec: its message and `details` name every field. */
export function validationError(issues: readonly ValidationIssue[], now: Date): Response {
  const details: InstaviewFieldError[] = issues.map(({ path, rule, limit, message }) => ({
    field: path,
    rule,
    ...(limit !== undefined && { limit }),
    message,
  }));
  const message = `Validation failed: ${issues.map((i) => i.message).join("; ")}`;
  return envelope(400, CODES[400], message, now, details);
}

/** The 403 of a request outside the key's company or scopes. */
export const forbidden = (message: string, now: Date, details: unknown = null): Response =>
  envelope(403, CODES[403], message, now, details);

/** The 404 of an unknown or deleted candidate (or an unknown route). */
export const notFound = (message: string, now: Date): Response => envelope(404, CODES[404], message, now);

/** The 5xx of an injected fault or a simulator bug. */
export function serverError(status: number, now: Date): Response {
  const code = CODES[status as keyof typeof CODES] ?? CODES[500];
  return envelope(status, code, "Internal server error", now);
}

/**
 * The 429 body: `{ statusCode, message, error, retryAfter, limit, remaining, reset }`, seconds for
 * `retryAfter` and `reset` (assumed in the spec). The simulator adds `Retry-After` and the headers.
 */
export function rateLimited(retryAfterSeconds: number, window: RateLimitWindow, now: Date): Response {
  return json(429, {
    statusCode: 429,
    message: "Rate limit exceeded",
    error: "Too Many Requests",
    retryAfter: retryAfterSeconds,
    limit: window.limit,
    remaining: window.remaining,
    reset: secondsUntil(window.reset, now),
  });
}

/** Whole seconds from `now` until `when`, never negative. */
export const secondsUntil = (when: Date, now: Date): number => Math.max(0, Math.ceil((+when - +now) / 1000));
