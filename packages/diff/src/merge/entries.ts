import { deepEqual, type Equality } from "../equal.ts";
import { type FieldMerge, KEEP, type MergeContext } from "./types.ts";

type Entries = Readonly<Record<string, unknown>>;

/** An entries merge, with what the tests' oracle needs to check it. */
export interface EntriesMerge extends FieldMerge {
  readonly depth: 1 | 2;
  /** Equality of two leaves; unset (`null`, absent) equals unset. */
  readonly same: Equality;
}

/**
 * A map the provider merges entry by entry (`mergeMap`), merged leaf by leaf: a leaf only one side
 * changed takes that side's value, a leaf both changed to different values is a conflict at
 * `field.key` (`field.group.key` at depth 2). A desired `null` map or group unsets each of its leaves
 * that base held, so a leaf the other side set meanwhile stays.
 * @example mergeEntries("customFieldValues", { depth: 2, equals: sameCustomFieldValue })
 */
export function mergeEntries(key: string, options: { depth: 1 | 2; equals?: Equality }): EntriesMerge {
  const { depth, equals = deepEqual } = options;
  // Unset (null, absent) equals unset; `equals` sees null for an unset leaf, so it can say "" or [] are unset too.
  const same: Equality = (x, y) => (x == null && y == null) || x === y || equals(x ?? null, y ?? null);

  function level(b: unknown, c: unknown, d: unknown, d0: number, path: string, ctx: MergeContext): unknown {
    if (d0 === 0) {
      if (same(b, d)) return c === undefined ? KEEP : c;
      if (same(b, c) || same(c, d) || ctx.conflict(path, b, c, d) === "desired") return d;
      return c === undefined ? KEEP : c;
    }
    const [bm, cm] = [(b ?? {}) as Entries, (c ?? {}) as Entries];
    // null unsets every entry that base held (an entry only the other side set is theirs).
    const dm = (d === null ? Object.fromEntries(Object.keys(bm).map((k) => [k, null])) : d) as Entries;
    const out: Record<string, unknown> = { ...cm };
    for (const k of Object.keys(dm)) {
      if (dm[k] === undefined) continue;
      const v = level(bm[k], cm[k], dm[k], d0 - 1, `${path}.${k}`, ctx);
      if (v === KEEP) delete out[k];
      else out[k] = v;
    }
    return out;
  }

  return {
    kind: "entries",
    key,
    depth,
    same,
    merge: (b, c, d, ctx) => level(b, c, d, depth, ctx.field, ctx),
  };
}
