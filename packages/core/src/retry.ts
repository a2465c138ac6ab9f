import { parseBody, retryAfterOf } from "./envelope.ts";
import { PatchwiseNetworkError, PatchwiseTimeoutError } from "./errors.ts";
import { type Origin, origins } from "./origin.ts";
import { parseRateLimit, type RateLimitState } from "./rate-limit.ts";
import { redactor, sanitize } from "./redact.ts";
import { raceAbort, sleep } from "./timeout.ts";

/** How failed attempts are retried. */
export interface RetryOptions {
  /** Retries after the first attempt (default 3). */
  retries?: number;
  /** Base of the exponential backoff in ms (default 500): retry n waits a random time up to `minDelayMs * 2^(n-1)`. */
  minDelayMs?: number;
  /** Cap on any single wait, backoff or provider hint, in ms (default 60 000). */
  maxDelayMs?: number;
  /** Waits between attempts (default: a timer that the caller's signal cuts short); inject it in tests. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Source of jitter in [0, 1) (default `Math.random`); inject it in tests. */
  random?: () => number;
}

/** A structured event for the optional logger; never carries headers, keys or bodies. */
export type ClientEvent =
  | { type: "response"; method: string; url: string; attempt: number; status: number; durationMs: number }
  | {
      type: "retry";
      method: string;
      url: string;
      /** The attempt that failed (1 for the first). */
      attempt: number;
      /** The status that is retried; absent after a transport failure. */
      status?: number;
      /** The transport failure that is retried; absent after a response. */
      error?: "network" | "timeout";
      waitMs: number;
    };

/** Options of `createRetryingFetch`. */
export interface RetryingFetchOptions {
  /** The fetch beneath (default the global `fetch`, looked up per call). */
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  /** Per-attempt timeout in ms until the response headers arrive (default 30 000; 0 for none). */
  timeoutMs?: number | undefined;
  /** Retry policy, or `false` for one attempt only. */
  retry?: RetryOptions | false | undefined;
  /** Aborts every request made through this fetch, as a request's own signal does. */
  signal?: AbortSignal | undefined;
  logger?: ((event: ClientEvent) => void) | undefined;
  /** Provider name, for errors. */
  provider?: string | undefined;
  /** Values never to show in errors or logs, besides the request's `Authorization` credentials. */
  secrets?: readonly (string | undefined)[] | undefined;
  /** Receives the rate-limit state of every response that has one. */
  onRateLimit?: ((state: RateLimitState) => void) | undefined;
}

/**
 * A call of a patchwise client that no middleware sees: its init with its URL, sent as it is by each
 * attempt (`createApiClient` makes it in place of a Request).
 */
export type PlannedRequest = RequestInit & { url: string; method: string; headers: Headers };

/** Whether an answer of `status` may succeed when sent again (the sync runner's upserts ask too). */
export const retryable = (status: number): boolean =>
  status === 408 || // Request Timeout (StackOne sends it with Retry-After)
  status === 429 || // Too Many Requests
  (status >= 500 && status !== 501); // server errors but Not Implemented (StackOne: "not supported by that ATS")

/**
 * Wraps a fetch with per-attempt timeouts and retries. 408, 429, 5xx (not 501), network errors and
 * timeouts are retried for idempotent methods (never POST), waiting what the provider asks
 * (`Retry-After`, rate-limit reset headers, a body hint) or else exponential backoff with full
 * jitter, each wait capped at `maxDelayMs`. A caller's abort is rethrown as it is; exhausted transport
 * failures throw `PatchwiseNetworkError` / `PatchwiseTimeoutError`; the last response is returned.
 *
 * @example
 * const client = createClient<paths>({ baseUrl, fetch: createRetryingFetch({ retry: { retries: 5 } }) });
 */
