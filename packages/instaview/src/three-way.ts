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
import type { InstaviewCandidate, InstaviewCandidatePatch } from "./generated/schema.ts";

export {
  type Conflict,
  type Diff3Options,
  type Diff3Result,
  MergeConflictError,
} from "@patchwise/diff/three-way";

/**
 * `candidateRules` with how `diff3` merges each field: scalars and `metadata` (replaced whole) as
 * values, `jobIds` item by item as a set. `cvText` is never diffed, so never merged.
 * @example diff3(candidateMerge, { base, current, desired }) // what diff3Candidate does
 */
export const candidateMerge: ThreeWaySpec<InstaviewCandidate, InstaviewCandidatePatch> =
  /* @__PURE__ */ defineThreeWay(candidateRules, {
    firstName: /* @__PURE__ */ mergeValue("firstName"),
    lastName: /* @__PURE__ */ mergeValue("lastName"),
    email: /* @__PURE__ */ mergeValue("email"),
    phoneNumber: /* @__PURE__ */ mergeValue("phoneNumber"),
    gdprExpiryDate: /* @__PURE__ */ mergeValue("gdprExpiryDate"),
    status: /* @__PURE__ */ mergeValue("status"),
    jobIds: /* @__PURE__ */ mergeList("jobIds", { ordered: false }),
    metadata: /* @__PURE__ */ mergeValue("metadata"),
    gender: /* @__PURE__ */ mergeValue("gender"),
    cvText: null,
  });

/**
 * The PATCH body that applies the sync's changes (`base` → `desired`) to the candidate as Instaview
 * holds it now (`current`), keeping what others changed meanwhile: a job assigned by hand stays, a
 * status changed on both sides is a conflict settled by `prefer` (default `"desired"`; `"fail"`
 * throws `MergeConflictError`) and reported. `options.now` sets "today" for the GDPR date check.
 * @example
 * const { body, noop, conflicts, merged } = diff3Candidate({ base, current, desired });
 * if (!noop) await instaview.PATCH("/candidates/{id}", { params: { path: { id } }, body });
 * saveBase(id, { ...current, ...merged }); // the base of the next sync
 */
export function diff3Candidate(
  records: ThreeWay<InstaviewCandidate>,
  options?: Diff3Options,
): Diff3Result<InstaviewCandidatePatch, InstaviewCandidate> {
  return diff3(candidateMerge, records, options);
}
