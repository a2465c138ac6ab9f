/**
 * StackOne's error responses: one envelope for every status, `{ statusCode, message, timestamp, data?,
 * provider_errors? }` (providers/stackone.md "Errors and limits", specs/stackone.yaml `Error`).
 */
import { json } from "@patchwise/core/testing";
import type { ValidationIssue } from "@patchwise/diff";
import type { StackOneError, StackOneProviderError } from "../generated/schema.ts";

/** StackOne's documented rate limit: 1000 requests a minute per API key (pass it as `rateLimit`). */
export const STACKONE_RATE_LIMIT: { readonly limit: number; readonly windowMs: number } = {
  limit: 1000,
  windowMs: 60_000,
};

/** Where the simulated underlying ATS lives, for `provider_errors[].url` and `raw[].url`. */
export const ATS_URL = "https://ats.example.invalid/v1";

/** The reason phrase of each status the simulator answers with (the envelope's default message). */
const REASONS: Readonly<Record<number, string>> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  408: "Request Timeout",
  409: "Conflict",
  412: "Precondition Failed",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  500: "Internal Server Error",
  501: "Not Implemented",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** The reason phrase of `status` ("Internal Server Error" for one the table lacks). */
const reason = (status: number): string => REASONS[status] ?? REASONS[500]!;

/**
 * The envelope as a Response: `message` defaults to the reason phrase of `status`.
 * @example envelope(404, new Date(), "Candidate c_1 not found")
 */
export function envelope(
  status: number,
  now: Date,
  message: string = reason(status),
  extra: Pick<StackOneError, "data" | "provider_errors"> = {},
): Response {
  const body: StackOneError = { statusCode: status, message, timestamp: now.toISOString(), ...extra };
  return json(status, body);
}

/** One line naming every issue, each starting with its field: `hired_at: must be a valid date-time (got "x")`. */
const lines = (issues: readonly ValidationIssue[]) => issues.map((i) => i.message).join("; ");

/**
 * The 400 of a request that breaks the spec (body, path or query): StackOne validates the request
 * before it reaches the ATS. The message names every field and what it broke.
 */
export const badRequest = (issues: readonly ValidationIssue[], now: Date): Response =>
  envelope(400, now, `Bad Request: ${lines(issues)}`);

/**
 * The 422 of a body the underlying ATS refuses although it fits the spec (an `email` that conflicts
 * with the `emails` sent with it, an unknown custom field): the message names every field, and the
 * ATS's own answer is in `provider_errors`, as StackOne forwards it.
 */
export function unprocessable(issues: readonly ValidationIssue[], now: Date, atsPath: string): Response {
  const providerError: StackOneProviderError = {
    status: 422,
    url: `${ATS_URL}${atsPath}`,
    raw: {
      error: "Validation failed",
      errors: issues.map(({ path, rule, message }) => ({ field: path, rule, message })),
    },
    headers: { "content-type": "application/json" },
  };
  return envelope(422, now, `Unprocessable Entity: ${lines(issues)}`, { provider_errors: [providerError] });
}
