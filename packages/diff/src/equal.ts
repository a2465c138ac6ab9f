/** Decides whether two non-null read values are the same state. */
export type Equality = (a: unknown, b: unknown) => boolean;

/**
 * Canonical deep equality of JSON values: key order and `undefined`-valued keys are ignored, arrays
 * compare element-wise.
 * @example deepEqual({ a: 1, b: [2] }, { b: [2], a: 1 }) // true
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || !a || !b) return false;
  // Index loops and `for…in` without key arrays or closures: this runs on every field of every pair.
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
    const v = x[k];
    if (v === undefined) continue;
    if (!deepEqual(v, y[k])) return false;
    n++;
  }
  for (const k in y) if (y[k] !== undefined) n--;
  return n === 0;
}

const ZONE = /(?:[zZ]|[+-]\d\d:?\d\d)$/;
const NUMERIC = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** An equality that compares `key(a)` and `key(b)` by `deepEqual`: parsed only when `a !== b`. */
const by =
  (key: (v: unknown) => unknown): Equality =>
  (a, b) =>
    a === b || deepEqual(key(a), key(b));

/** A timestamp's UTC day (a zoneless one keeps its own date part); other values as they are. */
const utcDay = (v: unknown): unknown =>
  typeof v === "string" && v.length > 10 && /^\d{4}-\d\d-\d\d/.test(v)
    ? ((ZONE.test(v) && new Date(v).toJSON()) || v).slice(0, 10)
    : v;

/**
 * A timestamp's epoch milliseconds; other values as they are. A timestamp without a zone is read as
 * UTC, never in the machine's own zone, so that the same pair gives the same body everywhere.
 */
const instant = (v: unknown): unknown => {
  const t = typeof v === "string" ? Date.parse(v.length > 10 && !ZONE.test(v) ? `${v}Z` : v) : Number.NaN;
  return Number.isNaN(t) ? v : t;
};

/**
 * Dates equal when they fall on the same UTC day: `YYYY-MM-DD` equals a timestamp on that day.
 * @example sameDay("2030-01-02", "2030-01-02T23:00:00-05:00") // false: that is Jan 3 in UTC
 */
export const sameDay: Equality = /* @__PURE__ */ by(utcDay);

/**
 * Timestamps equal when they are the same instant (`…Z` equals `….000Z` and `+01:00` offsets).
 * @example sameInstant("2021-01-01T01:01:01Z", "2021-01-01T02:01:01.000+01:00") // true
 */
export const sameInstant: Equality = /* @__PURE__ */ by(instant);

/**
 * Numbers equal numeric strings of the same value (`42`, `"42"`, `"42.0"`); other values deep-equal.
 * @example sameNumber(42, "42.0") // true
 */
export const sameNumber: Equality = /* @__PURE__ */ by((v) =>
  typeof v === "string" && NUMERIC.test(v) ? Number(v) : v,
);
