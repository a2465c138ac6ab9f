/**
 * How the simulator stores custom field values and applies `custom_fields[]` PATCH items, by the
 * project's reading of the operation names (assumed, specs/stardex.yaml `CustomFieldPatch`; the same
 * reading as src/custom-fields.ts): `value` sets a text, number, date, url or single-select field;
 * `add_*` / `remove_*` change a multi-select or team-member field as a set; `clear_all` empties any
 * kind. A person holds only the attributes that have a value: an emptied one leaves the list.
 */
import { issue, type ValidationIssue, validate } from "@patchwise/diff";
import { keywords } from "@patchwise/diff/keywords";
import { CUSTOM_FIELD_KINDS } from "../custom-fields.ts";
import type { StardexCustomFieldPatch, StardexCustomFieldValue } from "../generated/schema.ts";
import type { StardexDataType, StardexFieldDefinition } from "./catalogue.ts";

/** A person's custom values by attribute id, in the order they were first set; never an empty one. */
export type StoredValues = Map<string, StardexCustomFieldValue>;

/** What the checks look names up in. */
export interface CustomFieldLookup {
  definition(attributeId: string): StardexFieldDefinition | undefined;
  isTeamMember(id: string): boolean;
}

/** The numeric strings `sameNumber` of @patchwise/diff compares by value: nothing else is a number. */
const NUMERIC = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
const DAY = /^\d{4}-\d\d-\d\d$/;
const ZONED = /(?:[zZ]|[+-]\d\d:?\d\d)$/;

