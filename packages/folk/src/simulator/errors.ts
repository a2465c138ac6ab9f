/**
 * Folk's error responses: one envelope for every status, `{ error: { code, message, documentationUrl,
 * requestId, timestamp, details? } }` (providers/folk.md "Errors and limits", specs/folk.yaml `Error`).
 * Validation failures carry zod-style `details.issues` (`path` as keys and indexes, `message`,
 * `code`), as Folk's published spec shows them.
 */
import { json, mulberry32, type RateLimitWindow, uuidFrom } from "@patchwise/core/testing";
import type { ValidationIssue } from "@patchwise/diff";
import type { FolkErrorCode, FolkValidationIssue } from "../generated/schema.ts";

const DOCS = "https://developer.folk.app/api-reference/errors";

/** Code, default message and documentation anchor of each status the simulator answers with. */
const ERRORS = {
  400: ["INVALID_REQUEST", "The request was invalid.", "bad-request"],
  401: ["UNAUTHORIZED", "No valid API key provided.", "unauthorized"],
  403: ["FORBIDDEN", "The API key doesn’t have permissions to perform the request.", "forbidden"],
  404: ["RESOURCE_NOT_FOUND", "The requested resource was not found.", "not-found"],
  422: ["UNPROCESSABLE_ENTITY", "Invalid request body", "unprocessable-entity"],
  429: ["RATE_LIMIT_EXCEEDED", "The rate limit has been exceeded.", "rate-limiting"],
  500: ["INTERNAL_SERVER_ERROR", "An internal server error occurred.", "internal-server-error"],
  503: ["SERVICE_UNAVAILABLE", "The service is currently unavailable.", "service-unavailable"],
} as const satisfies Record<number, readonly [FolkErrorCode, string, string]>;

type FolkErrorStatus = keyof typeof ERRORS;

/** A path segment of a validation issue: an object key or an array index. */
type IssuePath = (string | number)[];

/** Builds the error responses of one simulator: request ids come from their own seeded PRNG. */
export function folkErrors(seed: number, now: () => Date) {
  // Not the store's PRNG: a failed request must not shift the ids of the people created after it.
  const random = mulberry32(seed ^ 0x5eed_e550);
  const error = (status: number, message?: string, details?: object, headers?: Record<string, string>) => {
    const [code, text, anchor] = ERRORS[status as FolkErrorStatus] ?? ERRORS[500];
    const body = {
      error: {
        code,
        message: message ?? text,
        documentationUrl: `${DOCS}#${anchor}`,
        requestId: uuidFrom(random),
        timestamp: now().toISOString(),
        ...(details && { details }),
      },
    };
    return json(status, body, headers);
  };
  return {
    /** Any status's envelope, with Folk's code for it and an optional message and `details`. */
    error,
    /** A 422 (or 400) naming every failing path, as Folk's zod validation does. */
    invalid: (issues: readonly FolkValidationIssue[], status: 400 | 422 = 422, message?: string) =>
      error(status, message, { issues }),
    notFound: (what: string) => error(404, `${what} not found`),
    /** The 429 body: `details` has the window's limit, what remains and when requests resume. */
    rateLimited: (retryAfterSeconds: number, window: RateLimitWindow) =>
      error(429, undefined, {
        limit: window.limit,
        remaining: window.remaining,
        retryAfter: new Date(+now() + retryAfterSeconds * 1000).toISOString(),
      }),
  };
}

export type FolkErrors = ReturnType<typeof folkErrors>;

/** The zod issue code closest to each rule of `validate` from @patchwise/diff. */
const ZOD_CODES: Record<string, string> = {
  maxLength: "too_big",
  maxItems: "too_big",
  maximum: "too_big",
  maxProperties: "too_big",
  "max-bytes": "too_big",
  minLength: "too_small",
  minItems: "too_small",
  minimum: "too_small",
  type: "invalid_type",
  required: "invalid_type",
  format: "invalid_string",
  pattern: "invalid_string",
  enum: "invalid_enum_value",
  anyOf: "invalid_union",
  oneOf: "invalid_union",
  additionalProperties: "unrecognized_keys",
};

/**
 * `validate`'s issues as Folk's: `path` split into keys and indexes by walking `value` (so keys with
 * dots or spaces, like custom field names, stay whole), the message without its leading path.
 */
export function folkIssues(issues: readonly ValidationIssue[], value: unknown): FolkValidationIssue[] {
  return issues.map((i) => {
    const prefix = `${i.path || "(body)"}: `;
    const message = i.message.startsWith(prefix) ? i.message.slice(prefix.length) : i.message;
    return { path: pathOf(value, i.path), message, code: ZOD_CODES[i.rule] ?? "custom" };
  });
}

/** A `validate` path (`customFieldValues.grp_1.Years of experience`, `groups[0].id`) as keys and indexes. */
function pathOf(value: unknown, path: string): IssuePath {
  const out: IssuePath = [];
  let at: unknown = value;
  let rest = path;
  while (rest) {
    const index = /^\[(\d+)\]/.exec(rest);
    if (index) {
      const i = Number(index[1]);
      out.push(i);
      at = Array.isArray(at) ? at[i] : undefined;
      rest = rest.slice(index[0].length);
      continue;
    }
    if (rest.startsWith(".")) rest = rest.slice(1);
    const keys = at && typeof at === "object" ? Object.keys(at) : [];
    const ends = (k: string) => rest.startsWith(k) && [undefined, ".", "["].includes(rest[k.length]);
    // The longest key of the value that the path continues with; else up to the next separator.
    const key = keys.filter(ends).sort((a, b) => b.length - a.length)[0] ?? /^[^.[]*/.exec(rest)![0];
    if (!key) {
      if (rest) out.push(rest);
      break;
    }
    out.push(key);
    at = (at as Record<string, unknown> | undefined)?.[key];
    rest = rest.slice(key.length);
  }
  return out;
}
