/**
 * Instaview limits each key in two windows, 60 requests a minute and 2000 an hour by default, and puts
 * both on every response as `X-RateLimit-{Limit,Remaining,Reset}-{Minute,Hour}` (providers/instaview.md).
 * The kit's sliding window is the minute one; this module adds the hour one and the headers.
 */
import type { RateLimitOptions, RateLimitWindow } from "@patchwise/core/testing";
import { secondsUntil } from "./errors.ts";

/** Instaview's default per-key limit per minute, as the kit's `rateLimit` option. */
export const INSTAVIEW_RATE_LIMIT: RateLimitOptions = { limit: 60, windowMs: 60_000 };

/** Instaview's default per-key limit per hour. */
export const INSTAVIEW_HOURLY_LIMIT = 2000;

const HOUR_MS = 3_600_000;

/** A sliding window of `limit` admissions per hour: `take` admits one or says how long to wait. */
export interface HourWindow {
  take(now: number): { state: RateLimitWindow; retryAfterSeconds?: number };
  peek(now: number): RateLimitWindow;
}

/** The hour window of one key. */
export function hourWindow(limit: number): HourWindow {
  const hits: number[] = []; // admission times, oldest first
  const state = (now: number): RateLimitWindow => {
    while (hits[0] !== undefined && hits[0] <= now - HOUR_MS) hits.shift();
    return {
      limit,
      remaining: Math.max(0, limit - hits.length),
      windowMs: HOUR_MS,
      reset: new Date((hits[0] ?? now) + HOUR_MS),
    };
  };
  return {
    take(now) {
      const before = state(now);
      if (before.remaining === 0) {
        return { state: before, retryAfterSeconds: Math.max(1, secondsUntil(before.reset, new Date(now))) };
      }
      hits.push(now);
      return { state: state(now) };
    },
    peek: state,
  };
}

/**
 * One window's headers, `suffix` `Minute` or `Hour`; the reset in seconds from now (the spec's
 * assumption), which core's `parseRateLimit` reads as such (values below 1e9).
 */
export function windowHeaders(state: RateLimitWindow, suffix: string, now: Date): Record<string, string> {
  return {
    [`X-RateLimit-Limit-${suffix}`]: String(state.limit),
    [`X-RateLimit-Remaining-${suffix}`]: String(state.remaining),
    [`X-RateLimit-Reset-${suffix}`]: String(secondsUntil(state.reset, now)),
  };
}
