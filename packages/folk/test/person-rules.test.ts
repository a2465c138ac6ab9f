import { fc, test } from "@fast-check/vitest";
import { validate } from "@patchwise/diff";
import { describe, expect, it } from "vitest";
import { updatePersonBody } from "../src/generated/validation.ts";
import {
  diffPerson,
  type FolkPerson,
  type FolkPersonDesired,
  type FolkPersonPatch,
  PatchValidationError,
  personRules,
} from "../src/index.ts";
import {
  COMPANIES,
  equivalent,
  folkId,
  NEW_COMPANY,
  person,
  personPair,
  readOnlyChanged,
  USERS,
} from "./arbitraries.ts";
import { applyPatch, expected, Rejected, state } from "./reference.ts";

const G1 = folkId("grp", 1); // Engineering candidates
const G2 = folkId("grp", 2); // Investors
const G3 = folkId("grp", 3); // Newsletter
const [ACME, TECH] = [COMPANIES[3]!, COMPANIES[1]!];
const [SAM, JANE, LEE] = [USERS[0]!, USERS[1]!, USERS[2]!];
const BOB = { id: folkId("per", 101), fullName: "Bob Smith", entityType: "person" as const };
const HR = { id: folkId("com", 101), fullName: "HR services", entityType: "company" as const };
const APOLLO = { id: folkId("obj", 1), fullName: "Project Apollo", entityType: "object" as const };

/** A person as GET returns it: two groups with custom values, two companies, one of each list. */
const ADA: FolkPerson = {
  id: folkId("per", 1),
  firstName: "Ada",
  lastName: "Lovelace",
  fullName: "Ada Lovelace",
  description: "Met at a meetup.",
  birthday: "1815-12-10",
  jobTitle: "Analyst",
  createdAt: "2025-01-15T10:00:00.000Z",
  createdBy: SAM,
  groups: [
    { id: G1, name: "Engineering candidates" },
    { id: G2, name: "Investors" },
  ],
  companies: [ACME, TECH],
  addresses: ["1 Sample Street, Springfield"],
  emails: ["ada@example.com", "ada@work.example.org"],
  phones: ["+15550100100"],
  urls: ["https://example.com/ada"],
  customFieldValues: {
    [G1]: {
      Stage: "Interview",
      Skills: ["TypeScript", "Go"],
      "Years of experience": "7",
      "Available from": "2025-09-01",
      Owner: [SAM],
      "Referred by": [BOB, HR],
      Notes: null,
    },
    [G2]: { Ticket: "42", Tags: [], Project: [APOLLO], Summary: "" },
  },
  interactionMetadata: {
    user: { approximateCount: 3, lastInteractedAt: "2025-05-01T00:00:00Z" },
    workspace: { approximateCount: 5, lastInteractedAt: "2025-05-01T00:00:00Z", lastInteractedBy: [SAM] },
  },
  strongestConnection: { [G1]: SAM },
};

const ada = (patch: Partial<FolkPerson>): FolkPerson => ({ ...ADA, ...patch });
const BOTH_GROUPS = [{ id: G1 }, { id: G2 }];

