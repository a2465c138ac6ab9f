import { deepEqual, type Equality } from "../equal.ts";
import { type FieldRule, type ItemOf, type KeysOf, UNCHANGED } from "../types.ts";
import { fieldRule } from "./field.ts";

interface ListOptions {
  /** true: element-wise (first item primary, a reorder is a change); false: multiset (a reorder is no change). */
  ordered: boolean;
  /** Equality of two items in write shape (default: canonical deep-equal). */
  equals?: Equality;
}

/** Same elements, in any order, with the same multiplicities. */
function sameBag(x: readonly unknown[], y: readonly unknown[], eq: Equality): boolean {
  if (x.length !== y.length) return false;
  const used: boolean[] = [];
  next: for (const v of y) {
    for (let i = 0; i < x.length; i++) {
      if (!used[i] && eq(x[i], v)) {
        used[i] = true;
        continue next;
      }
    }
    return false;
  }
  return true;
}

function sameList(x: readonly unknown[], y: readonly unknown[], eq: Equality): boolean {
  return x.length === y.length && x.every((v, i) => eq(v, y[i]));
}

/**
 * A list the provider replaces whole: when it differs, the whole after list is sent, each element
 * mapped by `item` (read item → write item) and compared in that write form. After `null` sends `[]`.
 * @example
 * replaceList("emails", { ordered: true }) // first is primary
 * replaceList("groups", { ordered: false, item: (g) => ({ id: g.id }) })
 */
export function replaceList<R, K extends KeysOf<R, readonly unknown[]>, W>(
  key: K,
  options: ListOptions & { item: (value: ItemOf<R[K]>) => W },
): FieldRule<R, W[]>;
export function replaceList<R, K extends KeysOf<R, readonly unknown[]>>(
  key: K,
  options: ListOptions,
): FieldRule<R, ItemOf<R[K]>[]>;
export function replaceList(
  key: PropertyKey,
  options: ListOptions & { item?: (value: never) => unknown },
): FieldRule<unknown, unknown> {
  const { ordered, equals = deepEqual } = options;
  const item = (options.item ?? ((v: unknown) => v)) as (v: unknown) => unknown;
  const value = (a: unknown) => ((a as unknown[] | null) ?? []).map(item);
  return fieldRule(
    ordered ? "replace-list" : "replace-set",
    key,
    (b, a) => {
      const wa = value(a);
      const wb = value(b ?? null);
      if (wb.length === 0) return wa.length === 0 ? UNCHANGED : wa;
      return (ordered ? sameList : sameBag)(wb, wa, equals) ? UNCHANGED : wa;
    },
    value,
  );
}
