import { deepEqual } from "../equal.ts";
import { type FieldRule, type ItemOf, type KeysOf, UNCHANGED } from "../types.ts";
import { issue } from "../validate.ts";
import { fieldRule } from "./field.ts";

export interface KeyedListOptions<I, W> {
  /** The item field that identifies an item (e.g. `attribute_id`). */
  key: keyof I;
  /**
   * The op that turns `before` (absent when new) into `after`, or `undefined` when they are the same
   * state; not called for an item deep-equal to its `before` (the same state).
   */
  item: (before: I | undefined, after: I) => W | undefined;
  /** The op that empties `before`, used when after's whole list is `null` (else that is a "not-nullable" issue). */
  clear?: (before: I) => W | undefined;
}

/**
 * A list of items addressed by key, written as one op per changed item, in after's order. Items absent
 * from after are left as they are; a key repeated in after is a "duplicate-key" issue.
 * @example
 * keyedList("custom_fields", {
 *   key: "attribute_id",
 *   item: (b, a) => (b?.value === a.value ? undefined : { attribute_id: a.attribute_id, value: a.value }),
 * })
 */
export function keyedList<R, K extends KeysOf<R, readonly unknown[]>, W>(
  key: K,
  options: KeyedListOptions<ItemOf<R[K]>, W>,
): FieldRule<R, W[]>;
export function keyedList(
  key: PropertyKey,
  options: KeyedListOptions<unknown, unknown>,
): FieldRule<unknown, unknown> {
  const { item, clear } = options;
  const id = String(options.key);
  const get = (x: unknown) => (x as Record<string, unknown>)[id];
  const some = (ops: unknown[]) => {
    const defined = ops.filter((op) => op !== undefined);
    return defined.length ? defined : UNCHANGED;
  };
  return fieldRule(
    "keyed-list",
    key,
    (b0, a0, ctx) => {
      const a = a0 as readonly unknown[] | null;
      const b = (b0 ?? []) as readonly unknown[];
      if (a === null) {
        if (!clear && b.length)
          ctx.issues.push(issue(ctx.field, "not-nullable", "cannot be cleared whole", undefined, "null"));
        return some(clear ? b.map(clear) : []);
      }
      const byKey = new Map(b.map((x) => [get(x), x]));
      const seen = new Set<unknown>();
      return some(
        a.map((x, i) => {
          const k = get(x);
          if (seen.has(k)) {
            const path = `${ctx.field}[${i}]`;
            ctx.issues.push(issue(path, "duplicate-key", `must have a unique ${id}`, id, JSON.stringify(k)));
            return undefined;
          }
          seen.add(k);
          const was = byKey.get(k);
          // An item deep-equal as read is the same state: no op to build.
          return was !== undefined && deepEqual(was, x) ? undefined : item(was, x);
        }),
      );
    },
    (a) => (a === null ? UNCHANGED : some((a as unknown[]).map((x) => item(undefined, x)))),
  );
}
