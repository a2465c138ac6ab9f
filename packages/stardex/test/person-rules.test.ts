import { fc, test } from "@fast-check/vitest";
import { validate } from "@patchwise/diff";
import { describe, expect, it } from "vitest";
import { CUSTOM_FIELD_KINDS } from "../src/custom-fields.ts";
import { updatePersonBody } from "../src/generated/validation.ts";
import {
  diffPerson,
  PatchValidationError,
  personRules,
  type StardexCustomFieldValue,
  type StardexPerson,
  type StardexPersonPatch,
} from "../src/index.ts";
import { LINKEDIN_PROFILE_URL } from "../src/person-rules.ts";
import { dataTypeOf, equivalentPerson, personPair, stardexPerson, TEAM_MEMBER_IDS } from "./arbitraries.ts";

// ——— Named cases: every rule and every edge case of providers/stardex.md. Counterexamples found by the
// property tests below are added here by name. ———

const LINKEDIN_PATTERN = "^https:\\/\\/www\\.linkedin\\.com\\/in\\/[^/?#\\s]+$";
const ID = "0b6f3f3e-5d7a-4a63-9a53-2f0d3c1e9a10";
const TEXT = "10000000-0000-4000-8000-000000000001";
const NUMBER = "10000000-0000-4000-8000-000000000002";
const DATE = "10000000-0000-4000-8000-000000000003";
const URL_ = "10000000-0000-4000-8000-000000000004";
const SELECT = "10000000-0000-4000-8000-000000000005";
const SKILLS = "10000000-0000-4000-8000-000000000006";
const OWNERS = "10000000-0000-4000-8000-000000000007";
const [ANA, BEN, CAT] = TEAM_MEMBER_IDS as [string, string, string];

const work = (value: string) => ({ contact_data_type: "work", value });
const personal = (value: string) => ({ contact_data_type: "personal", value });
const mobile = (value: string) => ({ contact_data_type: "mobile", value });

const text = (value: string | null, attribute_id = TEXT): StardexCustomFieldValue => ({
  attribute_id,
  data_type: "text",
  value,
});
const num = (value: string | null): StardexCustomFieldValue => ({
  attribute_id: NUMBER,
  data_type: "number",
  value,
});
const date = (value: string | null): StardexCustomFieldValue => ({
  attribute_id: DATE,
  data_type: "date",
  value,
});
const url = (value: string | null): StardexCustomFieldValue => ({
  attribute_id: URL_,
  data_type: "url",
  value,
});
const select = (value: string | null): StardexCustomFieldValue => ({
  attribute_id: SELECT,
  data_type: "single-select",
  value,
});
const skills = (...values: string[]): StardexCustomFieldValue => ({
  attribute_id: SKILLS,
  data_type: "multi-select",
  values,
});
const owners = (...team_member_ids: string[]): StardexCustomFieldValue => ({
  attribute_id: OWNERS,
  data_type: "team-member",
  team_member_ids,
});

/** The person of the spec's GET example, with one field of every custom kind. */
const SAM: StardexPerson = {
  id: ID,
  name: "Sam Placeholder",
  first_name: "Sam",
  last_name: "Placeholder",
  linkedin_public_id: "sam-placeholder",
  current_job_title: "Backend Engineer",
  current_company_name: "Example Widgets",
  current_company_id: "7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
  linkedin_location: "Lisbon, Portugal",
  linkedin_headline: "Backend engineer at Example Widgets",
  address: null,
  emails: [work("sam@widgets.example"), personal("sam@home.example")],
  phones: [mobile("+351910000000")],
  candidate_id: null,
  external_source_id: null,
  work_experience: [],
  education_experience: [],
  certifications: [],
  candidates: [],
  custom_fields: [
    text("Prefers remote"),
    num("42"),
    date("2030-01-02"),
    url("https://sam.example"),
    select("Senior"),
    skills("Python", "TypeScript", "Go"),
    owners(ANA, BEN),
  ],
};

/** SAM with some keys replaced; `undefined` removes a key (the desired record leaves it out). */
function sam(changes: Record<string, unknown>): StardexPerson {
  const r: Record<string, unknown> = { ...structuredClone(SAM), ...changes };
  for (const [k, v] of Object.entries(r)) if (v === undefined) delete r[k];
  return r as unknown as StardexPerson;
}

/** SAM's custom fields with the items of the same attributes replaced (others kept, in place). */
const fields = (...items: StardexCustomFieldValue[]) => ({
  custom_fields: (SAM.custom_fields ?? []).map(
    (f) => items.find((i) => i.attribute_id === f.attribute_id) ?? structuredClone(f),
  ),
});

type Case = [string, { before: StardexPerson; after: StardexPerson; body: StardexPersonPatch | undefined }];

