/** Replaces every secret in a string with `[REDACTED]`. */
export type Redact = (text: string) => string;

/**
 * Returns a function that removes the given secrets (empty ones ignored) from any string.
 *
 * @example
 * redactor(["sk_live_1"])("Bearer sk_live_1"); // "Bearer [REDACTED]"
 */
export function redactor(secrets: readonly (string | undefined)[]): Redact {
  return (text) => secrets.reduce<string>((t, s) => (s ? t.split(s).join("[REDACTED]") : t), text);
}

/**
 * A redacted copy of a thrown value and its `cause` chain (three levels deep) keeping only message and
 * `code`: a transport may hang its request, headers or socket on an error, and `util.inspect` would
 * print them all.
 *
 * @example
 * new PatchwiseNetworkError("GET … failed", { cause: sanitize(error, redact) });
 */
export function sanitize(thrown: unknown, redact: Redact, depth = 0): Error {
  const {
    message = thrown,
    cause,
    code,
  } = Object(thrown) as { message?: unknown; cause?: unknown; code?: unknown };
  const copy = new Error(
    redact(String(message)),
    cause !== undefined && depth < 3 ? { cause: sanitize(cause, redact, depth + 1) } : undefined,
  );
  if (typeof code === "string") Object.assign(copy, { code });
  return copy;
}
