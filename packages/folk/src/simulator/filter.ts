/**
 * The `filter[attribute][operator]=value` query of `GET /v1/people` (specs/folk.yaml `PersonFilter`):
 * parsed from the query string, checked against the attribute's operators, and matched against read
 * people. Conditions combine with `combinator` (`and` by default).
 */
import type { FolkCustomFieldDefinition, FolkPerson, FolkValidationIssue } from "../generated/schema.ts";

/** One `filter[attribute][operator]` condition; a set (`in[id]`, `in[email]`) keeps its keys. */
export interface Condition {
  attribute: string;
  operator: string;
  value: string | string[] | Record<string, string[]>;
}

/** A condition ready to run on a person. */
export type Matcher = (person: FolkPerson) => boolean;

const TEXT = ["fullName", "firstName", "lastName", "jobTitle", "description"] as const;
const LISTS = ["emails", "phones", "urls", "addresses"] as const;
const TEXT_OPS = ["eq", "not_eq", "like", "not_like", "empty", "not_empty"];
const REFERENCE_OPS = ["in", "not_in", "empty", "not_empty"];
/** Operators of a custom field by its type (FilterCondition: text ops, `gt` for numbers and dates, sets for the rest). */
const CUSTOM_OPS: Record<FolkCustomFieldDefinition["type"], string[]> = {
  textField: TEXT_OPS,
  magicField: TEXT_OPS,
  numericField: ["gt", "empty", "not_empty"],
  dateField: ["gt", "empty", "not_empty"],
  singleSelect: REFERENCE_OPS,
  multipleSelect: REFERENCE_OPS,
  userField: REFERENCE_OPS,
  contactField: REFERENCE_OPS,
  objectField: REFERENCE_OPS,
};

const KEY = /^filter\[([^\]]*)\]\[([^\]]*)\](?:\[([^\]]*)\])?$/;

/** The conditions of a query string, or the issue of a `filter…` parameter that is not of the form. */
export function parseFilter(query: URLSearchParams): {
  conditions: Condition[];
  issues: FolkValidationIssue[];
} {
  const conditions = new Map<string, Condition>();
  const issues: FolkValidationIssue[] = [];
  for (const name of new Set(query.keys())) {
    if (name !== "filter" && !name.startsWith("filter[")) continue;
    const m = KEY.exec(name);
    if (!m) {
      issues.push({
        path: ["filter"],
        message: `Expected filter[attribute][operator], got ${name}`,
        code: "custom",
      });
      continue;
    }
    const [, attribute = "", operator = "", set] = m;
    const values = query.getAll(name);
    const id = `${attribute}\u0000${operator}`;
    const known = conditions.get(id);
    const value: Condition["value"] =
      set === undefined ? values : { ...(known?.value as object), [set]: values };
    if (known && (set === undefined || Array.isArray(known.value))) {
      issues.push({
        path: ["filter", attribute, operator],
        message: "Expected a value or a set, not both",
        code: "custom",
      });
      continue;
    }
    const condition: Condition = { attribute, operator, value };
    conditions.set(id, condition);
  }
  return { conditions: [...conditions.values()], issues };
}

/** What the filter needs to know of the workspace. */
export interface FilterContext {
  field(groupId: string, name: string): FolkCustomFieldDefinition | undefined;
}

const lower = (s: string) => s.toLowerCase();
const single = (v: Condition["value"]) => (Array.isArray(v) && v.length === 1 ? v[0] : undefined);

/**
 * A matcher for one condition, or the issue that makes it invalid (422): an unknown attribute or
 * custom field, an operator the attribute does not take, a value of the wrong form.
 */
