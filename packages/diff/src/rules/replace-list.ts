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
 * Items compare by `eq` in write form, mapped by `item` only when they differ as read.
 */
function sameItems(
  x: readonly unknown[],
  y: readonly unknown[],
  eq: Equality,
  ordered: boolean,
  item?: (v: unknown) => unknown,
): boolean {
  const same = item ? (v: unknown, w: unknown) => deepEqual(v, w) || eq(item(v), item(w)) : eq;
  const taken: boolean[] = [];
  return (
    x.length === y.length &&
    y.every((w, j) => {
      const i = ordered ? (same(x[j], w) ? j : -1) : x.findIndex((v, i) => !taken[i] && same(v, w));
      if (i < 0) return false;
      taken[i] = true;
      return true;
    })
  );
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
  const value = (a: unknown) => ((a as unknown[] | null | undefined) ?? []).map(item ?? ((v) => v));
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