export function createRetryingFetch(
  options: RetryingFetchOptions = {},
): (request: Request) => Promise<Response> {
  const { retry, timeoutMs = 30_000, logger, provider, onRateLimit } = options;
  const {
    retries = 3,
    minDelayMs = 500,
    maxDelayMs = 60_000,
    random = Math.random,
    sleep: wait = sleep,
  } = retry || {};
  return async (request) => {
    const { method, signal: own } = request;
    // A planned call (see `PlannedRequest`) is its init: its signal is the call's own, if any, and then
    // no listener is needed.
    const made = request instanceof Request ? undefined : (request as PlannedRequest);
    const caller = own && options.signal ? AbortSignal.any([own, options.signal]) : (own ?? options.signal);
    // GET, HEAD, OPTIONS, PUT, DELETE are idempotent, and so are the diff engine's PATCH bodies (they
    // set state). POST never is, and no provider offers idempotency keys: it gets one attempt.
    const attempts = retry !== false && method !== "POST" ? retries + 1 : 1;
    // As it was planned, or read once, so that each attempt sends it whole without cloning the request.
    const body = made ? (made.body ?? null) : request.body && (await request.arrayBuffer());
    // Where the request went, credentials redacted: only events, errors and `unwrap` need it.
    const origin = (): Origin => {
      const secrets = [...(options.secrets ?? []), request.headers.get("authorization")?.split(" ").pop()];
      return { method, url: redactor(secrets)(request.url), provider, secrets };
    };
    for (let attempt = 1; ; attempt++) {
      const started = Date.now();
      // Per attempt, until the response headers arrive (openapi-fetch reads the body later); 0 or
      // Infinity sets no timer. The caller's abort is forwarded to it (cheaper than `AbortSignal.any`).
      const timer = new AbortController();
      const { signal } = timer;
      const forward = () => timer.abort(caller?.reason);
      if (caller?.aborted) forward();
      else caller?.addEventListener("abort", forward, { once: true });
      const id =
        timeoutMs > 0 && timeoutMs < 2 ** 31 ? setTimeout(() => timer.abort(), timeoutMs) : undefined;
      let response: Response | undefined;
      let failure: unknown;
      try {
        // A planned call is sent from its URL and init: one Request per attempt, inside fetch. A Request
        // is sent with `init` beside it (a new Request of it alone would copy the body through a stream
        // proxy). A custom fetch (an in-process simulator) is handed a Request and may ignore the signal,
        // so it is raced against it.
        const init = { ...made, body, signal };
        const input = made ? request.url : request;
        response = await (options.fetch
          ? raceAbort(options.fetch(new Request(input, init)), signal)
          : fetch(input, init));
      } catch (error) {
        if (caller?.aborted) throw error;
        failure = error;
      } finally {
        clearTimeout(id);
        caller?.removeEventListener("abort", forward);
      }
      const timedOut = signal.aborted;
      let hint: number | undefined;
      if (response) {
        const { status, headers } = response;
        const limit = onRateLimit && parseRateLimit(headers);
        if (limit) onRateLimit!(limit);
        logger?.({
          type: "response",
          method,
          url: origin().url,
          attempt,
          status,
          durationMs: Date.now() - started,
        });
        if (attempt >= attempts || !retryable(status)) {
          if (!response.ok) origins.set(response, origin());
          return response;
        }
        hint = retryAfterOf(status, headers, parseBody(await response.text().catch(() => "")));
      } else if (attempt >= attempts) {
        const { url, secrets } = origin();
        const cause = sanitize(failure, redactor(secrets));
        const what = timedOut
          ? `timed out after ${timeoutMs} ms`
          : `failed: ${((cause.cause as Error | undefined) ?? cause).message}`;
        throw new (timedOut ? PatchwiseTimeoutError : PatchwiseNetworkError)(
          `${method} ${url} ${what} (attempt ${attempt} of ${attempts})`,
          { cause },
        );
      }
      const waitMs = Math.min(
        maxDelayMs,
        hint === undefined ? Math.round(random() * minDelayMs * 2 ** (attempt - 1)) : Math.ceil(hint * 1000),
      );
      const why: { status: number } | { error: "network" | "timeout" } = response
        ? { status: response.status }
        : { error: timedOut ? "timeout" : "network" };
      logger?.({ type: "retry", method, url: origin().url, attempt, ...why, waitMs });
      await wait(waitMs, caller ?? new AbortController().signal);
    }
  };
}
