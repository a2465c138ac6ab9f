import type { DiffOptions } from "@patchwise/diff";
import {
  type Conflict,
  type Diff3Options,
  type Diff3Result,
  defineThreeWay,
  diff3,
  MergeConflictError,
  mergeEntries,
  mergeList,
  mergeValue,
  type ThreeWaySpec,
} from "@patchwise/diff/three-way";
import { sameCustomFieldValue } from "./custom-fields.ts";
import type { FolkCompany, FolkCompanyRef, FolkPerson, FolkPersonPatch } from "./generated/schema.ts";
import { type FolkPersonDesired, personRules } from "./person-rules.ts";

export {
  type Conflict,
  type Diff3Options,
  type Diff3Result,
  MergeConflictError,
} from "@patchwise/diff/three-way";

type Company = FolkCompany | FolkCompanyRef;

/** A company by id when both carry one, else by name (a desired company may be given by name alone). */
const sameCompany = (x: unknown, y: unknown): boolean => {
  const [a, b] = [x as Partial<FolkCompany>, y as Partial<FolkCompany>];
  return a.id !== undefined && b.id !== undefined ? a.id === b.id : a.name === b.name;
};

/**
 * `personRules` with how `diff3` merges each field: scalars as values, lists item by item (groups as a
 * set by id, companies and contact lists with their first item primary), custom values leaf by leaf.
 * @example diff3(personMerge, { base, current, desired }) // what diff3Person does
 */
export const personMerge: ThreeWaySpec<FolkPersonDesired, FolkPersonPatch> = /* @__PURE__ */ defineThreeWay(
  personRules,
  {
    firstName: /* @__PURE__ */ mergeValue("firstName"),
    lastName: /* @__PURE__ */ mergeValue("lastName"),
    fullName: /* @__PURE__ */ mergeValue("fullName"),
    description: /* @__PURE__ */ mergeValue("description"),
    birthday: /* @__PURE__ */ mergeValue("birthday"),
    jobTitle: /* @__PURE__ */ mergeValue("jobTitle"),
    groups: /* @__PURE__ */ mergeList("groups", { ordered: false, item: (g: { id: string }) => g.id }),
    companies: /* @__PURE__ */ mergeList("companies", {
      ordered: true,
      item: (c: Company) => c,
      equals: sameCompany,
    }),
    addresses: /* @__PURE__ */ mergeList("addresses", { ordered: true }),
    emails: /* @__PURE__ */ mergeList("emails", { ordered: true }),
    phones: /* @__PURE__ */ mergeList("phones", { ordered: true }),
    urls: /* @__PURE__ */ mergeList("urls", { ordered: true }),
    customFieldValues: /* @__PURE__ */ mergeEntries("customFieldValues", {
      depth: 2,
      equals: sameCustomFieldValue,
    }),
  },
);

/**
 * Custom values the other side set in a group the merged record leaves: Folk deletes a group's values
 * with the membership, so each is a conflict (the group's removal against their value).
 */
function droppedValues(base: FolkPerson, current: FolkPerson, merged: FolkPersonDesired): Conflict[] {
  if (merged.groups === undefined) return [];
  const kept = new Set((merged.groups ?? []).map((g) => g.id));
  const out: Conflict[] = [];
  for (const { id } of current.groups) {
    if (kept.has(id)) continue;
    for (const [field, value] of Object.entries(current.customFieldValues?.[id] ?? {})) {
      const was = base.customFieldValues?.[id]?.[field] ?? null;
      if (sameCustomFieldValue(null, value) || sameCustomFieldValue(was, value)) continue;
      const at = `customFieldValues.${id}.${field}`;
      out.push({ field: at, base: was, current: value, desired: null, kept: "desired" });
    }
  }
  return out;
}

/**
 * The PATCH body that applies the sync's changes (`base` → `desired`) to the person as Folk holds it
 * now (`current`), keeping what others changed meanwhile: an email added by hand stays, a job title
 * changed on both sides is a conflict settled by `prefer` (default `"desired"`; `"fail"` throws
 * `MergeConflictError`) and reported. Leaving a group in which someone else set a value meanwhile is
 * a conflict too (Folk deletes the group's values): `prefer: "current"` keeps the group.
 * @example
 * const { body, noop, conflicts, merged } = diff3Person({ base, current, desired });
 * if (!noop) await folk.PATCH("/v1/people/{personId}", { params: { path: { personId } }, body });
 * saveBase(personId, { ...current, ...merged }); // the base of the next sync
 */
export function diff3Person(
  { base, current, desired }: { base: FolkPerson; current: FolkPerson; desired: FolkPersonDesired },
  options: Diff3Options = {},
): Diff3Result<FolkPersonPatch, FolkPersonDesired> {
  const prefer = options.prefer ?? "desired";
  const now: DiffOptions = options.now ? { now: options.now } : {};
  const result = diff3(
    personMerge,
    { base, current, desired },
    { ...now, prefer: prefer === "fail" ? "desired" : prefer },
  );
  const dropped = droppedValues(base, current, result.merged);
  const conflicts = [...result.conflicts, ...dropped];
  if (prefer === "fail" && conflicts.length) throw new MergeConflictError(conflicts);
  if (!dropped.length) return result;
  if (prefer === "desired") return { ...result, conflicts };
  // Keep the groups holding their values: the merge runs again with those groups desired.
  const keep = current.groups.filter((g) =>
    dropped.some((c) => c.field.startsWith(`customFieldValues.${g.id}.`)),
  );
  const again = diff3(
    personMerge,
    { base, current, desired: { ...desired, groups: [...(desired.groups ?? []), ...keep] } },
    { ...now, prefer },
  );
  return {
    ...again,
    conflicts: [...again.conflicts, ...dropped.map((c): Conflict => ({ ...c, kept: "current" }))],
  };
}
