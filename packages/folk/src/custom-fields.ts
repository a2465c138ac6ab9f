import { deepEqual, sameDay } from "@patchwise/diff";
import type {
  FolkCustomFieldValue,
  FolkCustomFieldValueInput,
  FolkCustomFieldValues,
  FolkEmailRef,
  FolkEntityRef,
  FolkIdRef,
  FolkUser,
} from "./generated/schema.ts";

/**
 * A custom field value in a desired record: the read form (`"42"`, `[{ id, fullName, email }]`) or the
 * write form (`42`, `[{ id }]`, `[{ email }]`), references of both forms mixed in one list. `null`, `""`
 * and `[]` all mean "no value".
 * @example const owner: FolkCustomFieldValueDesired = [{ id: "usr_c3606e3b-0a92-4849-90e5-88a8d3f388d6" }, { email: "jane@example.com" }];
 */
export type FolkCustomFieldValueDesired =
  | FolkCustomFieldValue
  | FolkCustomFieldValueInput
  | (FolkUser | FolkEntityRef | FolkIdRef | FolkEmailRef)[];

/**
 * Desired custom field values, keyed by group id, then by field name. A `null` group unsets every field
 * of that group; fields not named are left as they are.
 * @example const values: FolkCustomFieldValuesDesired = { "grp_5fa60242-0756-4e31-8cca-30c2c5ff1ac2": { Stage: "Offer", Score: 8 } };
 */
export type FolkCustomFieldValuesDesired = {
  [groupId: string]: { [fieldName: string]: FolkCustomFieldValueDesired } | null;
};

type Ref = { id?: unknown; email?: unknown };

const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;
// A timestamp with a zone, as `sameDay` reads it: its UTC day is well defined.
const ZONED_TIME = /^\d{4}-\d{2}-\d{2}.+(?:[zZ]|[+-]\d\d:?\d\d)$/;
const NUMERIC = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

const isString = (v: unknown): v is string => typeof v === "string";
const isRef = (v: unknown): v is Ref => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * True for the values Folk treats as "no value": `null` (what an unset field reads as), and `[]`, which
 * the PATCH page accepts to unset a field. `""` counts too (assumed: an emptied text holds no value).
 * @example isUnset([]) // true
 */
function isUnset(v: unknown): boolean {
  return v == null || v === "" || (Array.isArray(v) && v.length === 0);
}

/**
 * The UTC day of a zoned timestamp (`"1990-01-01T23:00:00-05:00"` → `"1990-01-02"`), as `sameDay`
 * compares; any other value unchanged (so the validation table reports what is not a date).
 * @example toDay("1990-06-15T09:00:00Z") // "1990-06-15"
 */
export function toDay(v: string): string {
  if (!ZONED_TIME.test(v)) return v;
  const t = Date.parse(v);
  return Number.isNaN(t) ? v : new Date(t).toISOString().slice(0, 10);
}

const asNumber = (v: unknown): number =>
  typeof v === "number" ? v : typeof v === "string" && NUMERIC.test(v) ? Number(v) : Number.NaN;

/** Users by id, else by email (case-insensitive, assumed: Folk finds a workspace user by email). */
function sameRef(x: Ref, y: Ref): boolean {
  if (isString(x.id) && isString(y.id)) return x.id === y.id;
  return isString(x.email) && isString(y.email) && x.email.toLowerCase() === y.email.toLowerCase();
}

/** Every reference of `x` matches one of `y`. */
const covers = (x: readonly Ref[], y: readonly Ref[]) => x.every((a) => y.some((b) => sameRef(a, b)));

/** The same set of references: every item of one side matches an item of the other, order ignored. */
const sameRefs = (x: readonly Ref[], y: readonly Ref[]) => covers(x, y) && covers(y, x);

const sameLabels = (x: readonly string[], y: readonly string[]) => {
  const a = new Set(x);
  const b = new Set(y);
  return a.size === b.size && [...a].every((v) => b.has(v));
};

/**
 * Whether two custom field values (read or write form) are the same state, without knowing the field's
 * type: "no value" forms are equal; a number equals a numeric string of the same value (`42` vs the
 * read-back `"42"`; two strings compare exactly, so a text `"007"` differs from `"7"`); a plain date
 * equals a timestamp on that UTC day; label lists compare as sets; user, contact and object references
 * compare as sets by id (users without id by email), whatever else the read form carries.
 * @example sameCustomFieldValue([{ id: "usr_1", fullName: "Jane", email: "j@x.io" }], [{ email: "J@x.io" }]) // true
 */
