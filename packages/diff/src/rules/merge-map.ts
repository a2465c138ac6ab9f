import { deepEqual, type Equality } from "../equal.ts";
import { type FieldRule, type KeysOf, UNCHANGED } from "../types.ts";
import { fieldRule } from "./field.ts";

type Entries = Readonly<Record<string, unknown>>;
type MapOf<V> = { [key: string]: V };

/** The leaf value type of a `depth`-level map type. */
export type MapLeaf<T, D extends 1 | 2> =
  NonNullable<T> extends { readonly [key: string]: infer V }
    ? D extends 1
      ? V
      : NonNullable<V> extends { readonly [key: string]: infer L }
        ? L
        : never
    : never;

/** The write type of a `depth`-level map whose leaves are `L` (`null` unsets a leaf). */
export type MapPatch<L, D extends 1 | 2> = D extends 1 ? MapOf<L | null> : MapOf<MapOf<L | null>>;

interface MergeMapOptions<R, D extends 1 | 2> {
  /** 1: key → value; 2: key → key → value (Folk: groupId → fieldName → value). */
  depth: D;
  /** Equality of two non-null leaf read values that are not deep-equal (default: canonical deep-equal). */
  equals?: Equality;
  /** The top-level keys that may be sent (default: all). Folk: the person's groups after the update. */
  within?: (after: R, before: R) => ReadonlySet<string> | undefined;
}

/**
 * A map the provider merges entry by entry: only changed leaves are sent, grouped by their parent key,
 * keys sorted (JSON objects still list integer-like keys first); a `null` leaf (or a whole `null` map or
 * group) unsets what was set. Entries absent from after are left as they are; top-level keys outside
 * `within` are never sent.
 * @example
 * mergeMap("customFieldValues", {
 *   depth: 2,
 *   equals: sameNumber,
 *   within: (a, b) => new Set((a.groups ?? b.groups).map((g) => g.id)),
 * })
 */
export function mergeMap<R, K extends KeysOf<R, object>, D extends 1 | 2, W>(
  key: K,
  options: MergeMapOptions<R, D> & { value: (leaf: NonNullable<MapLeaf<R[K], D>>) => W },
): FieldRule<R, MapPatch<W, D>>;
export function mergeMap<R, K extends KeysOf<R, object>, D extends 1 | 2>(
  key: K,
  options: MergeMapOptions<R, D>,
): FieldRule<R, MapPatch<NonNullable<MapLeaf<R[K], D>>, D>>;
export function mergeMap(
  key: PropertyKey,
  options: MergeMapOptions<unknown, 1 | 2> & { value?: (leaf: never) => unknown },
): FieldRule<unknown, unknown> {
  const { depth, equals = deepEqual, within } = options;
  const write = (options.value ?? ((v: unknown) => v)) as (v: unknown) => unknown;

  // The changes that turn `b` into `a` at this level, or undefined when there are none.
  const level = (b: unknown, a: unknown, d: number, only?: ReadonlySet<string>): unknown => {
    if (d === 0) {
      if (a === null) return b == null ? undefined : null;
      return b != null && (a === b || equals(b, a)) ? undefined : write(a);
    }
    const from = (a ?? b ?? {}) as Entries;
    let out: MapOf<unknown> | undefined;
    for (const k of Object.keys(from).sort()) {
      if (only && !only.has(k)) continue;
      const v = a === null ? null : from[k];
      const was = (b as Entries | null | undefined)?.[k];
      // Deep-equal as read is the same state: no walk into the entry.
      const change = v === undefined || deepEqual(was, v) ? undefined : level(was, v, d - 1);
      if (change === undefined) continue;
      out ??= {};
      out[k] = change;
    }
    return out;
  };

  return fieldRule(
    "merge-map",
    key,
    (b, a, _ctx, before, after) => level(b, a, depth, within?.(after, before)) ?? UNCHANGED,
    (a, record) => level(undefined, a, depth, within?.(record, record)) ?? {},
  );
}
