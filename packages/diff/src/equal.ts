/** Decides whether two non-null read values are the same state. */
export type Equality = (a: unknown, b: unknown) => boolean;

/**
 * Canonical deep equality of JSON values: key order and `undefined`-valued keys are ignored, arrays
 * compare element-wise.
 * @example deepEqual({ a: 1, b: [2] }, { b: [2], a: 1 }) // true
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const k in x) {
    if (x[k] === undefined) continue;
    if (!deepEqual(x[k], y[k])) return false;
    n++;
  }
  for (const k in y) if (y[k] !== undefined) n--;
  return n === 0;
}

const DATE_PREFIX = /^\d{4}-\d{2}-\d{2}/;
const ZONE = /(?:[zZ]|[+-]\d\d:?\d\d)$/;
const NUMERIC = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

function utcDay(v: unknown): unknown {
  if (typeof v !== "string" || v.length <= 10 || !DATE_PREFIX.test(v)) return v;
  const t = ZONE.test(v) ? Date.parse(v) : Number.NaN;
  return (Number.isNaN(t) ? v : new Date(t).toISOString()).slice(0, 10);
}

function instant(v: unknown): unknown {
  const t = typeof v === "string" ? Date.parse(v) : Number.NaN;
  return Number.isNaN(t) ? v : t;
}

function numeric(v: unknown): unknown {
  return typeof v === "string" && NUMERIC.test(v) ? Number(v) : v;
}

/**
 * Dates equal when they fall on the same UTC day: `YYYY-MM-DD` equals a timestamp on that day.
 * @example sameDay("2030-01-02", "2030-01-02T23:00:00-05:00") // false: that is Jan 3 in UTC
 */
export const sameDay: Equality = (a, b) => deepEqual(utcDay(a), utcDay(b));

/**
 * Timestamps equal when they are the same instant (`…Z` equals `….000Z` and `+01:00` offsets).
 * @example sameInstant("2021-01-01T01:01:01Z", "2021-01-01T02:01:01.000+01:00") // true
 */
export const sameInstant: Equality = (a, b) => deepEqual(instant(a), instant(b));

/**
 * Numbers equal numeric strings of the same value (`42`, `"42"`, `"42.0"`); other values deep-equal.
 * @example sameNumber(42, "42.0") // true
 */
export const sameNumber: Equality = (a, b) => deepEqual(numeric(a), numeric(b));
