import type { RateLimitState } from "../rate-limit.ts";

/** What the pacer needs: the rate-limit state, a clock, a sleep, and who to tell about a wait. */
export interface PacerOptions {
  rateLimit: () => RateLimitState | undefined;
  now: () => number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  onWait: (ms: number) => void;
}

/** A gate every request passes: it waits while the window has no request left for it. */
export interface Pacer {
  /** Resolves when a request may start; rejects with the signal's reason when it aborts first. */
  ready(signal: AbortSignal): Promise<void>;
  /** Call when a request starts and when it ends, so requests in flight count against the window. */
  started(): void;
  ended(): void;
}

/**
 * Paces requests by the provider's rate-limit headers: a request starts only while the last window
 * seen has more requests left than are in flight; otherwise it waits for the window's reset. A state
 * with no `remaining`, no `reset`, or a reset already past (a stale state: the window has turned since)
 * never holds a request back: the client's retries handle any 429 that gets through.
 *
 * @example
 * const pacer = createPacer({ rateLimit: () => client.rateLimit, now: Date.now, sleep, onWait: log });
 * await pacer.ready(signal); pacer.started(); try { await send(); } finally { pacer.ended(); }
 */
export function createPacer(options: PacerOptions): Pacer {
  const { rateLimit, now, sleep, onWait } = options;
  let inFlight = 0;
  return {
    async ready(signal) {
      for (;;) {
        signal.throwIfAborted();
        const state = rateLimit();
        if (state?.remaining === undefined || !state.reset || state.remaining > inFlight) return;
        const waitMs = state.reset.getTime() - now();
        if (waitMs <= 0) return;
        onWait(waitMs);
        await sleep(waitMs, signal);
        // The state is only as new as the last response: once its reset has passed it is stale, and
        // the next loop lets the request go.
        if (rateLimit() === state) return;
      }
    },
    started() {
      inFlight++;
    },
    ended() {
      inFlight--;
    },
  };
}
