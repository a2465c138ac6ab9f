import {
  type DiffOptions,
  type DiffResult,
  deepEqual,
  defineResource,
  diff,
  type FieldRule,
  issue,
  mergeMap,
  nullable,
  type ResourceSpec,
  replaceList,
  sameDay,
  scalar,
  UNCHANGED,
  type ValidationIssue,
} from "@patchwise/diff";
import {
  type FolkCustomFieldValuesDesired,
  normaliseCustomFieldValues,
  sameCustomFieldValue,
  toCustomFieldInput,
  toDay,
} from "./custom-fields.ts";
import type {
  FolkCompany,
  FolkCompanyRef,
  FolkGroup,
  FolkGroupRef,
  FolkPerson,
  FolkPersonPatch,
} from "./generated/schema.ts";
import { updatePersonBody } from "./generated/validation.ts";

type ListKey = "addresses" | "emails" | "phones" | "urls";

/**
 * A person as a sync service wants it: the read shape (`FolkPerson`, so a GET result is one) with every
 * key optional — absent means "leave as is" — plus what the write shape allows: `null` clears a list,
 * `birthday`, a name (sent as `""`) or custom values; groups and companies may be bare `{ id }`,
 * companies `{ name }`; custom values may be numbers and `{ id }` / `{ email }` references.
 * Read-only keys (`id`, `createdAt`, …) are accepted and ignored.
 * @example const desired: FolkPersonDesired = { ...person, jobTitle: "CTO", companies: [{ name: "Acme" }] };
 */
export type FolkPersonDesired = {
  [K in keyof FolkPerson]?: K extends "firstName" | "lastName"
    ? string | null
    : K extends ListKey
      ? FolkPerson[K] | null
      : K extends "groups"
        ? (FolkGroup | FolkGroupRef)[] | null
        : K extends "companies"
          ? (FolkCompany | FolkCompanyRef)[] | null
          : K extends "customFieldValues"
            ? FolkCustomFieldValuesDesired | null
            : FolkPerson[K];
};

type Desired = FolkPersonDesired;

/**
 * `rule` of the field `key`, run on both records as `prepare` rewrites them: read forms that mean the
 * same state are made equal before the rule compares them. Values deep-equal as read are the same
 * state as they are: nothing is rewritten for them (most pairs).
 */
function prepared<W>(
  key: keyof Desired,
  rule: FieldRule<Desired, W>,
  prepare: (before: Desired, after: Desired) => [Desired, Desired],
): FieldRule<Desired, W> {
  const prepare1 = (record: Desired) => prepare(record, record)[1];
  return {
    kind: rule.kind,
    diff: (before, after, ctx) =>
      deepEqual(before[key], after[key]) ? UNCHANGED : rule.diff(...prepare(before, after), ctx),
    ...(rule.value && { value: (record: Desired) => rule.value!(prepare1(record)) }),
  };
}

/** The write form of a company: `{ id }`, or `{ name }` (Folk creates it when no company has that name). */
const toCompanyRef = (c: FolkCompany | FolkCompanyRef): FolkCompanyRef =>
  "id" in c && c.id !== undefined ? { id: c.id } : { name: (c as { name: string }).name };

/**
 * A desired company given by name only takes the id of a current company with exactly that name, so
 * `{ name: "Acme" }` is no change for a person linked to Acme, and a change sends the id (assumed: Folk
 * would link the same company by name).
 */
function resolveCompanies(before: Desired, after: Desired): [Desired, Desired] {
  const wanted = after.companies;
  if (!wanted?.some((c) => !("id" in c))) return [before, after];
  const taken = new Set(wanted.flatMap((c) => ("id" in c ? [c.id] : [])));
  const companies = wanted.map((c) => {
    if ("id" in c) return c;
    const same = before.companies?.find(
      (b): b is FolkCompany => "id" in b && "name" in b && b.name === c.name && !taken.has(b.id),
    );
    if (!same) return c;
    taken.add(same.id);
    return { id: same.id, name: c.name };
  });
  return [before, { ...after, companies }];
}

function normaliseCustomFields(before: Desired, after: Desired): [Desired, Desired] {
  if (after.customFieldValues === undefined) return [before, after];
  const [b, a] = normaliseCustomFieldValues(before.customFieldValues, after.customFieldValues);
  const withValues = (r: Desired, v: typeof b): Desired =>
    v === undefined || v === r.customFieldValues ? r : { ...r, customFieldValues: v };
  return [withValues(before, b), withValues(after, a)];
}

