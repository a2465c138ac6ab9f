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
 */
function sameItems(x: readonly unknown[], y: readonly unknown[], eq: Equality, ordered: boolean): boolean {
  const pool = [...x];
  return (
    x.length === y.length &&
    y.every((v, j) => {
      if (ordered) return eq(x[j], v);
      const i = pool.findIndex((w) => eq(w, v));
      return i >= 0 && pool.splice(i, 1).length > 0;
    })
  );
}

/**
 * A list the provider replaces whole: when it differs, the whole after list is sent, each element
 * mapped by `item` (read item → write item) and compared in that write form. A desired `null` empties
 * the list: it sends `clear` (`[]` unless the provider clears with `null`). A desired value that is not
 * a list is sent as it is, for the validation table to name; one in before reads as the empty list.
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
  const item = (options.item ?? ((v: unknown) => v)) as (v: unknown) => unknown;
  const list = (v: unknown) => (Array.isArray(v) ? v : []);
  const value = (a: unknown) => (Array.isArray(a) ? a.map(item) : a === null ? clear : a);
  // Items deep-equal as read map to the same write item: mapped only when they differ.
  const same: Equality = options.item ? (v, w) => deepEqual(v, w) || equals(item(v), item(w)) : equals;
  return fieldRule(
    ordered ? "replace-list" : "replace-set",
    key,
    (b, a) =>
      (a === null || Array.isArray(a)) && sameItems(list(b), list(a), same, ordered) ? UNCHANGED : value(a),
    value,
  );
}
