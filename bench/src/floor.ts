/**
 * The floor: a bare structural deep-equal of two JSON records, the least work that can tell whether
 * anything changed. Keys in order of `a`, arrays element-wise, no notion of equivalent encodings
 * (`"42"` vs `42`) or of fields that cannot be written, so it reports some unchanged records as changed.
 * @example deepEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }) // true
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
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const k of keys) if (!Object.hasOwn(y, k) || !deepEqual(x[k], y[k])) return false;
  return true;
}
