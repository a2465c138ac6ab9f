import { PatchwiseApiError } from "./errors.ts";
import { parseRateLimit, parseRetryAfter } from "./rate-limit.ts";
import { redactor } from "./redact.ts";

/** A non-2xx response as `toApiError` takes it. */
export interface ApiErrorInput {
  status: number;
  headers?: HeadersInit | undefined;
  /** The body as openapi-fetch gives it: parsed JSON, else text. */
  body?: unknown;
  method?: string | undefined;
  url?: string | undefined;
  provider?: string | undefined;
  /** Values to redact from the body and message (API key, account id). */
  secrets?: readonly (string | undefined)[] | undefined;
}

type Json = Record<string, unknown>;

const EXCERPT = 200; // characters kept of a non-JSON body: enough for a proxy's one-line reason

function textOf(value: unknown): string | undefined {
  if (Array.isArray(value)) value = value.join("; "); // NestJS validation errors: `message: string[]`
  return typeof value === "number" || (typeof value === "string" && value) ? String(value) : undefined;
}

/**
 * JSON when it parses, else the text itself, as openapi-fetch reports error bodies.
 *
 * @example
 * parseBody('{"message":"nope"}'); // { message: "nope" }
 * parseBody("Bad Gateway"); // "Bad Gateway"
 */
export function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Seconds the provider asks us to wait: `Retry-After`; else, on a 429, the reset of an exhausted
 * rate-limit window (Folk, Stardex, Instaview headers); else a body hint (Stardex `retry_after_seconds`,
 * Instaview `retryAfter`). Undefined when the response gives none.
 *
 * @example
 * retryAfterOf(429, new Headers(), { statusCode: 429, message: "Rate limit exceeded", retryAfter: 30 }); // 30
 */
export function retryAfterOf(
  status: number,
  headers: Headers,
  body: unknown,
  now = Date.now(),
): number | undefined {
  const limit = status === 429 ? parseRateLimit(headers, now) : undefined;
  // `Object()` gives no fields for null, undefined and primitives (it boxes those).
  const top: Json = Object(body);
  const nested: Json = Object(top.error);
  return (
    parseRetryAfter(headers.get("retry-after"), now) ??
    (limit?.reset && !limit.remaining ? Math.max(0, (+limit.reset - now) / 1000) : undefined) ??
    parseRetryAfter(
      top.retry_after_seconds ?? top.retryAfter ?? nested.retry_after_seconds ?? nested.retryAfter,
      now,
    )
  );
}

/**
 * Builds a `PatchwiseApiError` from any provider's error response with one generic reading of the
 * envelopes: `{ error: { code, message, requestId } }` (Folk, Stardex, Instaview), `{ message, error,
 * statusCode }` (Stardex's alternative, Instaview's 429), `{ statusCode, message }` (StackOne), and
 * non-JSON text (kept as a short excerpt). Values in `secrets` are redacted from body and message.
 *
 * @example
 * const e = toApiError({ status: 404, body: { error: { code: "RESOURCE_NOT_FOUND", message: "No person" } } });
 * e.code; // "RESOURCE_NOT_FOUND"
 */
export function toApiError(input: ApiErrorInput): PatchwiseApiError {
  const { status, method, url, provider } = input;
  const headers = new Headers(input.headers);
  const redact = redactor(input.secrets ?? []);
  const raw = input.body;
  const body =
    typeof raw === "string"
      ? redact(raw.replace(/\s+/g, " ").trim()).slice(0, EXCERPT)
      : raw === undefined
        ? raw
        : JSON.parse(redact(JSON.stringify(raw)));
  const top: Json = Object(body);
  const nested: Json = Object(top.error);
  const code = textOf(nested.code ?? top.error ?? top.code);
  const message = textOf(nested.message ?? top.message ?? body) ?? `HTTP ${status}`;
  const where = [provider, method, url].filter(Boolean).join(" ");
  return new PatchwiseApiError(`${status}${code ? ` ${code}` : ""}: ${message}${where && ` (${where})`}`, {
    status,
    code,
    requestId: textOf(nested.requestId ?? top.requestId) ?? headers.get("x-request-id") ?? undefined,
    retryAfter: retryAfterOf(status, headers, body),
    body,
    method,
    url,
    provider,
  });
}