// [name, { before, after, body }]: body undefined means nothing to send. Every counterexample that a
// property test ever finds becomes a case here.
type Case = { before: FolkPerson; after: FolkPersonDesired; body: FolkPersonPatch | undefined };
const cases: [string, Case][] = [
  // ——— no-ops ———
  ["identical records", { before: ADA, after: ADA, body: undefined }],
  ["an empty desired record leaves everything as is", { before: ADA, after: {}, body: undefined }],
  [
    "read-only fields only (id, createdAt, createdBy, interactionMetadata, strongestConnection)",
    {
      before: ADA,
      after: {
        ...ADA,
        id: folkId("per", 2),
        createdAt: null,
        createdBy: JANE,
        interactionMetadata: {
          user: { approximateCount: 0, lastInteractedAt: null },
          workspace: { approximateCount: 0, lastInteractedAt: null, lastInteractedBy: [] },
        },
        strongestConnection: {},
      },
      body: undefined,
    },
  ],
  // ——— names and scalars ———
  ["firstName set", { before: ADA, after: { firstName: "Augusta" }, body: { firstName: "Augusta" } }],
  [
    "firstName null clears with an empty string",
    { before: ADA, after: { firstName: null }, body: { firstName: "" } },
  ],
  ["firstName '' clears", { before: ADA, after: { firstName: "" }, body: { firstName: "" } }],
  [
    "firstName null when already empty",
    { before: ada({ firstName: "" }), after: { firstName: null }, body: undefined },
  ],
  [
    "lastName null clears with an empty string",
    { before: ADA, after: { lastName: null }, body: { lastName: "" } },
  ],
  [
    "fullName, description and jobTitle are set when they differ",
    {
      before: ADA,
      after: { ...ADA, fullName: "Augusta Ada King", description: "", jobTitle: "Analyst" },
      body: { fullName: "Augusta Ada King", description: "" },
    },
  ],
  [
    "a scalar at its limit (description, 5000)",
    { before: ADA, after: { description: "d".repeat(5000) }, body: { description: "d".repeat(5000) } },
  ],
  // ——— birthday ———
  ["birthday null clears", { before: ADA, after: { birthday: null }, body: { birthday: null } }],
  [
    "birthday null when already null",
    { before: ada({ birthday: null }), after: { birthday: null }, body: undefined },
  ],
  [
    "birthday as a timestamp on the same UTC day",
    { before: ADA, after: { birthday: "1815-12-10T09:00:00.000Z" }, body: undefined },
  ],
  [
    "birthday changed, written as YYYY-MM-DD",
    { before: ADA, after: { birthday: "1990-01-01" }, body: { birthday: "1990-01-01" } },
  ],
  [
    "birthday timestamp written as its UTC day",
    { before: ADA, after: { birthday: "1815-12-10T23:00:00-05:00" }, body: { birthday: "1815-12-11" } },
  ],
  [
    "birthday set from null",
    {
      before: ada({ birthday: null }),
      after: { birthday: "1815-12-10" },
      body: { birthday: "1815-12-10" },
    },
  ],
  // ——— groups ———
  [
    "groups: a renamed group is no change (names are read-only)",
    {
      before: ADA,
      after: {
        groups: [
          { id: G1, name: "Engineers" },
          { id: G2, name: "VCs" },
        ],
      },
      body: undefined,
    },
  ],
  [
    "groups: a reorder is no change (membership is a set)",
    { before: ADA, after: { groups: [{ id: G2 }, { id: G1 }] }, body: undefined },
  ],
  [
    "groups: the write form { id } is no change",
    { before: ADA, after: { groups: BOTH_GROUPS }, body: undefined },
  ],
  [
    "groups: one more sends the whole list as { id }",
    {
      before: ADA,
      after: { groups: [...ADA.groups, { id: G3, name: "Newsletter" }] },
      body: { groups: [...BOTH_GROUPS, { id: G3 }] },
    },
  ],
  [
    "groups: removing a group with custom values sends groups only (Folk deletes its values)",
    { before: ADA, after: { ...ADA, groups: [ADA.groups[1]!] }, body: { groups: [{ id: G2 }] } },
  ],
  ["groups: null leaves every group", { before: ADA, after: { groups: null }, body: { groups: [] } }],
  [
    "groups: [] when in none",
    { before: ada({ groups: [], customFieldValues: {} }), after: { groups: [] }, body: undefined },
  ],
  [
    "groups: changed values of a removed group are never sent",
    {
      before: ADA,
      after: {
        groups: [{ id: G2 }],
        customFieldValues: { [G1]: { Stage: "Offer", Notes: "gone anyway" } },
      },
      body: { groups: [{ id: G2 }] },
    },
  ],
  // ——— companies ———
  [
    "companies: a renamed company is no change (names are read-only)",
    {
      before: ADA,
      after: { companies: [{ ...ACME, name: "Acme Inc" }, { id: TECH.id }] },
      body: undefined,
    },
  ],
  [
    "companies: a reorder changes the primary company",
    {
      before: ADA,
      after: { companies: [TECH, ACME] },
      body: { companies: [{ id: TECH.id }, { id: ACME.id }] },
    },
  ],
  [
    "companies: the current companies by name are no change",
    { before: ADA, after: { companies: [{ name: ACME.name }, { name: TECH.name }] }, body: undefined },
  ],
  [
    "companies: a new company by name is written { name }, the others { id }",
    {
      before: ADA,
      after: { companies: [{ name: NEW_COMPANY }, ...ADA.companies] },
      body: { companies: [{ name: NEW_COMPANY }, { id: ACME.id }, { id: TECH.id }] },
    },
  ],
  [
    "companies: current companies named in a new order are written by id",
    {
      before: ADA,
      after: { companies: [{ name: TECH.name }, { name: ACME.name }] },
      body: { companies: [{ id: TECH.id }, { id: ACME.id }] },
    },
  ],
  [
    "companies: a name already listed by id is kept as a name (vendor example)",
    {
      before: ADA,
      after: { companies: [{ name: ACME.name }, { id: ACME.id }] },
      body: { companies: [{ name: ACME.name }, { id: ACME.id }] },
    },
  ],
  [
    "companies: null unlinks every company",
    { before: ADA, after: { companies: null }, body: { companies: [] } },
  ],
  // ——— ordered lists ———
  [
    "emails: a new primary sends the whole list",
    {
      before: ADA,
      after: { emails: ["ada@new.example.com", ...ADA.emails] },
      body: { emails: ["ada@new.example.com", "ada@example.com", "ada@work.example.org"] },
    },
  ],
  [
    "emails: a reorder is a change (the first is primary)",
    {
      before: ADA,
      after: { emails: ["ada@work.example.org", "ada@example.com"] },
      body: { emails: ["ada@work.example.org", "ada@example.com"] },
    },
  ],
  [
    "emails: removing one sends the rest",
    { before: ADA, after: { emails: ["ada@example.com"] }, body: { emails: ["ada@example.com"] } },
  ],
  ["emails: null empties the list", { before: ADA, after: { emails: null }, body: { emails: [] } }],
  [
    "emails: null or [] when already empty",
    { before: ada({ emails: [] }), after: { emails: null, urls: [...ADA.urls] }, body: undefined },
  ],
  [
    "addresses, phones and urls are replaced whole",
    {
      before: ADA,
      after: { addresses: [], phones: ["+15550100100", "ext. 42"], urls: ["https://example.com/ada2"] },
      body: { addresses: [], phones: ["+15550100100", "ext. 42"], urls: ["https://example.com/ada2"] },
    },
  ],
  [
    "phones are free text (no E.164 rule)",
    { before: ADA, after: { phones: ["call the front desk"] }, body: { phones: ["call the front desk"] } },
  ],
  // ——— custom field values ———
  [
    "custom: one changed field travels with the full groups list, unchanged groups included",
    {
      before: ADA,
      after: {
        ...ADA,
        customFieldValues: {
          ...ADA.customFieldValues,
          [G1]: { ...ADA.customFieldValues[G1], Stage: "Offer" },
        },
      },
      body: { groups: BOTH_GROUPS, customFieldValues: { [G1]: { Stage: "Offer" } } },
    },
  ],
  [
    "custom: groups left out of the desired record travel as they are",
    {
      before: ADA,
      after: { customFieldValues: { [G2]: { Ticket: 50 } } },
      body: { groups: BOTH_GROUPS, customFieldValues: { [G2]: { Ticket: 50 } } },
    },
  ],
  [
    "custom: fields not named are kept (per-field merge)",
    {
      before: ADA,
      after: { customFieldValues: { [G1]: { Notes: "Call back" } } },
      body: { groups: BOTH_GROUPS, customFieldValues: { [G1]: { Notes: "Call back" } } },
    },
  ],
  [
    "custom: a field the read record does not list yet is sent",
    {
      before: ADA,
      after: { customFieldValues: { [G2]: { Stage: "Intro" } } },
      body: { groups: BOTH_GROUPS, customFieldValues: { [G2]: { Stage: "Intro" } } },
    },
  ],
  [
    "custom: a timestamp for an unset field is sent as given (no date to say it is a dateField)",
    {
      before: ADA,
      after: { customFieldValues: { [G1]: { Notes: "2030-01-02T08:00:00Z" } } },
      body: { groups: BOTH_GROUPS, customFieldValues: { [G1]: { Notes: "2030-01-02T08:00:00Z" } } },
    },
  ],
  [
    "custom: a number equals its read-back numeric string",
    {
      before: ADA,
      after: { customFieldValues: { [G1]: { "Years of experience": 7 }, [G2]: { Ticket: 42 } } },
      body: undefined,
    },
  ],
  [
    "custom: numeric strings compare exactly (the field type is unknown)",
    {
      before: ADA,
      after: { customFieldValues: { [G2]: { Ticket: "42.0" } } },
      body: { groups: BOTH_GROUPS, customFieldValues: { [G2]: { Ticket: "42.0" } } },
    },
  ],
  [
    "custom: a text is not a number ('007' vs '7')",
    {
      before: ada({ customFieldValues: { [G1]: { Notes: "007" } } }),
      after: { customFieldValues: { [G1]: { Notes: "7" } } },
      body: { groups: BOTH_GROUPS, customFieldValues: { [G1]: { Notes: "7" } } },
    },
  ],
  [
    "custom: multi-select labels compare as sets",
    {
      before: ADA,
      after: { customFieldValues: { [G1]: { Skills: ["Go", "TypeScript", "Go"] } } },
      body: undefined,
    },
  ],
  [
    "custom: a changed multi-select is written whole, without duplicates",
    {
      before: ADA,
      after: { customFieldValues: { [G1]: { Skills: ["Rust", "Go", "Rust"] } } },
      body: { groups: BOTH_GROUPS, customFieldValues: { [G1]: { Skills: ["Rust", "Go"] } } },
    },
  ],
  [
    "custom: a user read form equals { id }",
    { before: ADA, after: { customFieldValues: { [G1]: { Owner: [{ id: SAM.id }] } } }, body: undefined },
  ],
  [
    "custom: a user equals { email }, case aside",
    {
      before: ADA,
      after: { customFieldValues: { [G1]: { Owner: [{ email: "SAM@example.com" }] } } },
      body: undefined,
    },
  ],
  [
    "custom: changed users are written { id }, or { email } without an id",
    {
      before: ADA,
      after: { customFieldValues: { [G1]: { Owner: [JANE, { email: LEE.email }] } } },
      body: {
        groups: BOTH_GROUPS,
        customFieldValues: { [G1]: { Owner: [{ id: JANE.id }, { email: LEE.email }] } },
      },
    },
  ],
  [
    "custom: contacts compare by id, in any order",
    {
      before: ADA,
      after: {
        customFieldValues: {
          [G1]: { "Referred by": [{ id: HR.id }, { ...BOB, fullName: "Robert Smith" }] },
        },
      },
      body: undefined,
    },
  ],
  [
    "custom: changed contacts are written { id } (fullName and entityType dropped)",
    {
      before: ADA,
      after: { customFieldValues: { [G1]: { "Referred by": [BOB] } } },
      body: { groups: BOTH_GROUPS, customFieldValues: { [G1]: { "Referred by": [{ id: BOB.id }] } } },
    },
  ],
  [
    "custom: objects are written { id }",
    {
      before: ADA,
      after: { customFieldValues: { [G2]: { Project: [APOLLO, { id: folkId("obj", 2) }] } } },
      body: {
        groups: BOTH_GROUPS,
        customFieldValues: { [G2]: { Project: [{ id: APOLLO.id }, { id: folkId("obj", 2) }] } },
      },
    },
  ],
  [
    "custom: null unsets a set field",
    {
      before: ADA,
      after: { customFieldValues: { [G1]: { Stage: null } } },
      body: { groups: BOTH_GROUPS, customFieldValues: { [G1]: { Stage: null } } },
    },
  ],
  [
    "custom: [] unsets a set field, sent as null",
    {
      before: ADA,
      after: { customFieldValues: { [G1]: { Skills: [] } } },
      body: { groups: BOTH_GROUPS, customFieldValues: { [G1]: { Skills: null } } },
    },
  ],
  [
    "custom: '' unsets a set text, sent as null",
    {
      before: ADA,
      after: { customFieldValues: { [G1]: { Stage: "" } } },
      body: { groups: BOTH_GROUPS, customFieldValues: { [G1]: { Stage: null } } },
    },
  ],
  [
    "custom: null, [] and '' are the same unset state",
    {
      before: ADA,
      after: {
        customFieldValues: { [G1]: { Notes: "" }, [G2]: { Tags: null, Summary: [], Ticket: "42" } },
      },
      body: undefined,
    },
  ],
  [
    "custom: a date equals a timestamp on that UTC day",
    {
      before: ADA,
      after: { customFieldValues: { [G1]: { "Available from": "2025-09-01T23:00:00+02:00" } } },
      body: undefined,
    },
  ],
  [
    "custom: a date changed by timestamp is written as its UTC day",
    {
      before: ADA,
      after: { customFieldValues: { [G1]: { "Available from": "2025-10-01T08:00:00Z" } } },
      body: { groups: BOTH_GROUPS, customFieldValues: { [G1]: { "Available from": "2025-10-01" } } },
    },
  ],
  [
    "custom: a null group unsets its set fields",
    {
      before: ADA,
      after: { customFieldValues: { [G2]: null } },
      body: { groups: BOTH_GROUPS, customFieldValues: { [G2]: { Project: null, Ticket: null } } },
    },
  ],
  [
    "custom: null unsets every set field of every group",
    {
      before: ADA,
      after: { customFieldValues: null },
      body: {
        groups: BOTH_GROUPS,
        customFieldValues: {
          [G1]: {
            "Available from": null,
            Owner: null,
            "Referred by": null,
            Skills: null,
            Stage: null,
            "Years of experience": null,
          },
          [G2]: { Project: null, Ticket: null },
        },
      },
    },
  ],
  [
    "custom: a new group with values sends both",
    {
      before: ADA,
      after: { groups: [...BOTH_GROUPS, { id: G3 }], customFieldValues: { [G3]: { Topics: ["Hiring"] } } },
      body: { groups: [...BOTH_GROUPS, { id: G3 }], customFieldValues: { [G3]: { Topics: ["Hiring"] } } },
    },
  ],
  [
    "custom: values for a group the person is not in are ignored",
    { before: ADA, after: { customFieldValues: { [G3]: { Topics: ["Hiring"] } } }, body: undefined },
  ],
  [
    "custom: a removed group and a changed kept group: groups without it, the kept group's values only",
    {
      before: ADA,
      after: {
        groups: [{ id: G2 }],
        customFieldValues: { [G1]: { Stage: "Offer" }, [G2]: { Ticket: 43 } },
      },
      body: { groups: [{ id: G2 }], customFieldValues: { [G2]: { Ticket: 43 } } },
    },
  ],
  [
    "custom: unset fields of a new group are not sent",
    {
      before: ADA,
      after: { groups: [...BOTH_GROUPS, { id: G3 }], customFieldValues: { [G3]: { Topics: null } } },
      body: { groups: [...BOTH_GROUPS, { id: G3 }] },
    },
  ],
  // ——— the vendor's PATCH page: its response as before, its request as after ———
  [
    "vendor example: only description, birthday, companies and urls differ",
    {
      before: ada({
        description: "John Doe is a software engineer at Tech Corp.",
        birthday: "1980-06-15",
        companies: [TECH],
        urls: ["https://example.com"],
        customFieldValues: { [G2]: { Ticket: "42", Project: [APOLLO] } },
        groups: [{ id: G2, name: "Investors" }],
        emails: ["john@example.com", "john@techcorp.com"],
      }),
      after: {
        description: "A brief description of the person.",
        birthday: "1990-01-01",
        groups: [{ id: G2 }],
        companies: [{ name: TECH.name }, { id: TECH.id }],
        emails: ["john@example.com", "john@techcorp.com"],
        urls: ["https://example.com", "https://example.com/about"],
        customFieldValues: { [G2]: { Ticket: 42, Project: [{ id: APOLLO.id }] } },
      },
      body: {
        description: "A brief description of the person.",
        birthday: "1990-01-01",
        companies: [{ name: TECH.name }, { id: TECH.id }],
        urls: ["https://example.com", "https://example.com/about"],
      },
    },
  ],
];

