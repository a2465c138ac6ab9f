import { type FieldMerge, KEEP } from "./types.ts";

/**
 * A value replaced whole (scalars, nullable fields, objects sent whole): when both sides changed it to
 * values that differ (by the field's rule) it is a conflict at the field, settled by the policy.
 * @example mergeValue("jobTitle")
 */
export function mergeValue(key: string): FieldMerge {
  return {
    kind: "value",
    key,
    merge: (b, c, d, ctx) => (ctx.agree || ctx.conflict(ctx.field, b, c, d) === "desired" ? d : KEEP),
  };
}
