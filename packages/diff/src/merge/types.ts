/** Which side a conflict's merged value takes: `fail` collects the conflicts and throws. */
export type Prefer = "desired" | "current" | "fail";

/** A field changed on both sides to values that differ: reported whichever side the policy keeps. */
export interface Conflict {
  /** Where: `jobTitle`, `emails[0]` (the primary item), `customFieldValues.grp_1.Stage`, `custom_fields[attr_1].value`. */
  field: string;
  /** The value when the sync last saw or wrote the record. */
  base: unknown;
  /** The value the provider holds now (someone else's edit). */
  current: unknown;
  /** The value the source of truth asks for. */
  desired: unknown;
  /** The side the merged record takes (`fail` throws before anything is sent). */
  kept: "desired" | "current";
}

/** What a field merge sees besides the three values. */
export interface MergeContext {
  /** The PATCH field being merged: the root of conflict paths. */
  field: string;
  /**
   * Current and desired hold the same state by the field's rule. Only a guide for values replaced
   * whole: a rule may read other keys (Folk's custom values: the groups), which the merge may change.
   */
  agree: boolean;
  /** Records a conflict at `path` and says which side to keep. */
  conflict(path: string, base: unknown, current: unknown, desired: unknown): "desired" | "current";
}

/** Returned by a merge when the field (or an entry of it) is left as the provider holds it. */
export const KEEP: unique symbol = Symbol.for("patchwise.keep");

/**
 * How `diff3` merges one PATCH field when both sides changed it (by the field's rule): reads `key` of
 * the three records and returns the merged read value, or `KEEP` to leave current's as it is.
 */
export interface FieldMerge {
  /** "value", "list", "keyed-list", "entries": for docs, debugging and the tests' oracle. */
  readonly kind: string;
  /** The read key the field's rule reads. */
  readonly key: string;
  merge(base: unknown, current: unknown, desired: unknown, ctx: MergeContext): unknown;
}