describe("diffPerson: named cases", () => {
  it.each(cases)("%s", (_name, { before, after, body }) => {
    const got = diffPerson(deepFreeze(structuredClone(before)), deepFreeze(structuredClone(after)));
    expect(got.body).toEqual(body ?? {});
    expect(got.noop).toBe(body === undefined);
    expect(got.changed).toEqual(Object.keys(body ?? {}).sort(byRuleOrder));
    // What is sent takes Folk to the desired state.
    if (body) expect(state(applyPatch(before, got.body))).toEqual(state(expected(before, after)));
  });

  it("lists changed keys in rule-table order and custom values with sorted keys", () => {
    const { body, changed } = diffPerson(ADA, {
      customFieldValues: { [G1]: { Stage: "Offer", Notes: "x" } },
      urls: [],
      firstName: "Augusta",
    });
    expect(changed).toEqual(["firstName", "groups", "urls", "customFieldValues"]);
    expect(JSON.stringify(body)).toBe(
      JSON.stringify({
        firstName: "Augusta",
        groups: BOTH_GROUPS,
        urls: [],
        customFieldValues: { [G1]: { Notes: "x", Stage: "Offer" } },
      }),
    );
  });
});

const RULE_ORDER = Object.keys(personRules.fields);
const byRuleOrder = (a: string, b: string) => RULE_ORDER.indexOf(a) - RULE_ORDER.indexOf(b);

