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
    if (x === undefined) continue;
    // JSON.parse makes "__proto__" an own key; assigning it would set the copy's prototype instead.
    if (k === "__proto__")
      Object.defineProperty(o, k, { value: toJson(x), enumerable: true, writable: true, configurable: true });
    else o[k] = toJson(x);
  }
  return o;
}