const cases: Case[] = [
  // Scalars: set when they differ; absent is left as is.
  ["identical records send nothing", { before: SAM, after: sam({}), body: undefined }],
  [
    "a changed scalar is sent alone",
    {
      before: SAM,
      after: sam({ current_job_title: "Staff Engineer" }),
      body: { current_job_title: "Staff Engineer" },
    },
  ],
  [
    "every scalar changed at once, in PATCH body order",
    {
      before: SAM,
      after: sam({
        address: "Rua Augusta 1, Lisboa",
        linkedin_headline: "Building things",
        linkedin_location: "London, United Kingdom",
        linkedin_public_id: "sam-p",
        current_company_name: "Analytical Engines Ltd",
        current_job_title: "CTO",
        last_name: "P.",
        first_name: "Samuel",
        name: "Samuel P.",
      }),
      body: {
        name: "Samuel P.",
        first_name: "Samuel",
        last_name: "P.",
        current_job_title: "CTO",
        company_name: "Analytical Engines Ltd",
        linkedin_url: "https://www.linkedin.com/in/sam-p",
        linkedin_location: "London, United Kingdom",
        linkedin_headline: "Building things",
        address: "Rua Augusta 1, Lisboa",
      },
    },
  ],
  [
    "a scalar left out of the desired record is left as it is",
    { before: SAM, after: sam({ current_job_title: undefined, first_name: undefined }), body: undefined },
  ],
  ["null over null is no change", { before: SAM, after: sam({ address: null }), body: undefined }],
  [
    "a value over null is set",
    {
      before: SAM,
      after: sam({ address: "1 Main St, Springfield" }),
      body: { address: "1 Main St, Springfield" },
    },
  ],
  [
    "a value over a missing key is set",
    {
      before: sam({ linkedin_headline: undefined }),
      after: sam({ linkedin_headline: "Building things" }),
      body: { linkedin_headline: "Building things" },
    },
  ],
  [
    "an empty string is a value, sent as it is",
    { before: SAM, after: sam({ first_name: "" }), body: { first_name: "" } },
  ],
  [
    "a case change is a change",
    { before: SAM, after: sam({ last_name: "PLACEHOLDER" }), body: { last_name: "PLACEHOLDER" } },
  ],
  [
    "current_company_name is written as company_name",
    { before: SAM, after: sam({ current_company_name: "Acme" }), body: { company_name: "Acme" } },
  ],
  [
    "linkedin_public_id is written as linkedin_url",
    {
      before: SAM,
      after: sam({ linkedin_public_id: "sam-p-2" }),
      body: { linkedin_url: `${LINKEDIN_PROFILE_URL}sam-p-2` },
    },
  ],
  [
    "a non-ASCII public id is written as it is",
    {
      before: SAM,
      after: sam({ linkedin_public_id: "josé-garcía" }),
      body: { linkedin_url: "https://www.linkedin.com/in/josé-garcía" },
    },
  ],
  [
    "a public id with a colon and capitals reads back as itself: sent as it is",
    {
      before: SAM,
      after: sam({ linkedin_public_id: "Sam:P" }),
      body: { linkedin_url: "https://www.linkedin.com/in/Sam:P" },
    },
  ],
  [
    "a public id set over null",
    {
      before: sam({ linkedin_public_id: null }),
      after: sam({ linkedin_public_id: "sam-placeholder" }),
      body: { linkedin_url: "https://www.linkedin.com/in/sam-placeholder" },
    },
  ],
  [
    "read-only fields are never sent",
    {
      before: SAM,
      after: sam({
        id: "9b6f3f3e-5d7a-4a63-9a53-2f0d3c1e9a19",
        candidate_id: "789e0123-e45f-47a8-b901-234567890123",
        current_company_id: null,
        external_source_id: "hris-1",
        work_experience: [{ company_name: "Example Widgets", positions: [{ title: "Engineer" }] }],
        education_experience: [{ company_name: "Universidade de Lisboa" }],
        certifications: [{ name: "CKA" }],
        candidates: [{ job_id: "2a4b6c8d-1e3f-4a5b-9c7d-0e1f2a3b4c5d", is_archived: false }],
      }),
      body: undefined,
    },
  ],

  // Contact lists: unordered, replaced whole, labels matter.
  [
    "emails reordered: no change",
    {
      before: SAM,
      after: sam({ emails: [personal("sam@home.example"), work("sam@widgets.example")] }),
      body: undefined,
    },
  ],
  [
    "an email's label changed: the whole list is sent",
    {
      before: SAM,
      after: sam({ emails: [work("sam@widgets.example"), work("sam@home.example")] }),
      body: { emails: [work("sam@widgets.example"), work("sam@home.example")] },
    },
  ],
  [
    "an email added: the whole list, in after's order",
    {
      before: SAM,
      after: sam({
        emails: [personal("sam@home.example"), work("s@new.example"), work("sam@widgets.example")],
      }),
      body: { emails: [personal("sam@home.example"), work("s@new.example"), work("sam@widgets.example")] },
    },
  ],
  [
    "an email removed: the remaining list",
    {
      before: SAM,
      after: sam({ emails: [personal("sam@home.example")] }),
      body: { emails: [personal("sam@home.example")] },
    },
  ],
  ["emails emptied: an empty list", { before: SAM, after: sam({ emails: [] }), body: { emails: [] } }],
  ["emails null: an empty list", { before: SAM, after: sam({ emails: null }), body: { emails: [] } }],
  [
    "empty over empty is no change",
    { before: sam({ phones: [] }), after: sam({ phones: [] }), body: undefined },
  ],
  [
    "an address in another case is another entry",
    {
      before: SAM,
      after: sam({ emails: [work("SAM@widgets.example"), personal("sam@home.example")] }),
      body: { emails: [work("SAM@widgets.example"), personal("sam@home.example")] },
    },
  ],
  [
    "a repeated entry is a change (lists compare as multisets)",
    {
      before: SAM,
      after: sam({ phones: [mobile("+351910000000"), mobile("+351910000000")] }),
      body: { phone_numbers: [mobile("+351910000000"), mobile("+351910000000")] },
    },
  ],
  [
    "phones are read as phones and written as phone_numbers",
    {
      before: SAM,
      after: sam({ phones: [mobile("+351910000000"), work("+14155550123")] }),
      body: { phone_numbers: [mobile("+351910000000"), work("+14155550123")] },
    },
  ],
  [
    "a phone's label changed is a change",
    {
      before: SAM,
      after: sam({ phones: [work("+351910000000")] }),
      body: { phone_numbers: [work("+351910000000")] },
    },
  ],
  [
    "extra keys on read entries are neither compared nor written",
    {
      before: sam({ phones: [{ ...mobile("+351910000000"), id: "ph_1" }] }),
      after: sam({
        phones: [
          { ...mobile("+351910000000"), id: "ph_2" },
          { ...work("+14155550123"), id: "ph_3" },
        ],
      }),
      body: { phone_numbers: [mobile("+351910000000"), work("+14155550123")] },
    },
  ],

  // Never diffed: typed single values and side effects.
  [
    "typed single values in a desired record are never sent (the lists are diffed)",
    {
      before: SAM,
      after: sam({
        work_email: "x@y.example",
        personal_email: "p@y.example",
        mobile_phone: "+1",
        work_phone: "+2",
      }),
      body: undefined,
    },
  ],
  [
    "side effects in a desired record are never sent",
    {
      before: SAM,
      after: sam({ enrich_record: true, job_id: "2a4b6c8d-1e3f-4a5b-9c7d-0e1f2a3b4c5d" }),
      body: undefined,
    },
  ],

  // Custom fields: only changed attributes, one item each.
  [
    "a text changed: value",
    {
      before: SAM,
      after: sam(fields(text("Relocating"))),
      body: { custom_fields: [{ attribute_id: TEXT, value: "Relocating" }] },
    },
  ],
  [
    "a text emptied to an empty string: value ''",
    {
      before: SAM,
      after: sam(fields(text(""))),
      body: { custom_fields: [{ attribute_id: TEXT, value: "" }] },
    },
  ],
  [
    "a number in another encoding ('42.0'): no change",
    { before: SAM, after: sam(fields(num("42.0"))), body: undefined },
  ],
  [
    "a number in exponent form ('4.2e1'): no change",
    { before: SAM, after: sam(fields(num("4.2e1"))), body: undefined },
  ],
  // Found by the property tests: padded decimals and negative zero are the same number.
  [
    "a padded decimal ('120000.50' vs '120000.500'): no change",
    { before: sam(fields(num("120000.50"))), after: sam(fields(num("120000.500"))), body: undefined },
  ],
  [
    "negative zero equals zero",
    { before: sam(fields(num("0"))), after: sam(fields(num("-0"))), body: undefined },
  ],
  [
    "a number changed: value, as given",
    {
      before: SAM,
      after: sam(fields(num("42.5"))),
      body: { custom_fields: [{ attribute_id: NUMBER, value: "42.5" }] },
    },
  ],
  [
    "a date as a timestamp on the same UTC day: no change",
    { before: SAM, after: sam(fields(date("2030-01-02T09:00:00Z"))), body: undefined },
  ],
  [
    "a date as a timestamp with milliseconds and a +00:00 offset: no change",
    { before: SAM, after: sam(fields(date("2030-01-02T00:00:00.000+00:00"))), body: undefined },
  ],
  [
    "a timestamp whose offset crosses midnight is another day",
    {
      before: SAM,
      after: sam(fields(date("2030-01-02T23:00:00-05:00"))),
      body: { custom_fields: [{ attribute_id: DATE, value: "2030-01-02T23:00:00-05:00" }] },
    },
  ],
  [
    "a zoneless timestamp is a date on its own day: no change",
    { before: SAM, after: sam(fields(date("2030-01-02T23:30:00"))), body: undefined },
  ],
  // Found by the contract tests: a value the API would refuse is refused only when it would be sent.
  [
    "a number the API would refuse, stored and left as it is: not sent, not refused",
    {
      before: sam(fields(num("n/a"))),
      after: sam(fields(num("n/a"), text("Relocating"))),
      body: { custom_fields: [{ attribute_id: TEXT, value: "Relocating" }] },
    },
  ],
  [
    "a date changed: value",
    {
      before: SAM,
      after: sam(fields(date("2030-01-03"))),
      body: { custom_fields: [{ attribute_id: DATE, value: "2030-01-03" }] },
    },
  ],
  [
    "a url with a trailing slash is another url",
    {
      before: SAM,
      after: sam(fields(url("https://sam.example/"))),
      body: { custom_fields: [{ attribute_id: URL_, value: "https://sam.example/" }] },
    },
  ],
  [
    "a single-select changed: value is the tag name",
    {
      before: SAM,
      after: sam(fields(select("Lead"))),
      body: { custom_fields: [{ attribute_id: SELECT, value: "Lead" }] },
    },
  ],
  [
    "a scalar field emptied (null): clear_all",
    {
      before: SAM,
      after: sam(fields(select(null))),
      body: { custom_fields: [{ attribute_id: SELECT, clear_all: true }] },
    },
  ],
  [
    "a multi-select: only the difference, tag names sorted",
    {
      before: SAM,
      after: sam(fields(skills("Rust", "Python", "SQL"))),
      body: {
        custom_fields: [
          { attribute_id: SKILLS, add_values: ["Rust", "SQL"], remove_values: ["Go", "TypeScript"] },
        ],
      },
    },
  ],
  [
    "a multi-select only added to: add_values alone",
    {
      before: SAM,
      after: sam(fields(skills("Python", "TypeScript", "Go", "SQL"))),
      body: { custom_fields: [{ attribute_id: SKILLS, add_values: ["SQL"] }] },
    },
  ],
  [
    "a multi-select only removed from: remove_values alone",
    {
      before: SAM,
      after: sam(fields(skills("Python"))),
      body: { custom_fields: [{ attribute_id: SKILLS, remove_values: ["Go", "TypeScript"] }] },
    },
  ],
  [
    "a multi-select reordered and repeated: no change",
    { before: SAM, after: sam(fields(skills("Go", "Python", "TypeScript", "Go"))), body: undefined },
  ],
  [
    "a multi-select emptied: clear_all over the long remove list",
    {
      before: SAM,
      after: sam(fields(skills())),
      body: { custom_fields: [{ attribute_id: SKILLS, clear_all: true }] },
    },
  ],
  [
    "a multi-select of one tag emptied: clear_all is still shorter",
    {
      before: sam(fields(skills("Go"))),
      after: sam(fields(skills())),
      body: { custom_fields: [{ attribute_id: SKILLS, clear_all: true }] },
    },
  ],
  [
    "a multi-select with null values is empty",
    {
      before: SAM,
      after: sam(fields({ attribute_id: SKILLS, data_type: "multi-select", values: null } as never)),
      body: { custom_fields: [{ attribute_id: SKILLS, clear_all: true }] },
    },
  ],
  [
    "a team-member field: only the difference",
    {
      before: SAM,
      after: sam(fields(owners(BEN, CAT))),
      body: {
        custom_fields: [{ attribute_id: OWNERS, add_team_member_ids: [CAT], remove_team_member_ids: [ANA] }],
      },
    },
  ],
  [
    "a team-member field reordered: no change",
    { before: SAM, after: sam(fields(owners(BEN, ANA))), body: undefined },
  ],
  [
    "a team-member field emptied: clear_all",
    {
      before: SAM,
      after: sam(fields(owners())),
      body: { custom_fields: [{ attribute_id: OWNERS, clear_all: true }] },
    },
  ],
  [
    "a new attribute with a value is sent",
    {
      before: sam({ custom_fields: [] }),
      after: sam({ custom_fields: [owners(CAT)] }),
      body: { custom_fields: [{ attribute_id: OWNERS, add_team_member_ids: [CAT] }] },
    },
  ],
  [
    "a new attribute on a record read without custom_fields",
    {
      before: sam({ custom_fields: undefined }),
      after: sam({ custom_fields: [text("Relocating")] }),
      body: { custom_fields: [{ attribute_id: TEXT, value: "Relocating" }] },
    },
  ],
  [
    "a new attribute left empty sends nothing",
    {
      before: sam({ custom_fields: [] }),
      after: sam({ custom_fields: [text(null), skills(), owners()] }),
      body: undefined,
    },
  ],
  [
    "attributes left out of the desired list are left as they are",
    { before: SAM, after: sam({ custom_fields: [skills("Go", "Python", "TypeScript")] }), body: undefined },
  ],
  [
    "an empty desired list changes nothing",
    { before: SAM, after: sam({ custom_fields: [] }), body: undefined },
  ],
  [
    "an item without its value key leaves the value as it is",
    {
      before: SAM,
      after: sam({
        custom_fields: [
          { attribute_id: TEXT, data_type: "text" },
          { attribute_id: SKILLS, data_type: "multi-select" },
          { attribute_id: OWNERS, data_type: "team-member" },
        ],
      }),
      body: undefined,
    },
  ],
  [
    "keys foreign to the data type are ignored",
    {
      before: SAM,
      after: sam(
        fields(
          { ...text("Prefers remote"), values: ["x"] },
          { ...skills("Python", "TypeScript", "Go"), value: "x" },
        ),
      ),
      body: undefined,
    },
  ],
  [
    "custom fields reordered: no change",
    { before: SAM, after: sam({ custom_fields: [...(SAM.custom_fields ?? [])].reverse() }), body: undefined },
  ],
  [
    "only the changed attributes are sent, in after's order",
    {
      before: SAM,
      after: sam({ custom_fields: [owners(ANA), num("42.00"), text("Relocating"), select("Senior")] }),
      body: {
        custom_fields: [
          { attribute_id: OWNERS, remove_team_member_ids: [BEN] },
          { attribute_id: TEXT, value: "Relocating" },
        ],
      },
    },
  ],
  [
    "custom_fields null empties every attribute that has a value",
    {
      before: sam({ custom_fields: [text("x"), num(null), skills(), owners(ANA)] }),
      after: sam({ custom_fields: null }),
      body: {
        custom_fields: [
          { attribute_id: TEXT, clear_all: true },
          { attribute_id: OWNERS, clear_all: true },
        ],
      },
    },
  ],
  [
    "custom_fields null over no custom fields is no change",
    { before: sam({ custom_fields: undefined }), after: sam({ custom_fields: null }), body: undefined },
  ],

  // Everything at once: keys in PATCH body order.
  [
    "scalars, lists and custom fields together",
    {
      before: SAM,
      after: sam({
        custom_fields: [skills("Python", "SQL")],
        phones: [],
        emails: [work("sam@widgets.example")],
        current_company_name: "Acme",
        name: "Sam P.",
      }),
      body: {
        name: "Sam P.",
        company_name: "Acme",
        emails: [work("sam@widgets.example")],
        phone_numbers: [],
        custom_fields: [{ attribute_id: SKILLS, add_values: ["SQL"], remove_values: ["Go", "TypeScript"] }],
      },
    },
  ],
];

