import { PatchwiseApiError, PatchwiseNetworkError, PatchwiseTimeoutError } from "../errors.ts";
import { retryable } from "../retry.ts";

/**
 * What a failed POST says about the record: `refused`, the provider answered no (a status the client
 * would not retry: a 4xx other than 408 and 429, or 501; or the body was never sent): nothing was
 * stored; `throttled`, a 429: nothing was stored and the same POST may go again after the wait;
 * `unknown`, a timeout, a lost connection, a 408 or another 5xx: the provider may have stored it, so
 * only a look-up by natural key can tell.
 *
 * @example
 * createFailureOf(new PatchwiseTimeoutError("POST /v1/people timed out")); // "unknown"
 */
export function createFailureOf(error: unknown): "refused" | "throttled" | "unknown" {
  if (error instanceof PatchwiseApiError) {
    if (error.status === 429) return "throttled";
    return retryable(error.status) ? "unknown" : "refused";
  }
  if (error instanceof PatchwiseNetworkError || error instanceof PatchwiseTimeoutError) return "unknown";
  return "refused";
}

/**
 * Whether a failed read may succeed when sent again: a timeout, a lost connection, or a status the
 * client retries (408, 429, 5xx but 501). The look-ups of an upsert are reads, even when the provider's search is a POST (Stardex), which
 * the client never retries itself.
 *
 * @example
 * isTransient(new PatchwiseNetworkError("fetch failed")); // true
 */
export function isTransient(error: unknown): boolean {
  return createFailureOf(error) !== "refused";
}

/**
 * How long to wait before sending again: the provider's `Retry-After` when it gave one, else
 * `fallbackMs` times the attempt (1, 2, 3, ...).
 *
 * @example
 * waitBeforeRetry(apiError429WithRetryAfter2, 1, 500); // 2000
 */
export function waitBeforeRetry(error: unknown, attempt: number, fallbackMs: number): number {
  const seconds = error instanceof PatchwiseApiError ? error.retryAfter : undefined;
  return seconds !== undefined && Number.isFinite(seconds) ? seconds * 1000 : fallbackMs * attempt;
}

/** The one-line reason of an error, for failure messages. */
export const reasonOf = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
