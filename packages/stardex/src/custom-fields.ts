/**
 * The project's model of Stardex custom field values (assumed: the public GET docs show none, see
 * specs/stardex.yaml `CustomFieldValue` and /work/shared/providers/stardex.md) and how each kind is
 * written as one `custom_fields[]` PATCH item. Every assumption about custom fields lives in this file.
 */
import {
  deepEqual,
  deltaOps,
  type Equality,
  issue,
  sameDay,
  sameNumber,
  shortest,
  type ValidationIssue,
  validate,
} from "@patchwise/diff";
import { date, dateTime, uri } from "@patchwise/diff/keywords";
import type { StardexCustomFieldPatch, StardexCustomFieldValue, StardexPerson } from "./generated/schema.ts";

type DataType = StardexCustomFieldValue["data_type"];

/** The read key that holds a kind's value, and how two values of a scalar kind compare. */
type Kind =
  | { carrier: "value"; equals: Equality }
  | { carrier: "values"; add: "add_values"; remove: "remove_values" }
  | { carrier: "team_member_ids"; add: "add_team_member_ids"; remove: "remove_team_member_ids" };

const exact: Equality = (a, b) => a === b;

/**
 * Each `data_type` of the read model (assumed), with the PATCH operations that write it (assumed).
 * @example CUSTOM_FIELD_KINDS["multi-select"].carrier // "values": the read key holding its tag names
 */
export const CUSTOM_FIELD_KINDS: Readonly<Record<DataType, Kind>> = {
  text: { carrier: "value", equals: exact },
  number: { carrier: "value", equals: sameNumber }, // "42" equals "42.0"
  date: { carrier: "value", equals: sameDay }, // "2030-01-02" equals "2030-01-02T09:00:00Z"
  url: { carrier: "value", equals: exact },
  "single-select": { carrier: "value", equals: exact }, // the tag NAME, never its UUID
  "multi-select": { carrier: "values", add: "add_values", remove: "remove_values" }, // tag NAMES
  "team-member": { carrier: "team_member_ids", add: "add_team_member_ids", remove: "remove_team_member_ids" },
};

/**
 * The data types of the read model, in the spec's order.
 * @example CUSTOM_FIELD_DATA_TYPES.includes("team-member") // true
 */
const CUSTOM_FIELD_DATA_TYPES = Object.keys(CUSTOM_FIELD_KINDS) as DataType[];