describe("diffPerson: named cases", () => {
  it.each(cases)("%s", (_name, { before, after, body }) => {
    const got = diffPerson(deepFreeze(structuredClone(before)), deepFreeze(structuredClone(after)));
    expect(got.body).toEqual(body ?? {});
    expect(got.noop).toBe(body === undefined);
    expect(got.changed).toEqual(Object.keys(body ?? {}));
    // Key order is part of the contract (deterministic bodies): toEqual ignores it.
    expect(JSON.stringify(got.body)).toBe(JSON.stringify(body ?? {}));
  });
});

// ——— Validation: a desired record that cannot be written throws before anything is sent. ———

type Issue = { path: string; rule: string; limit?: string | number };
type Invalid = [string, { before: StardexPerson; after: StardexPerson; issues: Issue[] }];

const notNullable = (read: keyof StardexPerson, path: string): Invalid => [
  `${read}: null over a value is not-nullable (${path})`,
  { before: SAM, after: sam({ [read]: null }), issues: [{ path, rule: "not-nullable" }] },
];

const invalid: Invalid[] = [
  notNullable("name", "name"),
  notNullable("first_name", "first_name"),
  notNullable("last_name", "last_name"),
  notNullable("current_job_title", "current_job_title"),
  notNullable("current_company_name", "company_name"),
  notNullable("linkedin_public_id", "linkedin_url"),
  notNullable("linkedin_location", "linkedin_location"),
  notNullable("linkedin_headline", "linkedin_headline"),
  [
    "address: null over a value is not-nullable",
    {
      before: sam({ address: "1 Main St" }),
      after: sam({ address: null }),
      issues: [{ path: "address", rule: "not-nullable" }],
    },
  ],
  [
    "name: not a string",
    { before: SAM, after: sam({ name: 42 }), issues: [{ path: "name", rule: "type", limit: "string" }] },
  ],
  [
    "emails: an entry without a label",
    {
      before: SAM,
      after: sam({ emails: [{ value: "sam@widgets.example" }] }),
      issues: [{ path: "emails[0].contact_data_type", rule: "required", limit: "contact_data_type" }],
    },
  ],
  [
    "phone_numbers: a value that is not a string",
    {
      before: SAM,
      after: sam({ phones: [{ contact_data_type: "mobile", value: 351910000000 }] }),
      issues: [{ path: "phone_numbers[0].value", rule: "type", limit: "string" }],
    },
  ],
  [
    "linkedin_url: an empty public id",
    {
      before: SAM,
      after: sam({ linkedin_public_id: "" }),
      issues: [{ path: "linkedin_url", rule: "pattern", limit: LINKEDIN_PATTERN }],
    },
  ],
  [
    "linkedin_url: a public id that is a URL",
    {
      before: SAM,
      after: sam({ linkedin_public_id: "https://www.linkedin.com/in/sam" }),
      issues: [{ path: "linkedin_url", rule: "pattern", limit: LINKEDIN_PATTERN }],
    },
  ],
  [
    "linkedin_url: a public id with a space",
    {
      before: SAM,
      after: sam({ linkedin_public_id: "sam placeholder" }),
      issues: [{ path: "linkedin_url", rule: "pattern", limit: LINKEDIN_PATTERN }],
    },
  ],
  // Found by the contract tests against the simulator: public ids that pass the pattern but whose URL
  // does not read back as them (invalid, resolved away, or decoded to another id).
  ...["%", ".", "..", "a%2Fb", "sam%20p", "sam\\p"].map(
    (id): Invalid => [
      `linkedin_url: a public id that does not read back from its URL (${JSON.stringify(id)})`,
      {
        before: SAM,
        after: sam({ linkedin_public_id: id }),
        issues: [{ path: "linkedin_url", rule: "pattern", limit: LINKEDIN_PATTERN }],
      },
    ],
  ),
  [
    "custom_fields: an attribute_id that is not a uuid",
    {
      before: SAM,
      after: sam({ custom_fields: [text("x", "attr_notes")] }),
      issues: [{ path: "custom_fields[0].attribute_id", rule: "format", limit: "uuid" }],
    },
  ],
  [
    "custom_fields: a team member id that is not a uuid",
    {
      before: SAM,
      after: sam(fields(owners(ANA, BEN, "tm_1"))),
      issues: [{ path: "custom_fields[0].add_team_member_ids[0]", rule: "format", limit: "uuid" }],
    },
  ],
  [
    "custom_fields: removing a stored team member id that is not a uuid",
    {
      before: sam(fields(owners(ANA, "tm_1", "tm_2"))),
      after: sam(fields(owners(ANA))),
      issues: [
        { path: "custom_fields[0].remove_team_member_ids[0]", rule: "format", limit: "uuid" },
        { path: "custom_fields[0].remove_team_member_ids[1]", rule: "format", limit: "uuid" },
      ],
    },
  ],
  [
    "custom_fields: a tag name that is not a string",
    {
      before: SAM,
      after: sam(
        fields({
          ...skills("Python", "TypeScript", "Go"),
          values: ["Python", "TypeScript", "Go", 7],
        } as never),
      ),
      issues: [{ path: "custom_fields[0].add_values[0]", rule: "type", limit: "string" }],
    },
  ],
  [
    "custom_fields: a value that is not a string",
    {
      before: sam(fields(num(null))),
      after: sam(fields({ ...num(null), value: 42 } as never)),
      issues: [{ path: "custom_fields[0].value", rule: "type", limit: "string" }],
    },
  ],
  [
    "custom_fields: an attribute twice",
    {
      before: SAM,
      after: sam({ custom_fields: [text("a"), num("1"), text("b")] }),
      issues: [{ path: "custom_fields[2]", rule: "duplicate-key", limit: "attribute_id" }],
    },
  ],
  [
    "custom_fields: a data type other than the stored one",
    {
      before: SAM,
      after: sam({
        custom_fields: [text("x"), { attribute_id: SKILLS, data_type: "text", value: "Python" }],
      }),
      issues: [{ path: "custom_fields[1].data_type", rule: "data-type", limit: "multi-select" }],
    },
  ],
  [
    "custom_fields: a data type outside the model",
    {
      before: SAM,
      after: sam({ custom_fields: [{ attribute_id: TEXT, data_type: "checkbox", value: "true" }] }),
      issues: [
        {
          path: "custom_fields[0].data_type",
          rule: "enum",
          limit: '"text", "number", "date", "url", "single-select", "multi-select", "team-member"',
        },
      ],
    },
  ],
  // Found by the contract tests against the simulator: values a number, date or url field cannot hold
  // were sent, and the API refused them with a 400.
  [
    "custom_fields: a number that is not a number ('n/a')",
    {
      before: SAM,
      after: sam(fields(num("n/a"))),
      issues: [{ path: "custom_fields[1].value", rule: "format", limit: "number" }],
    },
  ],
  [
    "custom_fields: an empty string for a number (null clears it)",
    {
      before: SAM,
      after: sam(fields(num(""))),
      issues: [{ path: "custom_fields[1].value", rule: "format", limit: "number" }],
    },
  ],
  [
    "custom_fields: a number beyond the finite range ('1e999')",
    {
      before: SAM,
      after: sam(fields(num("1e999"))),
      issues: [{ path: "custom_fields[1].value", rule: "format", limit: "number" }],
    },
  ],
  [
    "custom_fields: a date that is not a real day ('2030-02-30')",
    {
      before: SAM,
      after: sam(fields(date("2030-02-30"))),
      issues: [{ path: "custom_fields[2].value", rule: "format", limit: "date" }],
    },
  ],
  [
    "custom_fields: a date in another notation ('02/01/2030')",
    {
      before: SAM,
      after: sam(fields(date("02/01/2030"))),
      issues: [{ path: "custom_fields[2].value", rule: "format", limit: "date" }],
    },
  ],
  [
    "custom_fields: a url that is not a uri",
    {
      before: SAM,
      after: sam(fields(url("sam.example"))),
      issues: [{ path: "custom_fields[3].value", rule: "format", limit: "uri" }],
    },
  ],
  [
    "every issue at once, rule issues first, then the table, then cross-field checks",
    {
      before: SAM,
      after: sam({
        first_name: null,
        address: "x",
        linkedin_public_id: "a/b",
        custom_fields: [
          { attribute_id: SKILLS, data_type: "team-member", team_member_ids: [] },
          text("y", "nope"),
        ],
      }),
      issues: [
        { path: "first_name", rule: "not-nullable" },
        { path: "custom_fields[0].attribute_id", rule: "format", limit: "uuid" },
        { path: "custom_fields[0].data_type", rule: "data-type", limit: "multi-select" },
        { path: "linkedin_url", rule: "pattern", limit: LINKEDIN_PATTERN },
      ],
    },
  ],
];

