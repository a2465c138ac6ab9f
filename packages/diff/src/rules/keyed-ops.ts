/** The elements to add to and remove from one set to get another. */
export interface SetDelta<T> {
  add: T[];
  remove: T[];
}

const ascending = <T>(x: T, y: T) => (x < y ? -1 : x > y ? 1 : 0);

/**
 * What turns the set `before` into the set `after`: order-free, duplicates ignored, each side sorted
 * ascending (so the same sets always give the same delta).
 * @example setDelta(["a", "b"], ["c", "b", "c"]) // { add: ["c"], remove: ["a"] }
 */
export function setDelta<T extends string | number>(
  before: readonly T[] | null | undefined,
  after: readonly T[] | null | undefined,
): SetDelta<T> {
  const b = new Set(before);
  const a = new Set(after);
  const minus = (x: Set<T>, y: Set<T>) => [...x].filter((v) => !y.has(v)).sort(ascending);
  return { add: minus(a, b), remove: minus(b, a) };
}

/**
 * A delta as a partial item op: `{ [addKey]: add, [removeKey]: remove }` without empty sides, or
 * `undefined` when the sets are the same.
 * @example deltaOps(["x"], ["y"], "add_values", "remove_values") // { add_values: ["y"], remove_values: ["x"] }
 */
export function deltaOps<T extends string | number, A extends string, D extends string>(
  before: readonly T[] | null | undefined,
  after: readonly T[] | null | undefined,
  addKey: A,
  removeKey: D,
): Partial<Record<A | D, T[]>> | undefined {
  const { add, remove } = setDelta(before, after);
  const op: Partial<Record<A | D, T[]>> = {};
  if (add.length) op[addKey] = add;
  if (remove.length) op[removeKey] = remove;
  return add.length + remove.length ? op : undefined;
}

/**
 * The candidate with the shortest JSON encoding (the first on a tie): picks between equivalent
 * encodings of one op, e.g. a long `remove_values` list or `clear_all: true`.
 * @example shortest({ id: "a", remove_values: ["x", "y", "z"] }, { id: "a", clear_all: true }) // the second
 */
export function shortest<T>(...candidates: [T, ...T[]]): T {
  const size = (c: T) => JSON.stringify(c).length;
  return candidates.reduce((best, c) => (size(c) < size(best) ? c : best));
}