// ——— validation: every limit of the PATCH body, with the exact issue ———

type Want = { path: string; rule: string; limit?: string | number };
const many = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));
const groupIds = many(101, (i) => ({ id: folkId("grp", 1000 + i), name: `Group ${i}` }));

const invalid: [string, { after: FolkPersonDesired; issues: Want[] }][] = [
  [
    "firstName over 500",
    { after: { firstName: "a".repeat(501) }, issues: [{ path: "firstName", rule: "maxLength", limit: 500 }] },
  ],
  [
    "lastName over 500",
    { after: { lastName: "a".repeat(501) }, issues: [{ path: "lastName", rule: "maxLength", limit: 500 }] },
  ],
  [
    "fullName over 1000",
    { after: { fullName: "a".repeat(1001) }, issues: [{ path: "fullName", rule: "maxLength", limit: 1000 }] },
  ],
  [
    "description over 5000",
    {
      after: { description: "a".repeat(5001) },
      issues: [{ path: "description", rule: "maxLength", limit: 5000 }],
    },
  ],
  [
    "jobTitle over 500",
    { after: { jobTitle: "a".repeat(501) }, issues: [{ path: "jobTitle", rule: "maxLength", limit: 500 }] },
  ],
  [
    "fullName cannot be null",
    { after: { fullName: null as unknown as string }, issues: [{ path: "fullName", rule: "not-nullable" }] },
  ],
  [
    "birthday not a real day",
    { after: { birthday: "1990-02-30" }, issues: [{ path: "birthday", rule: "format", limit: "date" }] },
  ],
  [
    "birthday shorter than 10",
    {
      after: { birthday: "1990-1-1" },
      issues: [
        { path: "birthday", rule: "minLength", limit: 10 },
        { path: "birthday", rule: "format", limit: "date" },
      ],
    },
  ],
  [
    "birthday as a timestamp without a zone",
    {
      after: { birthday: "1990-01-01T10:00:00" },
      issues: [
        { path: "birthday", rule: "maxLength", limit: 10 },
        { path: "birthday", rule: "format", limit: "date" },
      ],
    },
  ],
  [
    "groups over 100",
    { after: { groups: groupIds }, issues: [{ path: "groups", rule: "maxItems", limit: 100 }] },
  ],
  [
    "a group id not 40 characters",
    {
      after: { groups: [{ id: "grp_1" }] },
      issues: [{ path: "groups[0].id", rule: "minLength", limit: 40 }],
    },
  ],
  [
    "companies over 20",
    {
      after: { companies: many(21, (i) => ({ name: `Company ${i}` })) },
      issues: [{ path: "companies", rule: "maxItems", limit: 20 }],
    },
  ],
  // The validator reports a company matching neither shape as a whole (see the report on oneOf).
  [
    "a company id not 40 characters",
    { after: { companies: [{ id: "com_1" }] }, issues: [{ path: "companies[0]", rule: "oneOf", limit: 2 }] },
  ],
  [
    "a company name over 500",
    {
      after: { companies: [{ name: "c".repeat(501) }] },
      issues: [{ path: "companies[0]", rule: "oneOf", limit: 2 }],
    },
  ],
  [
    "addresses over 20",
    {
      after: { addresses: many(21, (i) => `${i} Main St`) },
      issues: [{ path: "addresses", rule: "maxItems", limit: 20 }],
    },
  ],
  [
    "an address over 500",
    {
      after: { addresses: ["a".repeat(501)] },
      issues: [{ path: "addresses[0]", rule: "maxLength", limit: 500 }],
    },
  ],
  [
    "emails over 20",
    {
      after: { emails: many(21, (i) => `u${i}@example.com`) },
      issues: [{ path: "emails", rule: "maxItems", limit: 20 }],
    },
  ],
  [
    "an email over 254",
    {
      after: { emails: [`${"a".repeat(243)}@example.com`] },
      issues: [{ path: "emails[0]", rule: "maxLength", limit: 254 }],
    },
  ],
  [
    "an email that is not one",
    {
      after: { emails: ["ada at example.com"] },
      issues: [{ path: "emails[0]", rule: "format", limit: "email" }],
    },
  ],
  [
    "phones over 20",
    {
      after: { phones: many(21, (i) => `+33 ${i}`) },
      issues: [{ path: "phones", rule: "maxItems", limit: 20 }],
    },
  ],
  [
    "a phone over 30",
    {
      after: { phones: ["+1".padEnd(31, "0")] },
      issues: [{ path: "phones[0]", rule: "maxLength", limit: 30 }],
    },
  ],
  [
    "urls over 20",
    {
      after: { urls: many(21, (i) => `https://example.com/${i}`) },
      issues: [{ path: "urls", rule: "maxItems", limit: 20 }],
    },
  ],
  [
    "a url over 2048",
    {
      after: { urls: [`https://example.com/${"u".repeat(2029)}`] },
      issues: [{ path: "urls[0]", rule: "maxLength", limit: 2048 }],
    },
  ],
  // The validator reports a custom value matching none of the 7 value shapes as a whole.
  [
    "a custom text over 5000",
    {
      after: { customFieldValues: { [G1]: { Notes: "n".repeat(5001) } } },
      issues: [{ path: `customFieldValues.${G1}.Notes`, rule: "anyOf", limit: 7 }],
    },
  ],
  [
    "a custom list over 1000 items",
    {
      after: { customFieldValues: { [G1]: { Skills: many(1001, (i) => `s${i}`) } } },
      issues: [{ path: `customFieldValues.${G1}.Skills`, rule: "anyOf", limit: 7 }],
    },
  ],
  [
    "a custom reference id not 40 characters",
    {
      after: { customFieldValues: { [G1]: { "Referred by": [{ id: "per_1" }] } } },
      issues: [{ path: `customFieldValues.${G1}.Referred by`, rule: "anyOf", limit: 7 }],
    },
  ],
  [
    "a custom number that JSON cannot carry",
    {
      after: { customFieldValues: { [G2]: { Ticket: Number.NaN } } },
      issues: [{ path: `customFieldValues.${G2}.Ticket`, rule: "type", limit: "number" }],
    },
  ],
  [
    "every issue at once",
    {
      after: { firstName: "a".repeat(501), emails: ["x"], groups: [{ id: "grp_1" }] },
      issues: [
        { path: "firstName", rule: "maxLength", limit: 500 },
        { path: "groups[0].id", rule: "minLength", limit: 40 },
        { path: "emails[0]", rule: "format", limit: "email" },
      ],
    },
  ],
];