describe("diffPerson: validation", () => {
  it.each(invalid)("%s", (_name, { before, after, issues }) => {
    let thrown: unknown;
    try {
      diffPerson(deepFreeze(structuredClone(before)), deepFreeze(structuredClone(after)));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(PatchValidationError);
    const got = (thrown as PatchValidationError).issues.map(({ path, rule, limit }) =>
      limit === undefined ? { path, rule } : { path, rule, limit },
    );
    expect(got).toEqual(issues);
  });

  it("names the field, the rule broken and what was received", () => {
    expect(() => diffPerson(SAM, sam({ current_company_name: null }))).toThrow(
      "Invalid PATCH body:\n  company_name: cannot be cleared (got null)",
    );
    expect(() => diffPerson(SAM, sam({ custom_fields: [text("x"), text("y", SKILLS)] }))).toThrow(
      'custom_fields[1].data_type: must stay multi-select, the attribute\'s data type (got "text")',
    );
  });
});

// ——— The rule table itself ———

describe("personRules", () => {
  it("has one rule per PATCH field, in the spec's order", () => {
    expect(Object.keys(personRules.fields)).toEqual(Object.keys(updatePersonBody.properties ?? {}));
  });

  it("never diffs the typed single values and side effects", () => {
    const kinds = Object.fromEntries(Object.entries(personRules.fields).map(([k, r]) => [k, r.kind]));
    expect(kinds).toMatchObject({
      work_email: "write-only",
      personal_email: "write-only",
      mobile_phone: "write-only",
      work_phone: "write-only",
      enrich_record: "write-only",
      job_id: "write-only",
      emails: "replace-set",
      phone_numbers: "replace-set",
      custom_fields: "keyed-list",
      company_name: "scalar",
    });
  });
});

// ——— Properties over generated records ———

// PROPERTY_RUNS=20000 for a deeper search (after changing a rule).
const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) };
const TIMEOUT = 5_000 * Math.max(1, RUNS.numRuns / 300);

