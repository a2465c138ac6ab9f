import {
  type Diff3Options,
  type Diff3Result,
  defineThreeWay,
  diff3,
  mergeKeyed,
  mergeList,
  mergeValue,
  type ThreeWay,
  type ThreeWaySpec,
} from "@patchwise/diff/three-way";
import { customFieldOp } from "./custom-fields.ts";
import type { StardexContactValue, StardexPerson, StardexPersonPatch } from "./generated/schema.ts";
import { personRules } from "./person-rules.ts";

export {
  type Conflict,
  type Diff3Options,
  type Diff3Result,
  MergeConflictError,
} from "@patchwise/diff/three-way";

/** A contact entry as the rule compares it: its two keys (the label is part of the value). */
const contact = (c: StardexContactValue) => ({ contact_data_type: c.contact_data_type, value: c.value });

/**
 * `personRules` with how `diff3` merges each field: scalars as values (under their read names), the
 * contact lists item by item as sets, custom fields per attribute (multi-select and team-member values
 * as sets). Typed single values and side effects are never diffed, so never merged.
 * @example diff3(personMerge, { base, current, desired }) // what diff3Person does
 */
export const personMerge: ThreeWaySpec<StardexPerson, StardexPersonPatch> = /* @__PURE__ */ defineThreeWay(
  personRules,
  {
    name: /* @__PURE__ */ mergeValue("name"),
    first_name: /* @__PURE__ */ mergeValue("first_name"),
    last_name: /* @__PURE__ */ mergeValue("last_name"),
    current_job_title: /* @__PURE__ */ mergeValue("current_job_title"),
    company_name: /* @__PURE__ */ mergeValue("current_company_name"),
    linkedin_url: /* @__PURE__ */ mergeValue("linkedin_public_id"),
    linkedin_location: /* @__PURE__ */ mergeValue("linkedin_location"),
    linkedin_headline: /* @__PURE__ */ mergeValue("linkedin_headline"),
    address: /* @__PURE__ */ mergeValue("address"),
    emails: /* @__PURE__ */ mergeList("emails", { ordered: false, item: contact }),
    phone_numbers: /* @__PURE__ */ mergeList("phones", { ordered: false, item: contact }),
    work_email: null,
    personal_email: null,
    mobile_phone: null,
    work_phone: null,
    custom_fields: /* @__PURE__ */ mergeKeyed("custom_fields", { key: "attribute_id", item: customFieldOp }),
    enrich_record: null,
    job_id: null,
  },
);

/**
 * The PATCH body that applies the sync's changes (`base` → `desired`) to the person as Stardex holds
 * it now (`current`), keeping what others changed meanwhile: a phone added by hand stays, a tag added
 * to a multi-select stays next to the sync's, a title changed on both sides is a conflict settled by
 * `prefer` (default `"desired"`; `"fail"` throws `MergeConflictError`) and reported.
 * @example
 * const { body, noop, conflicts, merged } = diff3Person({ base, current, desired });
 * if (!noop) await unwrap(stardex.PATCH("/v1/persons/{id}", { params: { path: { id } }, body }));
 * saveBase(id, { ...current, ...merged }); // the base of the next sync
 */
export function diff3Person(
  records: ThreeWay<StardexPerson>,
  options?: Diff3Options,
): Diff3Result<StardexPersonPatch, StardexPerson> {
  return diff3(personMerge, records, options);
}
