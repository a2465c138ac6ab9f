/**
 * A fresh JSON copy of `v` with no `undefined`-valued keys (and `null` for `undefined` array slots).
 * @example toJson({ a: 1, b: undefined, c: [undefined] }) // { a: 1, c: [null] }
 */
export function toJson(v: unknown): unknown {
  if (typeof v !== "object" || v === null) return v;
  if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : toJson(x)));
  const o: Record<string, unknown> = {};
  for (const k in v) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined) o[k] = toJson(x);
  }
  return o;
}
