import { deepEqual, type Equality } from "@patchwise/diff";
import {
  type Diff3Options,
  type Diff3Result,
  defineThreeWay,
  diff3,
  mergeList,
  mergeValue,
  type ThreeWay,
  type ThreeWaySpec,
} from "@patchwise/diff/three-way";
import { candidateRules } from "./candidate-rules.ts";
import type { StackOneCandidate, StackOneCandidatePatch } from "./generated/schema.ts";

export {
  type Conflict,
  type Diff3Options,
  type Diff3Result,
  MergeConflictError,
} from "@patchwise/diff/three-way";

/** An object's keys with values: `{ type: null, value: "a" }` is the item `{ value: "a" }` (as the rules compare). */
const setKeys = (v: object) => Object.fromEntries(Object.entries(v).filter(([, x]) => x != null));

const sameItem: Equality = (a, b) =>
  typeof a === "object" && a !== null && !Array.isArray(a) && typeof b === "object" && b !== null
    ? deepEqual(setKeys(a), setKeys(b))
    : deepEqual(a, b);

/** A list StackOne replaces whole, order-free: merged item by item. */
const set = (key: string) => mergeList(key, { ordered: false, equals: sameItem });

/**
 * `candidateRules` with how `diff3` merges each field: scalars, `hired_at` and `unified_custom_fields`
 * (replaced whole) as values, the lists item by item as multisets. `phone` and `passthrough` are never
 * diffed, so never merged.
 * @example diff3(candidateMerge, { base, current, desired }) // what diff3Candidate does
 */
export const candidateMerge: ThreeWaySpec<StackOneCandidate, StackOneCandidatePatch> =
  /* @__PURE__ */ defineThreeWay(candidateRules, {
    name: /* @__PURE__ */ mergeValue("name"),
    first_name: /* @__PURE__ */ mergeValue("first_name"),
    last_name: /* @__PURE__ */ mergeValue("last_name"),
    company: /* @__PURE__ */ mergeValue("company"),
    title: /* @__PURE__ */ mergeValue("title"),
    country: /* @__PURE__ */ mergeValue("country"),
    email: /* @__PURE__ */ mergeValue("email"),
    emails: /* @__PURE__ */ set("emails"),
    social_links: /* @__PURE__ */ set("social_links"),
    phone: null,
    phone_numbers: /* @__PURE__ */ set("phone_numbers"),
    application_ids: /* @__PURE__ */ set("application_ids"),
    hired_at: /* @__PURE__ */ mergeValue("hired_at"),
    custom_fields: /* @__PURE__ */ set("custom_fields"),
    unified_custom_fields: /* @__PURE__ */ mergeValue("unified_custom_fields"),
    passthrough: null,
  });

/**
 * The PATCH body that applies the sync's changes (`base` → `desired`) to the candidate as StackOne
 * holds it now (`current`), keeping what others changed meanwhile: an email added in the ATS stays, a
 * title changed on both sides is a conflict settled by `prefer` (default `"desired"`; `"fail"` throws
 * `MergeConflictError`) and reported.
 * @example
 * const { body, noop, conflicts, merged } = diff3Candidate({ base, current, desired });
 * if (!noop) await stackone.PATCH("/unified/ats/candidates/{id}", { params: { path: { id } }, body });
 * saveBase(id, { ...current, ...merged }); // the base of the next sync
 */
export function diff3Candidate(
  records: ThreeWay<StackOneCandidate>,
  options?: Diff3Options,
): Diff3Result<StackOneCandidatePatch, StackOneCandidate> {
  return diff3(candidateMerge, records, options);
}