describe("diffPerson: properties", () => {
  test.prop([stardexPerson], RUNS)(
    "diff(x, x) is a no-op",
    (x) => {
      expect(diffPerson(deepFreeze(x), structuredClone(x))).toEqual({ body: {}, noop: true, changed: [] });
    },
    TIMEOUT,
  );

  test.prop([stardexPerson.chain((x) => fc.tuple(fc.constant(x), equivalentPerson(x)))], RUNS)(
    "read-only fields, reorders, equivalent encodings and left-out keys are a no-op",
    ([x, y]) => {
      expect(diffPerson(x, y).body).toEqual({});
    },
  );

  test.prop([personPair], RUNS)(
    "deterministic: byte-identical bodies for the same pair",
    ([b, a]) => {
      const first = JSON.stringify(diffPerson(b, a));
      expect(JSON.stringify(diffPerson(structuredClone(b), structuredClone(a)))).toBe(first);
      expect(JSON.stringify(diffPerson(b, a))).toBe(first);
    },
    TIMEOUT,
  );

  test.prop([personPair], RUNS)(
    "inputs are never mutated",
    ([b, a]) => {
      const copies = structuredClone([b, a]);
      diffPerson(deepFreeze(b), deepFreeze(a));
      expect([b, a]).toEqual(copies);
    },
    TIMEOUT,
  );

  test.prop([personPair], RUNS)(
    "every body passes the generated validation table",
    ([b, a]) => {
      expect(validate(updatePersonBody, diffPerson(b, a).body)).toEqual([]);
    },
    TIMEOUT,
  );

  test.prop([personPair], RUNS)(
    "no undefined-valued keys, and noop/changed describe the body",
    ([b, a]) => {
      const { body, noop, changed } = diffPerson(b, a);
      expect(undefinedPaths(body)).toEqual([]);
      expect(changed).toEqual(Object.keys(body));
      expect(noop).toBe(changed.length === 0);
    },
    TIMEOUT,
  );

  test.prop([personPair], RUNS)(
    "correct: applying the body gives the desired writable state",
    ([b, a]) => {
      expect(state(apply(b, diffPerson(b, a).body))).toEqual(state(expected(b, a)));
    },
    TIMEOUT,
  );

  test.prop([personPair], RUNS)(
    "minimal: any smaller body misses the desired state",
    ([b, a]) => {
      const { body } = diffPerson(b, a);
      const want = state(expected(b, a));
      for (const [what, smaller] of smallerBodies(body)) {
        expect({ what, same: equalStates(state(apply(b, smaller)), want) }).toEqual({ what, same: false });
      }
    },
    TIMEOUT,
  );
});