describe("diffPerson: validation", () => {
  it.each(invalid)("%s", (_name, { after, issues }) => {
    const error = catchError(() => diffPerson(ADA, after));
    expect(error).toBeInstanceOf(PatchValidationError);
    const got = (error as PatchValidationError).issues.map(({ path, rule, limit }) => ({
      path,
      rule,
      ...(limit !== undefined && { limit }),
    }));
    expect(got).toEqual(issues);
  });

  it("values at every limit pass", () => {
    const after: FolkPersonDesired = {
      firstName: "a".repeat(500),
      fullName: "a".repeat(1000),
      description: "a".repeat(5000),
      groups: groupIds.slice(0, 100),
      companies: many(20, (i) => ({ name: `Company ${i}`.padEnd(500, ".") })),
      emails: many(20, (i) => `${"a".repeat(240)}${String(i).padStart(2, "0")}@example.com`),
      phones: many(20, (i) => `+${"1".repeat(27)}${String(i).padStart(2, "0")}`),
      urls: many(20, (i) => `https://example.com/${"u".repeat(2024)}${String(i).padStart(4, "0")}`),
      customFieldValues: {
        [groupIds[0]!.id]: { Notes: "n".repeat(5000), Skills: many(1000, (i) => `s${i}`) },
      },
    };
    expect(diffPerson(ADA, after).changed).toHaveLength(9);
  });

  it("the cross-field check names a custom value group missing from groups", () => {
    const body: FolkPersonPatch = { groups: [{ id: G1 }], customFieldValues: { [G2]: { Ticket: 1 } } };
    expect(personRules.check?.(body, ADA, ADA)).toEqual([
      expect.objectContaining({ path: `customFieldValues.${G2}`, rule: "companion", limit: "groups" }),
    ]);
  });
});