export function matcher(c: Condition, ctx: FilterContext): Matcher | FolkValidationIssue {
  const path = ["filter", c.attribute, c.operator];
  const bad = (message: string): FolkValidationIssue => ({ path, message, code: "custom" });
  const ops = operatorsOf(c.attribute, ctx);
  if (typeof ops === "string") return bad(ops);
  if (!ops.ops.includes(c.operator)) {
    return bad(
      `Operator "${c.operator}" is not supported for ${c.attribute} (supported: ${ops.ops.join(", ")})`,
    );
  }
  const { read, type } = ops;
  if (c.operator === "empty" || c.operator === "not_empty") {
    const want = c.operator === "empty";
    return (p) => isEmpty(read(p)) === want;
  }
  if (c.operator === "in" || c.operator === "not_in") {
    const negate = c.operator === "not_in";
    const set = setOf(c.value, type);
    if (typeof set === "string") return bad(set);
    return (p) => set(read(p)) !== negate;
  }
  const value = single(c.value);
  if (value === undefined) return bad("Expected a single value");
  if (c.operator === "gt") {
    if (type === "numericField") {
      const bound = Number(value);
      if (!value.trim() || !Number.isFinite(bound)) return bad(`Expected a number, got "${value}"`);
      return (p) => {
        const v = read(p);
        return typeof v === "string" && Number(v) > bound;
      };
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return bad(`Expected a date (YYYY-MM-DD), got "${value}"`);
    return (p) => {
      const v = read(p);
      return typeof v === "string" && v > value;
    };
  }
  // Text: any item of a list may match. `eq` is exact, but for emails, which Folk compares without case
  // (assumed); `like` is "contains", without case (assumed).
  const exact =
    c.attribute === "emails" ? (s: string) => lower(s) === lower(value) : (s: string) => s === value;
  const test = c.operator.endsWith("like") ? (s: string) => lower(s).includes(lower(value)) : exact;
  const negate = c.operator.startsWith("not_");
  return (p) => {
    const v = read(p);
    const items = Array.isArray(v) ? v : typeof v === "string" ? [v] : [];
    return items.some((s) => typeof s === "string" && test(s)) !== negate;
  };
}

type Reader = (p: FolkPerson) => unknown;

/** The operators an attribute takes and how to read it from a person, or why it cannot be filtered on. */
function operatorsOf(
  attribute: string,
  ctx: FilterContext,
): { ops: string[]; read: Reader; type?: string } | string {
  if ((TEXT as readonly string[]).includes(attribute) || (LISTS as readonly string[]).includes(attribute)) {
    return { ops: TEXT_OPS, read: (p) => p[attribute as (typeof TEXT)[number]] };
  }
  if (attribute === "birthday") return { ops: ["gt"], read: (p) => p.birthday };
  if (attribute === "companies" || attribute === "groups") {
    return { ops: REFERENCE_OPS, read: (p) => p[attribute], type: "reference" };
  }
  // `customFieldValues.<groupId>.<fieldName>`: the group id has no dot, the field name may.
  const m = /^customFieldValues\.([^.]+)\.(.+)$/.exec(attribute);
  if (!m) return `Unknown filter attribute "${attribute}"`;
  const [, groupId = "", name = ""] = m;
  const def = ctx.field(groupId, name);
  if (!def) return `Unknown custom field "${name}" of group ${groupId}`;
  return {
    ops: CUSTOM_OPS[def.type],
    read: (p) => p.customFieldValues[groupId]?.[name] ?? null,
    type: def.type,
  };
}

function isEmpty(v: unknown): boolean {
  return v == null || v === "" || (Array.isArray(v) && v.length === 0);
}

/**
 * The test of an `in` set against a value as read: labels for select fields (`filter[f][in]=A&…`), or
 * `{ id }` (and `{ email }` for users) for references.
 */
function setOf(value: Condition["value"], type: string | undefined): ((v: unknown) => boolean) | string {
  if (type === "singleSelect" || type === "multipleSelect") {
    if (!Array.isArray(value)) return "Expected a list of option labels";
    const labels = new Set(value);
    return (v) => (Array.isArray(v) ? v : [v]).some((x) => typeof x === "string" && labels.has(x));
  }
  if (Array.isArray(value) || typeof value === "string")
    return "Expected a set: in[id] (or in[email] for users)";
  const ids = new Set(value.id ?? []);
  const emails = new Set((value.email ?? []).map(lower));
  const unknown = Object.keys(value).filter((k) => k !== "id" && k !== "email");
  if (unknown.length) return `Unknown set key ${unknown.join(", ")} (expected id or email)`;
  return (v) =>
    Array.isArray(v) &&
    v.some(
      (x: { id?: unknown; email?: unknown }) =>
        ids.has(String(x.id)) || (typeof x.email === "string" && emails.has(lower(x.email))),
    );
}
