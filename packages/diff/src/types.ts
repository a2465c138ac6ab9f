import type { ObjectSchema, ValidationIssue } from "./validate.ts";

/**
 * Returned by a rule when there is nothing to send for its field (one symbol across copies of the package).
 * @example const rule: FieldRule<{ a: string }, string> = { kind: "never", diff: () => UNCHANGED };
 */
export const UNCHANGED: unique symbol = Symbol.for("patchwise.unchanged");

/** What every rule sees besides the two records. */
export interface DiffContext {
  /** "Today" for date rules. */
  now: Date;
  /** The PATCH field being diffed: the path of the issues a rule reports. */
  field: string;
  /** Issues found while diffing (e.g. "not-nullable"); `diff()` throws them with the validation issues. */
  issues: ValidationIssue[];
}

/** Computes one PATCH body field (write shape `W`) from two whole records in read shape. */
export interface FieldRule<Read, W> {
  /** "scalar", "replace-list", ...: for docs, debugging and errors. */
  readonly kind: string;
  /** The value to send for this field, or `UNCHANGED`. */
  diff(before: Read, after: Read, ctx: DiffContext): W | typeof UNCHANGED;
  /** The full write value of the field in `record` (used for companions), or `UNCHANGED` when it has none. */
  value?(record: Read): W | typeof UNCHANGED;
}

/** One rule per PATCH body field: a missing field or a field the PATCH type lacks fails to compile. */
export type RuleTable<Read, Patch> = {
  [K in keyof Patch]-?: FieldRule<Read, Exclude<Patch[K], undefined>>;
};

/** "When `field` is sent, `requires` must be sent too, with its full value" (Folk: customFieldValues needs groups). */
export interface Companion<Patch> {
  field: keyof Patch & string;
  requires: keyof Patch & string;
}

/** Everything `diff()` needs to know about one resource. */
export interface ResourceSpec<Read, Patch> {
  fields: RuleTable<Read, Patch>;
  /** Applied after all fields are diffed, in this order (so one can satisfy the next). */
  companions?: readonly Companion<Patch>[];
  /** The PATCH body's validation table. */
  schema?: ObjectSchema;
  /** The provider's cross-field rules. */
  check?: (body: Patch, before: Read, after: Read) => ValidationIssue[];
}

export interface DiffOptions {
  /** "Today" for future-date checks; default `new Date()`. */
  now?: Date;
}

export interface DiffResult<Patch> {
  body: Patch;
  /** True when `body` has no keys: there is nothing to send. */
  noop: boolean;
  /** The body's keys, in rule-table order. */
  changed: (keyof Patch & string)[];
}

/** Keys of `R` whose (non-null) values are assignable to `T`. */
export type KeysOf<R, T> = { [P in keyof R]-?: NonNullable<R[P]> extends T ? P : never }[keyof R];

/** The element type of a (nullable) list type. */
export type ItemOf<T> = NonNullable<T> extends readonly (infer I)[] ? I : never;