// ——— properties over generated records ———

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) };

/** The state Folk ends in after the body, or "rejected" when it answers 422. */
function outcome(before: FolkPerson, body: FolkPersonPatch): unknown {
  try {
    return state(applyPatch(before, body));
  } catch (e) {
    if (e instanceof Rejected) return "rejected";
    throw e;
  }
}

/** Every body with one piece less: a top-level key or a custom field value. */
function smaller(body: FolkPersonPatch): [string, FolkPersonPatch][] {
  const out: [string, FolkPersonPatch][] = [];
  for (const k of Object.keys(body) as (keyof FolkPersonPatch)[]) {
    const b = structuredClone(body);
    delete b[k];
    out.push([k, b]);
  }
  for (const [g, fields] of Object.entries(body.customFieldValues ?? {})) {
    for (const f of Object.keys(fields)) {
      const b = structuredClone(body);
      delete b.customFieldValues![g]![f];
      out.push([`customFieldValues.${g}.${f}`, b]);
    }
  }
  return out;
}

function undefinedKeys(v: unknown, path = ""): string[] {
  if (typeof v !== "object" || v === null) return [];
  return Object.entries(v).flatMap(([k, x]) =>
    x === undefined ? [`${path}.${k}`] : undefinedKeys(x, `${path}.${k}`),
  );
}