export function sameCustomFieldValue(before: unknown, after: unknown): boolean {
  if (isUnset(before) || isUnset(after)) return isUnset(before) && isUnset(after);
  if (typeof before === "number" || typeof after === "number") return asNumber(before) === asNumber(after);
  if (isString(before) && isString(after)) {
    if (before === after) return true;
    return (PLAIN_DATE.test(before) || PLAIN_DATE.test(after)) && sameDay(before, after);
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    if (before.every(isString) && after.every(isString)) return sameLabels(before, after);
    if (before.every(isRef) && after.every(isRef)) return sameRefs(before, after);
  }
  return deepEqual(before, after);
}

/** A reference in write form: `{ id }`, else `{ email }` (userField); anything else as it is, for validation to name. */
function toRefInput(v: unknown): unknown {
  if (!isRef(v)) return v;
  if (isString(v.id)) return { id: v.id };
  if (isString(v.email)) return { email: v.email };
  return v;
}

/**
 * The write form of a desired custom field value: `null` for "no value", labels without duplicates,
 * references as `{ id }` (or `{ email }` for a user without id); strings and numbers as they are.
 * @example toCustomFieldInput([{ id: "per_1", fullName: "Bob", entityType: "person" }]) // [{ id: "per_1" }]
 */
export function toCustomFieldInput(v: FolkCustomFieldValueDesired): FolkCustomFieldValueInput {
  if (isUnset(v)) return null;
  if (!Array.isArray(v)) return v;
  // Labels and references alike: the first of each JSON form (a label is its own write form).
  const seen = new Set<string>();
  return v.map(toRefInput).filter((ref) => {
    const key = JSON.stringify(ref);
    return !seen.has(key) && seen.add(key);
  }) as FolkCustomFieldValueInput;
}

/**
 * Both records' custom field values in the form the merge rule compares: every "no value" leaf as `null`
 * (so `""`/`[]` against `null` is no change), and a desired timestamp as its UTC day where the current
 * value is a plain date (a dateField: Folk takes `YYYY-MM-DD`).
 * @example normaliseCustomFieldValues({ g: { Due: "2030-01-02" } }, { g: { Due: "2030-01-02T08:00:00Z", Tags: [] } })
 * // [{ g: { Due: "2030-01-02" } }, { g: { Due: "2030-01-02", Tags: null } }]
 */
export function normaliseCustomFieldValues<T extends FolkCustomFieldValuesDesired | FolkCustomFieldValues>(
  before: T | null | undefined,
  after: T | null | undefined,
): [T | null | undefined, T | null | undefined] {
  const b = mapLeaves(before, (v) => (isUnset(v) ? null : v));
  const a = mapLeaves(after, (v, group, field) => {
    if (isUnset(v)) return null;
    const current = (b as FolkCustomFieldValuesDesired | null | undefined)?.[group]?.[field];
    // The same string as stored needs no rewrite: a plain date is its own day.
    return isString(v) && v !== current && isString(current) && PLAIN_DATE.test(current) ? toDay(v) : v;
  });
  return [b, a];
}

/**
 * A two-level map with each leaf replaced, copied only where a leaf changes (the map itself when none
 * does); null and absent maps, groups and leaves kept as they are.
 */
function mapLeaves<T>(
  map: T | null | undefined,
  f: (v: unknown, group: string, field: string) => unknown,
): T | null | undefined {
  if (map == null) return map;
  let out: Record<string, unknown> | undefined;
  for (const group of Object.keys(map)) {
    const fields = (map as Record<string, Record<string, unknown> | null>)[group];
    if (fields == null || typeof fields !== "object") continue;
    let copy: Record<string, unknown> | undefined;
    for (const field of Object.keys(fields)) {
      const v = fields[field];
      const w = v === undefined ? v : f(v, group, field);
      if (w === v) continue;
      copy ??= { ...fields };
      copy[field] = w;
    }
    if (!copy) continue;
    out ??= { ...map };
    out[group] = copy;
  }
  return (out ?? map) as T;
}
