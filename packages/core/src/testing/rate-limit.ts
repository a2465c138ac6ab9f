/** The sliding rate-limit window of a simulator. */
export interface RateLimitOptions {
  /** Requests admitted per window. */
  limit: number;
  /** Length of the sliding window in ms (default 60 000). */
  windowMs?: number;
}

/** The window as a response sees it, for the provider's rate-limit headers and its 429 body. */
export interface RateLimitWindow {
  limit: number;
  /** Requests left in the window after this one. */
  remaining: number;
  windowMs: number;
  /** When the oldest request in the window leaves it and a slot frees up. */
  reset: Date;
}

/** A sliding window of admitted requests: `take` admits one or says how long to wait. */
export interface SlidingWindow {
  take(now: number): { state: RateLimitWindow; retryAfterSeconds?: number };
  peek(now: number): RateLimitWindow;
}

/** A sliding window of `limit` admissions per `windowMs`, by the times given to it. */
export function slidingWindow({ limit, windowMs = 60_000 }: RateLimitOptions): SlidingWindow {
  const hits: number[] = []; // admission times, oldest first
  const prune = (now: number) => {
    while (hits[0] !== undefined && hits[0] <= now - windowMs) hits.shift();
  };
  const state = (now: number): RateLimitWindow => ({
    limit,
    remaining: Math.max(0, limit - hits.length),
    windowMs,
    reset: new Date((hits[0] ?? now) + windowMs),
  });
  return {
    take(now) {
      prune(now);
      if (hits.length >= limit) {
        const waitMs = (hits[0] ?? now) + windowMs - now;
        return { state: state(now), retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
      }
      hits.push(now);
      return { state: state(now) };
    },
    peek(now) {
      prune(now);
      return state(now);
    },
  };
}

/**
 * The common `X-RateLimit-Limit` / `-Remaining` / `-Reset` (epoch seconds) headers, with an optional
 * suffix for windowed variants (`"-Minute"` gives Instaview's `X-RateLimit-Remaining-Minute`).
 *
 * @example
 * createSimulator({ ...definition, rateLimitHeaders: (state) => xRateLimitHeaders(state) }, options);
 */
export function xRateLimitHeaders(state: RateLimitWindow, suffix = ""): Record<string, string> {
  return {
    [`X-RateLimit-Limit${suffix}`]: String(state.limit),
    [`X-RateLimit-Remaining${suffix}`]: String(state.remaining),
    [`X-RateLimit-Reset${suffix}`]: String(Math.ceil(+state.reset / 1000)),
  };
}