// ——— Helpers: the notes' PATCH semantics as a reference model ———

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function undefinedPaths(v: unknown, path = ""): string[] {
  if (typeof v !== "object" || v === null) return v === undefined ? [path] : [];
  return Object.entries(v).flatMap(([k, x]) => undefinedPaths(x, `${path}.${k}`));
}

type Fields = Map<string, StardexCustomFieldValue>;

/** What Stardex does with a PATCH body (providers/stardex.md, custom field ops as the project reads them). */
function apply(record: StardexPerson, body: StardexPersonPatch): StardexPerson {
  const r = structuredClone(record);
  const set = <K extends keyof StardexPerson>(k: K, v: StardexPerson[K] | undefined) => {
    if (v !== undefined) r[k] = v;
  };
  set("name", body.name);
  set("first_name", body.first_name);
  set("last_name", body.last_name);
  set("current_job_title", body.current_job_title);
  set("current_company_name", body.company_name);
  set("linkedin_public_id", body.linkedin_url?.slice(LINKEDIN_PROFILE_URL.length));
  set("linkedin_location", body.linkedin_location);
  set("linkedin_headline", body.linkedin_headline);
  set("address", body.address);
  set("emails", body.emails);
  set("phones", body.phone_numbers);
  if (body.custom_fields) {
    const byId: Fields = new Map((r.custom_fields ?? []).map((f) => [f.attribute_id, f]));
    for (const op of body.custom_fields) {
      const data_type = byId.get(op.attribute_id)?.data_type ?? dataTypeOf(op.attribute_id) ?? "text";
      const f: StardexCustomFieldValue = {
        ...(byId.get(op.attribute_id) ?? {}),
        attribute_id: op.attribute_id,
        data_type,
      };
      if (op.clear_all) Object.assign(f, { value: null, values: [], team_member_ids: [] });
      if (op.value !== undefined) f.value = op.value;
      const delta = (list: string[] | undefined, add: string[] = [], remove: string[] = []) =>
        [...new Set([...(list ?? []), ...add])].filter((x) => !remove.includes(x));
      if (op.add_values || op.remove_values) f.values = delta(f.values, op.add_values, op.remove_values);
      if (op.add_team_member_ids || op.remove_team_member_ids)
        f.team_member_ids = delta(f.team_member_ids, op.add_team_member_ids, op.remove_team_member_ids);
      byId.set(op.attribute_id, f);
    }
    r.custom_fields = [...byId.values()];
  }
  return r;
}

