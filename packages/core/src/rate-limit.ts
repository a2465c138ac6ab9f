/** The rate-limit window a client last saw: the most constraining one when a provider sends several. */
export interface RateLimitState {
  /** Requests allowed in the window. */
  limit?: number;
  /** Requests left in the window. */
  remaining?: number;
  /** When the window resets: a header value below 1e9 is seconds from now, any other epoch seconds. */
  reset?: Date;
  /** The window's name from the header suffix (`minute`, `hour`); absent for plain `X-RateLimit-*`. */
  window?: string;
}

const left = (state: RateLimitState): number => state.remaining ?? Infinity;

/**
 * Reads `X-RateLimit-Limit` / `-Remaining` / `-Reset`, with or without the `X-`, and windowed variants
 * such as Instaview's `X-RateLimit-Remaining-Minute` and `-Hour`. A reset below 1e9 is seconds from
 * now, any other epoch seconds (Folk and Stardex send epoch seconds). With several windows it returns
 * the most constraining: fewest remaining, then latest reset. Undefined when there is no such header
 * (StackOne).
 *
 * @example
 * parseRateLimit(new Headers({ "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1767225600" }));
 * // { remaining: 0, reset: new Date("2026-01-01T00:00:00Z") }
 */
export function parseRateLimit(headers: Headers, now: number = Date.now()): RateLimitState | undefined {
  const windows: Record<string, RateLimitState> = {};
  headers.forEach((value, name) => {
    if (!name.includes("ratelimit-")) return; // most headers: skip the pattern
    const [, field, window = ""] = /^(?:x-)?ratelimit-(limit|remaining|reset)(?:-(.+))?$/.exec(name) ?? [];
    const n = parseFloat(value);
    if (!field || !(n >= 0)) return;
    windows[window] ??= window ? { window } : {};
    const state = windows[window];
    if (field === "reset") state.reset = new Date(n < 1e9 ? now + n * 1000 : n * 1000);
    else state[field as "limit" | "remaining"] = n;
  });
  return Object.values(windows).sort((a, b) => left(a) - left(b) || +(b.reset ?? 0) - +(a.reset ?? 0))[0];
}

/**
 * Seconds to wait from a `Retry-After` value in either form, delay-seconds or HTTP-date (an ISO date or
 * a number of seconds, as error bodies give them, are read too); never negative. Undefined when absent
 * or unreadable.
 *
 * @example
 * parseRetryAfter("120"); // 120
 * parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", Date.UTC(2015, 9, 21, 7, 27)); // 60
 */
export function parseRetryAfter(value: unknown, now: number = Date.now()): number | undefined {
  if (typeof value === "string" && value.trim()) {
    value = Number.isNaN(+value) ? Math.max(0, (Date.parse(value) - now) / 1000) : +value;
  }
  return typeof value === "number" && value >= 0 ? value : undefined;
}
