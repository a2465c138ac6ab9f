export { defineResource, diff } from "./diff.ts";
export { deepEqual, type Equality, sameDay, sameInstant, sameNumber } from "./equal.ts";
export { PatchValidationError } from "./errors.ts";
export { type KeyedListOptions, keyedList } from "./rules/keyed-list.ts";
export { deltaOps, type SetDelta, setDelta, shortest } from "./rules/keyed-ops.ts";
export { type MapLeaf, type MapPatch, mergeMap } from "./rules/merge-map.ts";
export { replaceList } from "./rules/replace-list.ts";
export { replaceObject } from "./rules/replace-object.ts";
export { nullable, scalar } from "./rules/scalar.ts";
export { type WriteOnlyRule, writeOnly } from "./rules/write-only.ts";
export {
  type Companion,
  type DiffContext,
  type DiffOptions,
  type DiffResult,
  type FieldRule,
  type ItemOf,
  type KeysOf,
  type ResourceSpec,
  type RuleTable,
  UNCHANGED,
} from "./types.ts";
export {
  type CheckContext,
  excerpt,
  issue,
  type Keyword,
  type Keywords,
  type ObjectSchema,
  type SchemaType,
  type ValidateOptions,
  type ValidationIssue,
  validate,
} from "./validate.ts";