/** The numeric strings `sameNumber` compares by value. */
const NUMERIC = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
/** A zoneless ISO timestamp, which `sameDay` reads as its own date. */
const LOCAL_TIMESTAMP = /^\d{4}-\d\d-\d\d[Tt ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?$/;
/** One schema per format, made once: the validator reads each schema object once. */
const FORMAT_SCHEMAS = {
  date: { keywords: { date }, format: "date" },
  "date-time": { keywords: { "date-time": dateTime }, format: "date-time" },
  uri: { keywords: { uri }, format: "uri" },
};
const valid = (format: keyof typeof FORMAT_SCHEMAS, v: string) => !validate(FORMAT_SCHEMAS[format], v).length;

/**
 * What a scalar kind's `value` must be for the API to take it (assumed with the model), as the limit,
 * what it must be and its check: a finite number, a date or ISO timestamp, a uri. A value outside it is
 * a validation issue, never sent.
 * @example VALUE_FORMATS.number?.[2]("n/a") // false
 */
const VALUE_FORMATS: Partial<
  Record<DataType, [limit: string, expected: string, valid: (v: string) => boolean]>
> = {
  number: ["number", "a finite number", (v) => NUMERIC.test(v) && Number.isFinite(Number(v))],
  date: [
    "date",
    "a date (YYYY-MM-DD) or an ISO timestamp",
    (v) =>
      valid("date", v) || valid("date-time", v) || (LOCAL_TIMESTAMP.test(v) && valid("date", v.slice(0, 10))),
  ],
  url: ["uri", "a valid uri", (v) => valid("uri", v)],
};

const kindOf = (field: StardexCustomFieldValue): Kind | undefined =>
  Object.hasOwn(CUSTOM_FIELD_KINDS, field.data_type) ? CUSTOM_FIELD_KINDS[field.data_type] : undefined;

/** The field's value in its kind's carrier: `undefined` when the item leaves it out, `null` or `[]` when empty. */
const carried = (field: StardexCustomFieldValue, kind: Kind): unknown => field[kind.carrier];

const isEmpty = (v: unknown): boolean => v == null || (Array.isArray(v) && v.length === 0);

const clearAll = (attribute_id: string): StardexCustomFieldPatch => ({ attribute_id, clear_all: true });

/**
 * The one PATCH item that turns `before` (absent when the person has no value for the attribute) into
 * `after`, or `undefined` when they are the same state, when `after` leaves its value out, or when the
 * data type differs (a validation issue, see `customFieldIssues`). Scalar kinds send `value`; multi-select
 * and team-member fields send only the difference (`add_*` / `remove_*`); a field emptied entirely sends
 * `clear_all: true` (the shorter JSON).
 * @example
 * customFieldOp(
 *   { attribute_id: id, data_type: "multi-select", values: ["Remote", "Fintech"] },
 *   { attribute_id: id, data_type: "multi-select", values: ["Remote", "Banking"] },
 * ); // { attribute_id: id, add_values: ["Banking"], remove_values: ["Fintech"] }
 */
export function customFieldOp(
  before: StardexCustomFieldValue | undefined,
  after: StardexCustomFieldValue,
): StardexCustomFieldPatch | undefined {
  const kind = kindOf(after);
  if (!kind || (before && before.data_type !== after.data_type)) return undefined;
  const a = carried(after, kind);
  if (a === undefined) return undefined; // the desired item does not manage the value: leave it as is
  const b = before ? carried(before, kind) : undefined;
  const { attribute_id } = after;
  if (kind.carrier === "value") {
    if (isEmpty(a)) return isEmpty(b) ? undefined : clearAll(attribute_id);
    if (!isEmpty(b) && kind.equals(b, a)) return undefined;
    return { attribute_id, value: a as string };
  }
  const delta = deltaOps(b as string[] | null | undefined, a as string[] | null, kind.add, kind.remove);
  if (!delta) return undefined;
  const op: StardexCustomFieldPatch = { attribute_id, ...delta };
  return isEmpty(a) ? shortest(op, clearAll(attribute_id)) : op;
}

/**
 * The item that empties `before`, used when the desired record's `custom_fields` is `null`; `undefined`
 * when it is already empty.
 * @example clearCustomField({ attribute_id: id, data_type: "text", value: "x" }) // { attribute_id: id, clear_all: true }
 */
export function clearCustomField(before: StardexCustomFieldValue): StardexCustomFieldPatch | undefined {
  const kind = kindOf(before);
  return kind && isEmpty(carried(before, kind)) ? undefined : clearAll(before.attribute_id);
}

/**
 * What the desired custom fields break: a `data_type` outside the model ("enum") or different from the
 * stored one ("data-type", the limit being the stored type: an attribute's kind is fixed by its
 * definition, so a change means the desired record is wrong), and a number, date or url value to be sent
 * that its kind cannot hold ("format", see `VALUE_FORMATS`; checked only when `sent`, i.e. the body
 * carries custom fields). Paths index `after.custom_fields`.
 * @example
 * customFieldIssues(before, { ...before, custom_fields: [{ attribute_id: id, data_type: "text", value: "x" }] });
 * // [{ path: "custom_fields[0].data_type", rule: "data-type", limit: "multi-select", ... }]
 */
export function customFieldIssues(
  before: StardexPerson,
  after: StardexPerson,
  sent = true,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const fields = after.custom_fields ?? [];
  if (!fields.length) return issues;
  const had = before.custom_fields ?? [];
  // The stored attributes in the stored order and types need no look-up (a repeated attribute is
  // then repeated in after too: the rule's "duplicate-key" issue).
  const stored =
    had.length === fields.length &&
    fields.every((f, i) => f.attribute_id === had[i]?.attribute_id && f.data_type === had[i].data_type)
      ? undefined
      : new Map(had.map((f) => [f.attribute_id, f]));
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    const known = kindOf(field);
    const was = stored ? stored.get(field.attribute_id) : had[i];
    // Paths and excerpts are built only for an issue: most fields have none.
    if (!known || (was !== undefined && was.data_type !== field.data_type)) {
      const path = `custom_fields[${i}].data_type`;
      const got = JSON.stringify(field.data_type);
      const list = CUSTOM_FIELD_DATA_TYPES.map((t) => JSON.stringify(t)).join(", ");
      issues.push(
        known
          ? issue(
              path,
              "data-type",
              `must stay ${was!.data_type}, the attribute's data type`,
              was!.data_type,
              got,
            )
          : issue(path, "enum", `must be one of ${list}`, list, got),
      );
      continue;
    }
    // Only a value that would be sent: a stored one left as it is never blocks an update.
    if (!sent || (was !== undefined && deepEqual(was, field))) continue;
    const format = VALUE_FORMATS[field.data_type];
    const value = format && customFieldOp(was, field)?.value;
    if (format && value !== undefined && !format[2](value)) {
      const expected = `must be ${format[1]} (clear a field with null)`;
      issues.push(
        issue(`custom_fields[${i}].value`, "format", expected, format[0], JSON.stringify(value), value),
      );
    }
  }
  return issues;
}