/** The groups the person is in after the update: after's, or before's when after leaves them as they are. */
const groupsAfterUpdate = (after: Desired, before: Desired): ReadonlySet<string> =>
  new Set(((after.groups === undefined ? before.groups : after.groups) ?? []).map((g) => g.id));

/** The provider's cross-field rules that the validation table cannot express. */
function crossFieldIssues(body: FolkPersonPatch): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!body.customFieldValues) return issues;
  const groups = new Set(body.groups?.map((g) => g.id));
  for (const [groupId, fields] of Object.entries(body.customFieldValues)) {
    const path = `customFieldValues.${groupId}`;
    // PATCH page: "The group ids passed must also be provided in the groups field" (else 422).
    if (!groups.has(groupId)) issues.push(issue(path, "companion", "must also be in groups", "groups", null));
    for (const [field, v] of Object.entries(fields)) {
      // JSON has no NaN: JSON.stringify would send null, which unsets the field (±Infinity fail maximum).
      if (typeof v === "number" && Number.isNaN(v)) {
        issues.push(issue(`${path}.${field}`, "type", "must be a number", "number", "NaN"));
      }
    }
  }
  return issues;
}

/**
 * Folk's PATCH /v1/people/{personId} rules, one per body field, as data for `diff()` from
 * `@patchwise/diff`: list fields are replaced whole; `customFieldValues` merges per field, only for the
 * groups the person is in after the update, and always travels with the full `groups` list.
 * @example
 * import { diff } from "@patchwise/diff";
 * const { body } = diff(personRules, before, { ...before, emails: ["new@example.com", ...before.emails] });
 */
export const personRules: ResourceSpec<Desired, FolkPersonPatch> = defineResource<Desired, FolkPersonPatch>({
  fields: {
    // Not nullable: an empty string clears a name (x-patchwise-assumed in specs/folk.yaml).
    firstName: scalar("firstName", { clear: "" }),
    lastName: scalar("lastName", { clear: "" }),
    fullName: scalar("fullName"),
    description: scalar("description"),
    birthday: nullable("birthday", { equals: sameDay, map: toDay }),
    jobTitle: scalar("jobTitle"),
    // Replaced whole, written as { id }; membership is a set (assumed: the PATCH page names no primary group).
    groups: replaceList("groups", { ordered: false, item: (g) => ({ id: g.id }) }),
    // Replaced whole; the first company is the primary one.
    companies: prepared(
      "companies",
      replaceList("companies", { ordered: true, item: toCompanyRef }),
      resolveCompanies,
    ),
    // Replaced whole; the first item is the primary one, so a reorder is a change.
    addresses: replaceList("addresses", { ordered: true }),
    emails: replaceList("emails", { ordered: true }),
    phones: replaceList("phones", { ordered: true }),
    urls: replaceList("urls", { ordered: true }),
    // Merged per field (x-patchwise-assumed in specs/folk.yaml): only changed fields are sent.
    customFieldValues: prepared(
      "customFieldValues",
      mergeMap("customFieldValues", {
        depth: 2,
        equals: sameCustomFieldValue,
        value: toCustomFieldInput,
        // A removed group's values are never sent: Folk deletes them with the membership.
        within: groupsAfterUpdate,
      }),
      normaliseCustomFields,
    ),
  },
  // PersonPatch.customFieldValues: every group id used must be in `groups` in the same request, and
  // `groups` replaces the list, so the full list the person ends up in travels with any custom value.
  companions: [{ field: "customFieldValues", requires: "groups" }],
  schema: updatePersonBody,
  check: crossFieldIssues,
});

/**
 * The smallest valid PATCH body that turns `before` (a person as GET returns it) into `after` (the
 * person as it should be; absent keys are left as they are, `null` clears). Throws
 * `PatchValidationError` naming each field, rule and limit when `after` cannot be written.
 * @example
 * const { body, noop, changed } = diffPerson(before, { ...before, jobTitle: "CTO" });
 * // body: { jobTitle: "CTO" }, noop: false, changed: ["jobTitle"]
 */
export function diffPerson(
  before: FolkPerson,
  after: FolkPersonDesired,
  options?: DiffOptions,
): DiffResult<FolkPersonPatch> {
  return diff(personRules, before, after, options);
}
