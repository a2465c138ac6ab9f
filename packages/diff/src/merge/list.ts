import { deepEqual, type Equality } from "../equal.ts";
import type { FieldMerge } from "./types.ts";
import { mergeValue } from "./value.ts";

/** A list merge, with what the tests' oracle needs to check it. */
export interface ListMerge extends FieldMerge {
  /** The first item is primary. */
  readonly ordered: boolean;
  /** Whether two read items are the same item (as the list's rule compares them). */
  readonly same: Equality;
}

const isList = (v: unknown): v is readonly unknown[] | null | undefined => v == null || Array.isArray(v);

/** Takes one item equal to `x` out of `pool`; false when there is none. */
function take(pool: unknown[], x: unknown, same: Equality): boolean {
  const i = pool.findIndex((y) => same(y, x));
  return i >= 0 && pool.splice(i, 1).length > 0;
}

/** The items of `x` left once each item of `y` has taken out one equal item (a multiset difference). */
function minus(x: readonly unknown[], y: readonly unknown[], same: Equality): unknown[] {
  const pool = [...y];
  return x.filter((v) => !take(pool, v, same));
}

/**
 * A list the provider replaces whole, merged item by item: items the sync added (base → desired) are
 * added to current, items it removed are removed, items the other side added or removed meanwhile stay
 * so. Desired's order leads, the other side's new items follow. When `ordered`, the first item is
 * primary: a primary changed on one side wins; changed on both to different items it is a conflict at
 * `field[0]`. Items compare as the rule compares them: mapped by `item`, then by `equals`.
 * @example mergeList("emails", { ordered: true })
 */
export function mergeList(
  key: string,
  options: { ordered: boolean; item?: (value: never) => unknown; equals?: Equality },
): ListMerge {
  const { ordered, equals = deepEqual } = options;
  const write = (options.item ?? ((v: unknown) => v)) as (v: unknown) => unknown;
  const same: Equality = (x, y) => equals(write(x), write(y));
  const whole = mergeValue(key);
  return {
    kind: "list",
    key,
    ordered,
    same,
    merge(b0, c0, d0, ctx) {
      if (!isList(b0) || !isList(c0) || !isList(d0)) return whole.merge(b0, c0, d0, ctx);
      const [b, c, d] = [b0 ?? [], c0 ?? [], d0 ?? []];
      const kept = minus(c, minus(b, d, same), same);
      const added = minus(minus(d, b, same), minus(c, b, same), same);
      const out = d.filter((x) => take(kept, x, same) || take(added, x, same));
      out.push(...kept);
      if (ordered) primary(out, b[0], c[0], d[0]);
      return d0 === null && !out.length ? null : out;

      // Puts the primary item the two sides agree on (or the policy keeps) first.
      function primary(list: unknown[], bp: unknown, cp: unknown, dp: unknown): void {
        const differ = (x: unknown, y: unknown) =>
          (x === undefined) !== (y === undefined) || (x !== undefined && !same(x, y));
        const path = `${ctx.field}[0]`;
        const ours = differ(bp, dp);
        const theirs = differ(bp, cp);
        if (!(ours || theirs)) return;
        let want = ours ? dp : cp;
        const both = ours && theirs && differ(cp, dp);
        if (both && ctx.conflict(path, bp, cp, dp) === "current") want = cp;
        if (want === undefined) return;
        const i = list.findIndex((x) => same(x, want));
        if (i === 0) return;
        // The primary one side chose was removed by the other: a conflict too (the policy re-adds it or not).
        const side = want === dp ? "desired" : "current";
        if (i < 0 && !both && ctx.conflict(path, bp, cp, dp) !== side) return;
        list.unshift(i < 0 ? want : list.splice(i, 1)[0]);
      }
    },
  };
}
