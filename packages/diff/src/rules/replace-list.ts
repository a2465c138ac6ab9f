import { deepEqual, type Equality } from "../equal.ts";
import { type FieldRule, type ItemOf, type KeysOf, UNCHANGED } from "../types.ts";
import { fieldRule } from "./field.ts";

interface ListOptions<C extends null> {
  /** true: element-wise (first item primary, a reorder is a change); false: multiset (a reorder is no change). */
  ordered: boolean;
  /** Equality of two items in write shape (default: canonical deep-equal). */
  equals?: Equality;
  /** `null` when the provider clears the list with `null` (StackOne); the default sends `[]`. */
  clear?: C;
}

/**
 * Same length, and each element of `y` matched by its own element of `x`: the one at its index when
 * `ordered`, else any one not matched yet (the same elements with the same multiplicities, in any order).
 * Items compare by `eq` in write form; with an `item` mapping, items deep-equal as read match first
 * (they map to the same write item), and the lists are mapped only when some do not.
 */
function sameItems(
  x: readonly unknown[],
  y: readonly unknown[],
  eq: Equality,
  ordered: boolean,
  item?: (v: unknown) => unknown,
): boolean {
  if (x.length !== y.length) return false;
  // The write items, mapped at the first comparison that needs them.
  let w: [unknown[], unknown[]] | undefined;
  const read = (i: number, j: number) => deepEqual(x[i], y[j]);
  const written = item
    ? (i: number, j: number) => {
        w ??= [x.map(item), y.map(item)];
        return eq(w[0][i], w[1][j]);
      }
    : (i: number, j: number) => eq(x[i], y[j]);
  const taken: boolean[] = [];
  // The first x item not matched yet that `match`es y[j], or -1.
  const find = (j: number, match: (i: number, j: number) => boolean) => {
    if (ordered) return match(j, j) ? j : -1;
    for (let i = 0; i < x.length; i++) if (!taken[i] && match(i, j)) return i;
    return -1;
  };
  for (let j = 0; j < y.length; j++) {
    let i = item ? find(j, read) : -1;
    if (i < 0) i = find(j, written);
    if (i < 0) return false;
    taken[i] = true;
  }
  return true;
}

/**
 * A list the provider replaces whole: when it differs, the whole after list is sent, each element
 * mapped by `item` (read item → write item) and compared in that write form. A desired `null` empties
 * the list: it sends `clear` (`[]` unless the provider clears with `null`).
 * @example
 * replaceList("emails", { ordered: true }) // first is primary
 * replaceList("groups", { ordered: false, item: (g) => ({ id: g.id }) })
 */
export function replaceList<R, K extends KeysOf<R, readonly unknown[]>, W, C extends null = never>(
  key: K,
  options: ListOptions<C> & { item: (value: ItemOf<R[K]>) => W },
): FieldRule<R, W[] | NoInfer<C>>;
export function replaceList<R, K extends KeysOf<R, readonly unknown[]>, C extends null = never>(
  key: K,
  options: ListOptions<C>,
): FieldRule<R, ItemOf<R[K]>[] | NoInfer<C>>;
export function replaceList(
  key: PropertyKey,
  options: ListOptions<null> & { item?: (value: never) => unknown },
): FieldRule<unknown, unknown> {
  const { ordered, equals = deepEqual } = options;
  const clear = options.clear === null ? null : [];
  const item = options.item as ((v: unknown) => unknown) | undefined;
  const value = (a: unknown) => {
    const list = (a as unknown[] | null | undefined) ?? [];
    return item ? list.map(item) : [...list];
  };
  return fieldRule(
    ordered ? "replace-list" : "replace-set",
    key,
    (b, a) => {
      if (sameItems((b ?? []) as unknown[], (a ?? []) as unknown[], equals, ordered, item)) return UNCHANGED;
      return a === null ? clear : value(a);
    },
    value,
  );
}
