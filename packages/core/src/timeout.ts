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
