/**
 * A fresh JSON copy of `v` with no `undefined`-valued keys (and `null` for `undefined` array slots).
 * @example toJson({ a: 1, b: undefined, c: [undefined] }) // { a: 1, c: [null] }
 */
export function toJson(v: unknown): unknown {
  if (typeof v !== "object" || v === null) return v;
  if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : toJson(x)));
  let o: Record<string, unknown> = {};
  for (const k in v) {
    const x = (v as Record<string, unknown>)[k];
    if (x === undefined) continue;
    // JSON.parse makes "__proto__" an own key; assigning it would set the copy's prototype instead (a
    // computed key in a literal defines it).
    if (k === "__proto__") o = { ...o, [k]: toJson(x) };
    else o[k] = toJson(x);
  }
  return o;
}
