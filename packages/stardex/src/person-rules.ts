import {
  type DiffOptions,
  type DiffResult,
  defineResource,
  diff,
  issue,
  keyedList,
  type ResourceSpec,
  replaceList,
  scalar,
  type ValidationIssue,
  writeOnly,
} from "@patchwise/diff";
import { clearCustomField, customFieldIssues, customFieldOp } from "./custom-fields.ts";
import type { StardexContactValue, StardexPerson, StardexPersonPatch } from "./generated/schema.ts";
import { updatePersonBody } from "./generated/validation.ts";

/**
 * What GET's `linkedin_public_id` is written back as, with the id appended (providers/stardex.md).
 * @example `${LINKEDIN_PROFILE_URL}sam-placeholder` // "https://www.linkedin.com/in/sam-placeholder"
 */
export const LINKEDIN_PROFILE_URL = "https://www.linkedin.com/in/";

/** A public id is one URL path segment: no slash, query, fragment or whitespace, and not empty. */
const LINKEDIN_URL = /^https:\/\/www\.linkedin\.com\/in\/[^/?#\s]+$/;

/**
 * The public id a profile URL names as a server reads it (parsed, dot segments resolved, escapes
 * decoded); undefined when it names none. `%`, `.`, `..`, `\` or an escape such as `%2F` in a public id
 * make a URL that does not read back as that id.
 */
function readBack(url: string): string | undefined {
  try {
    const segment = /^\/in\/([^/]+)$/.exec(new URL(url).pathname)?.[1];
    return segment === undefined ? undefined : decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** Contact entries are written in the read shape's two keys only; the label is part of the entry. */
const contact = (c: StardexContactValue): StardexContactValue => ({
  contact_data_type: c.contact_data_type,
  value: c.value,
});

const TYPED_SINGLE_VALUE =
  "overlaps `emails` / `phone_numbers` in undocumented ways: the project diffs the lists instead";

/** The cross-field rules of a Stardex PATCH, beyond its validation table. */
function check(body: StardexPersonPatch, before: StardexPerson, after: StardexPerson): ValidationIssue[] {
  const issues = customFieldIssues(before, after, body.custom_fields !== undefined);
  const url = body.linkedin_url;
  // Found against the simulator: the pattern alone let `%`, `.`, `..` and escapes through.
  if (url !== undefined && (!LINKEDIN_URL.test(url) || readBack(url) !== after.linkedin_public_id)) {
    const got = JSON.stringify(after.linkedin_public_id);
    const expected = `must be ${LINKEDIN_PROFILE_URL}<public id>, from a non-empty linkedin_public_id that reads back as itself (no "/", "?", "#", "%", "\\", spaces, "." or "..")`;
    issues.push(issue("linkedin_url", "pattern", expected, LINKEDIN_URL.source, `linkedin_public_id ${got}`));
  }
  return issues;
}

/**
 * Stardex's patch rules for a person, one per PATCH body field, read from the GET shape: every scalar
 * is set and cannot be cleared (nothing documents a null), three fields are read under other names,
 * the contact lists are replaced whole and compared order-free, custom fields are written one item per
 * changed attribute, and the typed single values and side effects are never diffed. For advanced use
 * with `diff` from `@patchwise/diff`; `diffPerson` is the everyday entry.
 * @example
 * import { diff } from "@patchwise/diff";
 * const { body } = diff(personRules, before, after); // what diffPerson(before, after) does
 * personRules.fields.emails.kind; // "replace-set": replaced whole, compared order-free
 */
export const personRules: ResourceSpec<StardexPerson, StardexPersonPatch> = defineResource<
  StardexPerson,
  StardexPersonPatch
>({
  fields: {
    name: scalar("name"),
    first_name: scalar("first_name"),
    last_name: scalar("last_name"),
    current_job_title: scalar("current_job_title"),
    company_name: scalar("current_company_name"),
    linkedin_url: scalar("linkedin_public_id", { map: (id) => `${LINKEDIN_PROFILE_URL}${id}` }),
    linkedin_location: scalar("linkedin_location"),
    linkedin_headline: scalar("linkedin_headline"),
    address: scalar("address"),
    emails: replaceList("emails", { ordered: false, item: contact }),
    phone_numbers: replaceList("phones", { ordered: false, item: contact }),
    work_email: writeOnly(TYPED_SINGLE_VALUE),
    personal_email: writeOnly(TYPED_SINGLE_VALUE),
    mobile_phone: writeOnly(TYPED_SINGLE_VALUE),
    work_phone: writeOnly(TYPED_SINGLE_VALUE),
    custom_fields: keyedList("custom_fields", {
      key: "attribute_id",
      item: customFieldOp,
      clear: clearCustomField,
    }),
    enrich_record: writeOnly("side effect: starts background enrichment, never part of a state diff"),
    job_id: writeOnly("side effect: adds the person as a candidate to a job, never part of a state diff"),
  },
  schema: updatePersonBody,
  check,
});

/**
 * The smallest valid PATCH body for `PATCH /v1/persons/{id}` that turns `before` into `after`, both as
 * GET returns a person. A key absent from `after` is left as it is; `null` over a value is a
 * `PatchValidationError` ("not-nullable") for every scalar, while a `null` list or custom field value
 * empties it. Throws `PatchValidationError` naming every field, rule and limit before anything is sent.
 * @example
 * const { body, noop, changed } = diffPerson(before, { ...before, current_job_title: "CTO" });
 * // body: { current_job_title: "CTO" }, noop: false, changed: ["current_job_title"]
 * if (!noop) await unwrap(stardex.PATCH("/v1/persons/{id}", { params: { path: { id } }, body }));
 */
export function diffPerson(
  before: StardexPerson,
  after: StardexPerson,
  options?: DiffOptions,
): DiffResult<StardexPersonPatch> {
  return diff(personRules, before, after, options);
}
