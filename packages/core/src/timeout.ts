/** A signal for one attempt: aborted by the caller's signal or after `timeoutMs`. */
export interface AttemptSignal {
  signal: AbortSignal;
  /** True when the attempt's own timer fired (not the caller). */
  timedOut: () => boolean;
  /** Stops the timer once a response has arrived. */
  clear: () => void;
}

/**
 * Combines the caller's signal with a per-attempt timer; a `timeoutMs` of 0 or `Infinity` sets none.
 *
 * @example
 * const attempt = attemptSignal(request.signal, 30_000);
 * try { return await fetch(request, { signal: attempt.signal }); } finally { attempt.clear(); }
 */
export function attemptSignal(caller: AbortSignal, timeoutMs: number): AttemptSignal {
  const timer = new AbortController();
  const id = timeoutMs > 0 && timeoutMs < 2 ** 31 ? setTimeout(() => timer.abort(), timeoutMs) : undefined;
  return {
    signal: AbortSignal.any([caller, timer.signal]),
    timedOut: () => timer.signal.aborted,
    clear: () => clearTimeout(id),
  };
}

/**
 * Settles like `promise`, or rejects with the signal's reason as soon as it aborts: a custom `fetch`
 * (an in-process simulator) may ignore the signal, and timeouts and aborts must hold all the same.
 *
 * @example
 * const response = await raceAbort(handler(request), attempt.signal);
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/**
 * Resolves after `ms`, or rejects with the signal's reason as soon as it aborts.
 *
 * @example
 * await sleep(250, request.signal);
 */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  let id: ReturnType<typeof setTimeout> | undefined;
  return raceAbort(new Promise<void>((resolve) => (id = setTimeout(resolve, ms))), signal).finally(() =>
    clearTimeout(id),
  );
}
