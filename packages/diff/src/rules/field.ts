import { deepEqual } from "../equal.ts";
import { type DiffContext, type FieldRule, UNCHANGED } from "../types.ts";

/**
 * The shape every built-in rule shares: it reads one key of each record; a key absent from after, or
 * deep-equal in both, sends nothing. `change` sees the two field values otherwise; `value` gives the full
 * write value of a present field.
 * @example
 * // A rule that sends the after value whenever it differs:
 * fieldRule("set", "name", (_b, a) => a, (a) => a)
 */
export function fieldRule(
  kind: string,
  key: PropertyKey,
  change: (b: unknown, a: unknown, ctx: DiffContext, before: unknown, after: unknown) => unknown,
  value: (a: unknown, record: unknown) => unknown,
): FieldRule<unknown, unknown> {
  const get = (record: unknown) => (record as Record<PropertyKey, unknown>)[key];
  return {
    kind,
    diff(before, after, ctx) {
      const a = get(after);
      const b = get(before);
      return a === undefined || deepEqual(a, b) ? UNCHANGED : change(b, a, ctx, before, after);
    },
    value(record) {
      const a = get(record);
      return a === undefined ? UNCHANGED : value(a, record);
    },
  };
}
