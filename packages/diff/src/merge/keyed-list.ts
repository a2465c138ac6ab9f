import { deepEqual } from "../equal.ts";
import { type FieldMerge, KEEP, type MergeContext } from "./types.ts";
import { mergeValue } from "./value.ts";

type Item = Readonly<Record<string, unknown>>;

/** A keyed-list merge, with what the tests' oracle needs to check it. */
export interface KeyedListMerge extends FieldMerge {
  /** The item field that identifies an item. */
  readonly id: string;
  /** The op that turns one item into another, or `undefined` when they are the same state (the rule's `item`). */
  readonly item: (before: never, after: never) => unknown;
}

const isItems = (v: unknown): v is readonly Item[] => Array.isArray(v);
const isPrimitives = (v: unknown): v is readonly (string | number)[] | null | undefined =>
  v == null || (Array.isArray(v) && v.every((x) => typeof x === "string" || typeof x === "number"));

/**
 * A list of items addressed by `key` (written as per-item ops), merged item by item: an item only one
 * side changed takes that side's; an item both changed merges property by property, where a list of
 * strings or numbers (a multi-select) merges as a set and any other property changed on both sides to
 * different values is a conflict at `field[id].property`. `item` is the rule's op function: it says
 * whether two items are the same state. A desired `null` (clear all) against another side's change is
 * a conflict at the field.
 * @example mergeKeyed("custom_fields", { key: "attribute_id", item: customFieldOp })
 */
export function mergeKeyed<I>(
  key: string,
  options: { key: keyof I & string; item: (before: I | undefined, after: I) => unknown },
): KeyedListMerge {
  const id = options.key;
  const op = options.item as (before: Item | undefined, after: Item) => unknown;
  const changed = (x: Item | undefined, y: Item | undefined) =>
    y === undefined ? x !== undefined : op(x, y) !== undefined;
  const whole = mergeValue(key);

  /** One item both sides changed, property by property. */
  function mergeItem(b: Item | undefined, c: Item, d: Item, path: string, ctx: MergeContext): Item {
    const out: Record<string, unknown> = { ...c };
    for (const p of Object.keys(d)) {
      const [bv, cv, dv] = [b?.[p], c[p], d[p]];
      if (dv === undefined) continue;
      // Unchanged on our side: the other side's, or ours where the other side dropped the whole item.
      if (deepEqual(bv, dv)) {
        if (cv === undefined) out[p] = dv;
        continue;
      }
      if (deepEqual(bv, cv) || !changed({ ...d, [p]: cv }, { ...d, [p]: dv })) out[p] = dv;
      else if (isPrimitives(bv) && isPrimitives(cv) && isPrimitives(dv)) {
        // Theirs, plus what we added, less what we removed.
        const [b, d] = [bv ?? [], dv ?? []];
        const added = d.filter((x) => !b.includes(x));
        out[p] = [...new Set([...(cv ?? []), ...added])].filter((x) => !b.includes(x) || d.includes(x));
      } else if (ctx.conflict(`${path}.${p}`, bv, cv, dv) === "desired") out[p] = dv;
    }
    return out;
  }

  return {
    kind: "keyed-list",
    key,
    id,
    item: op as KeyedListMerge["item"],
    merge(b0, c0, d0, ctx) {
      if (!isItems(d0) || !(c0 == null || isItems(c0)) || !(b0 == null || isItems(b0)))
        return whole.merge(b0, c0, d0, ctx);
      const byId = (list: unknown) => new Map(((list ?? []) as Item[]).map((x) => [x[id], x]));
      const [b, c] = [byId(b0), byId(c0)];
      const out: Item[] = [];
      for (const d of d0) {
        const k = d[id];
        const [bi, ci] = [b.get(k), c.get(k)];
        if (!changed(bi, d)) {
          if (ci !== undefined) out.push(ci);
        } else if (!changed(bi, ci) || !changed(ci, d)) out.push(d);
        else out.push(mergeItem(bi, ci ?? { [id]: k }, d, `${ctx.field}[${String(k)}]`, ctx));
      }
      const listed = new Set(d0.map((x) => x[id]));
      for (const [k, ci] of c) if (!listed.has(k)) out.push(ci);
      return out.length || c0 != null ? out : KEEP;
    },
  };
}