const isNumber = (v: string) => NUMERIC.test(v) && Number.isFinite(Number(v));
const LOCAL_TIMESTAMP = /^(\d{4}-\d\d-\d\d)[Tt ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?$/;
/** A day, an RFC 3339 date-time, or a zoneless ISO timestamp on a real day (read as its own date). */
const isDate = (v: string) =>
  !validate({ keywords, format: "date" }, v).length ||
  !validate({ keywords, format: "date-time" }, v).length ||
  (LOCAL_TIMESTAMP.test(v) && !validate({ keywords, format: "date" }, v.slice(0, 10)).length);
const isUri = (v: string) => !validate({ keywords, format: "uri" }, v).length;

/**
 * A scalar value as the simulator stores it (assumed, the vendor shows none): a number in its shortest
 * form (`"42.0"` → `"42"`, `"-0"` → `"0"`), a date as its `YYYY-MM-DD` day (a zoned timestamp its UTC
 * day, as a date column keeps it; a zoneless one its own date), any other kind as given.
 * @example storedScalar("date", "2030-01-02T23:00:00-05:00") // "2030-01-03"
 */
function storedScalar(dataType: StardexDataType, value: string): string {
  if (dataType === "number" && isNumber(value)) return String(Number(value) + 0);
  if (dataType !== "date" || DAY.test(value) || value.length <= 10) return value;
  const t = ZONED.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(t) ? value.slice(0, 10) : new Date(t).toISOString().slice(0, 10);
}

/** The read key of a data type and the PATCH keys that write it. */
function opsOf(dataType: StardexDataType): readonly (keyof StardexCustomFieldPatch)[] {
  const kind = CUSTOM_FIELD_KINDS[dataType];
  return kind.carrier === "value" ? ["value"] : [kind.add, kind.remove];
}

const OP_KEYS = [
  "value",
  "add_values",
  "remove_values",
  "add_team_member_ids",
  "remove_team_member_ids",
] as const;

/**
 * A stored value from a read-shape item: only its kind's key, the scalar stored as `storedScalar`
 * stores it, the lists without repeats; `undefined` when empty.
 */
export function storedValue(field: StardexCustomFieldValue): StardexCustomFieldValue | undefined {
  const { attribute_id, data_type } = field;
  const { carrier } = CUSTOM_FIELD_KINDS[data_type];
  if (carrier === "value") {
    const v = field.value;
    return v == null ? undefined : { attribute_id, data_type, value: storedScalar(data_type, v) };
  }
  const list = [...new Set(field[carrier] ?? [])];
  return list.length ? { attribute_id, data_type, [carrier]: list } : undefined;
}

/**
 * What the simulator refuses in a `custom_fields` array the schema accepted: an unknown attribute, an
 * attribute twice, an operation of another kind (`value` on a multi-select), a value its kind cannot
 * hold (a number, date or url that does not parse; a select value that is not a tag NAME), an unknown
 * team member, `clear_all` with another operation, an element both added and removed. Paths index the body.
 */
export function customFieldIssues(
  items: readonly StardexCustomFieldPatch[],
  lookup: CustomFieldLookup,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  for (const [i, item] of items.entries()) {
    const at = `custom_fields[${i}]`;
    const id = item.attribute_id;
    const def = lookup.definition(id);
    if (!def) {
      const expected = "must be the id of a person custom field (GET /v1/custom-fields/persons)";
      issues.push(issue(`${at}.attribute_id`, "exists", expected, undefined, JSON.stringify(id), id));
      continue;
    }
    if (seen.has(id)) {
      issues.push(issue(at, "duplicate-key", "must name an attribute_id at most once", "attribute_id", id));
    }
    seen.add(id);
    const allowed = opsOf(def.data_type);
    for (const key of OP_KEYS) {
      if (item[key] === undefined || allowed.includes(key)) continue;
      const expected = `does not apply to a ${def.data_type} field (it takes ${allowed.join(" / ")} or clear_all)`;
      issues.push(issue(`${at}.${key}`, "data-type", expected, def.data_type, null));
    }
    const tags = def.tags.map((t) => t.name);
    const tagIssue = (path: string, name: string) => {
      const byId = def.tags.find((t) => t.id === name);
      const expected = byId
        ? `must be a tag NAME, not a tag id (this id is "${byId.name}")`
        : `must be one of ${tags.map((t) => JSON.stringify(t)).join(", ")}`;
      issues.push(issue(path, "enum", expected, tags.join(", "), JSON.stringify(name), name));
    };
    const value = allowed.includes("value") ? item.value : undefined;
    if (value !== undefined) {
      const path = `${at}.value`;
      const got = JSON.stringify(value);
      if (def.data_type === "number" && !isNumber(value))
        issues.push(issue(path, "format", "must be a finite number", "number", got, value));
      if (def.data_type === "date" && !isDate(value))
        issues.push(issue(path, "format", "must be a date or an ISO timestamp", "date", got, value));
      if (def.data_type === "url" && !isUri(value))
        issues.push(issue(path, "format", "must be a valid uri", "uri", got, value));
      if (def.data_type === "single-select" && !tags.includes(value)) tagIssue(path, value);
    }
    if (def.data_type === "multi-select") {
      for (const key of ["add_values", "remove_values"] as const) {
        for (const [j, name] of (item[key] ?? []).entries()) {
          if (!tags.includes(name)) tagIssue(`${at}.${key}[${j}]`, name);
        }
      }
    }
    if (def.data_type === "team-member") {
      for (const key of ["add_team_member_ids", "remove_team_member_ids"] as const) {
        for (const [j, member] of (item[key] ?? []).entries()) {
          if (lookup.isTeamMember(member)) continue;
          const expected = "must be the id of a team member";
          issues.push(issue(`${at}.${key}[${j}]`, "exists", expected, undefined, JSON.stringify(member)));
        }
      }
    }
    // Assumed: clear_all beside another operation, or an element both added and removed, needs an
    // order of application the docs do not give: refused rather than guessed.
    if (item.clear_all === true) {
      const others = OP_KEYS.filter((key) => item[key] !== undefined);
      if (others.length) {
        const expected = `cannot be combined with ${others.join(", ")} in one item`;
        issues.push(issue(`${at}.clear_all`, "conflict", expected, others.join(", "), null));
      }
    }
    for (const [add, remove] of [
      ["add_values", "remove_values"],
      ["add_team_member_ids", "remove_team_member_ids"],
    ] as const) {
      const added = new Set(item[add] ?? []);
      for (const [j, x] of (item[remove] ?? []).entries()) {
        if (!added.has(x)) continue;
        issues.push(issue(`${at}.${remove}[${j}]`, "conflict", `must not also be in ${add}`, add, x));
      }
    }
  }
  return issues;
}

/**
 * Applies checked `custom_fields` items to a person's values: per item, `clear_all: true` empties the
 * attribute, else `value` sets it or the set deltas change it; attributes not named are left as they are.
 */
export function applyCustomFields(
  stored: StoredValues,
  items: readonly StardexCustomFieldPatch[],
  lookup: CustomFieldLookup,
): void {
  for (const item of items) {
    const def = lookup.definition(item.attribute_id);
    if (!def) continue; // refused by customFieldIssues
    const { id: attribute_id, data_type } = def;
    const kind = CUSTOM_FIELD_KINDS[data_type];
    if (item.clear_all === true) stored.delete(attribute_id);
    if (kind.carrier === "value") {
      if (item.value !== undefined) {
        stored.set(attribute_id, { attribute_id, data_type, value: storedScalar(data_type, item.value) });
      }
      continue;
    }
    const add = item[kind.add];
    const remove = item[kind.remove];
    if (add === undefined && remove === undefined) continue;
    const set = new Set(stored.get(attribute_id)?.[kind.carrier] ?? []);
    for (const x of add ?? []) set.add(x);
    for (const x of remove ?? []) set.delete(x);
    if (set.size) stored.set(attribute_id, { attribute_id, data_type, [kind.carrier]: [...set] });
    else stored.delete(attribute_id);
  }
}