describe("diffPerson: properties", () => {
  test.prop([person], RUNS)("diff(x, x) is a no-op", (x) => {
    expect(diffPerson(deepFreeze(x), x)).toEqual({ body: {}, noop: true, changed: [] });
  });

  test.prop([person.chain((x) => fc.tuple(fc.constant(x), readOnlyChanged(x)))], RUNS)(
    "changes to read-only fields only are a no-op",
    ([before, after]) => {
      expect(diffPerson(before, after)).toEqual({ body: {}, noop: true, changed: [] });
    },
  );

  test.prop([person.chain((x) => fc.tuple(fc.constant(x), equivalent(x)))], RUNS)(
    "read-only fields, reorders of sets and equivalent encodings are a no-op",
    ([before, after]) => {
      expect(diffPerson(before, after).body).toEqual({});
    },
  );

  test.prop([personPair], RUNS)("correct: Folk ends in the desired state", ([before, after]) => {
    const { body } = diffPerson(before, after);
    expect(outcome(before, body)).toEqual(state(expected(before, after)));
  });

  test.prop([personPair], RUNS)("minimal: any piece less misses the desired state", ([before, after]) => {
    const { body } = diffPerson(before, after);
    const want = state(expected(before, after));
    for (const [what, less] of smaller(body))
      expect(outcome(before, less), `without ${what}`).not.toEqual(want);
  });

  test.prop([personPair], RUNS)(
    "deterministic, inputs untouched, valid, no undefined keys",
    ([before, after]) => {
      const [b, a] = [structuredClone(before), structuredClone(after)];
      const got = diffPerson(deepFreeze(before), deepFreeze(after));
      expect([before, after]).toEqual([b, a]);
      expect(JSON.stringify(diffPerson(b, a))).toBe(JSON.stringify(got));
      expect(validate(updatePersonBody, got.body)).toEqual([]);
      expect(undefinedKeys(got.body)).toEqual([]);
      expect(got.noop).toBe(got.changed.length === 0);
    },
  );
});

function catchError(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}

/** Freezes a value and everything in it, so a test fails if the code under test mutates its inputs. */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
