import { diff } from "./diff.ts";
import type { Conflict, FieldMerge, MergeContext, Prefer } from "./merge/types.ts";
import { KEEP } from "./merge/types.ts";
import {
  type DiffContext,
  type DiffOptions,
  type DiffResult,
  type FieldRule,
  type ResourceSpec,
  UNCHANGED,
} from "./types.ts";

export { type EntriesMerge, mergeEntries } from "./merge/entries.ts";
export { type KeyedListMerge, mergeKeyed } from "./merge/keyed-list.ts";
export { type ListMerge, mergeList } from "./merge/list.ts";
export { type Conflict, type FieldMerge, KEEP, type MergeContext, type Prefer } from "./merge/types.ts";
export { mergeValue } from "./merge/value.ts";

/** One merge per PATCH body field (`null` for a field with no read state, such as a write-only one). */
export type MergeTable<Patch> = { [K in keyof Patch]-?: FieldMerge | null };

/** A resource's rules and how `diff3` merges each field. */
export interface ThreeWaySpec<Read, Patch> extends ResourceSpec<Read, Patch> {
  merge: MergeTable<Patch>;
}

/**
 * A resource's rules with how `diff3` merges each field: one merge per PATCH field (`null` where there
 * is no read state), so a field without one fails to compile. Mark this call and each merge call
 * `@__PURE__`, so that a bundle that never calls `diff3` drops them.
 * @example
 * export const personMerge = defineThreeWay(personRules, {
 *   name: mergeValue("name"),
 *   emails: mergeList("emails", { ordered: true }),
 *   enrich: null,
 * });
 */
export function defineThreeWay<Read, Patch>(
  spec: ResourceSpec<Read, Patch>,
  merge: MergeTable<Patch>,
): ThreeWaySpec<Read, Patch> {
  return { ...spec, merge };
}

/** The three records of a three-way diff, all in read shape (desired may leave keys out). */
export interface ThreeWay<Read> {
  /** The record as the sync last saw or wrote it. */
  base: Read;
  /** The record as the provider holds it now. */
  current: Read;
  /** The record as the source of truth wants it. */
  desired: Read;
}

export interface Diff3Options extends DiffOptions {
  /** Which side a conflict keeps (default `"desired"`); `"fail"` throws `MergeConflictError`. Either way it is reported. */
  prefer?: Prefer;
}

export interface Diff3Result<Patch, Read> extends DiffResult<Patch> {
  /** Fields both sides changed to values that differ, and the side kept. */
  conflicts: Conflict[];
  /** The PATCH fields both sides changed since base: merged item by item or entry by entry, or in agreement. */
  mergedFields: (keyof Patch & string)[];
  /**
   * The record the body writes onto current: desired, with each field both sides changed merged, and
   * each field only the other side changed left out (left as it is). `{ ...current, ...merged }` is the
   * record as the provider holds it after the PATCH: the next base.
   */
  merged: Read;
}

/**
 * Fields changed on both sides to different values, with `prefer: "fail"`: nothing may be sent.
 * @example
 * try { diff3(spec, records, { prefer: "fail" }) } catch (e) {
 *   if (e instanceof MergeConflictError) for (const c of e.conflicts) console.error(c.field, c.current, c.desired);
 * }
 */
export class MergeConflictError extends Error {
  override readonly name = "MergeConflictError";
  readonly conflicts: Conflict[];

  constructor(conflicts: Conflict[]) {
    const lines = conflicts.map(
      (c) => `${c.field}: base ${show(c.base)}, current ${show(c.current)}, desired ${show(c.desired)}`,
    );
    super(`Changed on both sides (prefer: "fail"):\n  ${lines.join("\n  ")}`);
    this.conflicts = conflicts;
  }
}

const show = (v: unknown) => (v === undefined ? "absent" : JSON.stringify(v));

/**
 * The smallest valid PATCH body that applies the sync's changes (base → desired) to what the provider
 * holds now (current), keeping the changes others made meanwhile: a field only one side changed takes
 * that side's value, lists add and remove only the items the sync added and removed, keyed lists and
 * merged maps merge per item and per entry. A field both sides changed to different values is a
 * conflict, settled by `prefer` and reported either way. The body obeys every rule of `diff()`
 * (companions, deltas, validity); with base equal to current it is `diff(spec, current, desired)`.
 * @example
 * const { body, conflicts, merged } = diff3(person, { base, current, desired }, { prefer: "current" });
 * // base emails [a], current [a, b] (added by hand), desired [c, a] → body.emails [c, a, b]
 */
export function diff3<Read, Patch>(
  spec: ThreeWaySpec<Read, Patch>,
  { base, current, desired }: ThreeWay<Read>,
  options: Diff3Options = {},
): Diff3Result<Patch, Read> {
  const rules = spec.fields as unknown as Record<string, FieldRule<Read, unknown>>;
  const merges = spec.merge as Record<string, FieldMerge | null>;
  const now = options.now ?? new Date();
  const prefer = options.prefer ?? "desired";
  const conflicts: Conflict[] = [];
  const mergedFields: string[] = [];
  const merged: Record<string, unknown> = { ...(desired as Record<string, unknown>) };
  const ctx: MergeContext = {
    field: "",
    agree: false,
    conflict(path, b, c, d) {
      const kept = prefer === "current" ? "current" : "desired";
      conflicts.push({ field: path, base: b, current: c, desired: d, kept });
      return kept;
    },
  };
  const done = new Set<string>();
  for (const field in merges) {
    const m = merges[field];
    const rule = rules[field];
    if (!m || !rule || done.has(m.key) || (desired as Record<string, unknown>)[m.key] === undefined) continue;
    done.add(m.key);
    // Changed as the two-way diff sees it; a value the rule refuses counts as a change, so that the
    // final diff reports it.
    const changed = (x: Read, y: Read) => {
      const c: DiffContext = { now, field, issues: [] };
      return rule.diff(x, y, c) !== UNCHANGED || c.issues.length > 0;
    };
    const ours = changed(base, desired);
    // Both ways: a rule that leaves absent entries alone does not see one removed the other way.
    const theirs = changed(base, current) || changed(current, base);
    if (!theirs) continue; // desired's value, as the two-way diff would send it
    if (!ours) {
      delete merged[m.key]; // only the other side changed it: leave it as it is
      continue;
    }
    ctx.field = field;
    ctx.agree = !changed(current, desired);
    const v = m.merge(
      (base as Record<string, unknown>)[m.key],
      (current as Record<string, unknown>)[m.key],
      merged[m.key],
      ctx,
    );
    mergedFields.push(field);
    if (v === KEEP) delete merged[m.key];
    else merged[m.key] = v;
  }
  if (prefer === "fail" && conflicts.length) throw new MergeConflictError(conflicts);
  const result = diff(spec, current, merged as Read, options);
  const fields = mergedFields as (keyof Patch & string)[];
  return { ...result, conflicts, mergedFields: fields, merged: merged as Read };
}