const SCALAR_KEYS = [
  "name",
  "first_name",
  "last_name",
  "current_job_title",
  "current_company_name",
  "linkedin_public_id",
  "linkedin_location",
  "linkedin_headline",
  "address",
] as const;

/** The record the caller asks for: before, with every key after manages. */
function expected(before: StardexPerson, after: StardexPerson): StardexPerson {
  const r = structuredClone(before);
  for (const k of [...SCALAR_KEYS, "emails", "phones"] as const) {
    const v = after[k];
    if (v !== undefined) Object.assign(r, { [k]: v ?? (k === "emails" || k === "phones" ? [] : null) });
  }
  if (after.custom_fields === undefined) return r;
  const byId: Fields = new Map((before.custom_fields ?? []).map((f) => [f.attribute_id, f]));
  if (after.custom_fields === null) byId.clear();
  for (const f of after.custom_fields ?? []) {
    const { carrier } = CUSTOM_FIELD_KINDS[f.data_type];
    if (f[carrier] !== undefined) byId.set(f.attribute_id, f);
  }
  r.custom_fields = [...byId.values()];
  return r;
}

/** The writable state in one canonical form: equal states give deep-equal results. */
function state(r: StardexPerson): unknown {
  const entries = (list: StardexPerson["emails"] | null | undefined) =>
    (list ?? []).map((c) => `${c.contact_data_type}\u0000${c.value}`).sort();
  const custom: Record<string, unknown> = {};
  for (const f of r.custom_fields ?? []) {
    const { carrier } = CUSTOM_FIELD_KINDS[f.data_type];
    const v = f[carrier];
    if (v == null || (Array.isArray(v) && v.length === 0)) continue;
    if (Array.isArray(v)) custom[f.attribute_id] = [...new Set(v)].sort();
    else if (f.data_type === "number")
      custom[f.attribute_id] = Number(v) + 0; // -0 is 0
    else if (f.data_type === "date") {
      custom[f.attribute_id] = v.length > 10 ? new Date(v).toISOString().slice(0, 10) : v;
    } else custom[f.attribute_id] = v;
  }
  return {
    ...Object.fromEntries(SCALAR_KEYS.map((k) => [k, r[k] ?? null])),
    emails: entries(r.emails),
    phones: entries(r.phones),
    custom: Object.fromEntries(Object.entries(custom).sort(([x], [y]) => (x < y ? -1 : 1))),
  };
}

const equalStates = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);

/** Every body with one piece less: a key, a custom field item, a delta element or a clear_all. */
function smallerBodies(body: StardexPersonPatch): [string, StardexPersonPatch][] {
  const out: [string, StardexPersonPatch][] = [];
  const without = (what: string, edit: (b: StardexPersonPatch) => void) => {
    const b = structuredClone(body);
    edit(b);
    out.push([what, b]);
  };
  for (const k of Object.keys(body) as (keyof StardexPersonPatch)[]) without(k, (b) => delete b[k]);
  for (const [i, op] of (body.custom_fields ?? []).entries()) {
    without(`custom_fields[${i}]`, (b) => b.custom_fields?.splice(i, 1));
    if (op.clear_all) without(`custom_fields[${i}].clear_all`, (b) => delete b.custom_fields![i]!.clear_all);
    for (const key of [
      "add_values",
      "remove_values",
      "add_team_member_ids",
      "remove_team_member_ids",
    ] as const) {
      for (const j of op[key]?.keys() ?? []) {
        without(`custom_fields[${i}].${key}[${j}]`, (b) => b.custom_fields![i]![key]!.splice(j, 1));
      }
    }
  }
  return out;
}
