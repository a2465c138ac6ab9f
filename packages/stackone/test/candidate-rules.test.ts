import { fc, test } from "@fast-check/vitest";
import { validate } from "@patchwise/diff";
import { describe, expect, it } from "vitest";
import { updateCandidateBody } from "../src/generated/validation.ts";
import {
  candidateRules,
  diffCandidate,
  PatchValidationError,
  type StackOneCandidate,
  type StackOneCandidatePatch,
} from "../src/index.ts";
import { APPLICATION_IDS, candidate, equivalentPair, LISTS, pair, WRITABLE } from "./arbitraries.ts";

// PROPERTY_RUNS=20000 for a deeper search (after changing a rule); the default keeps the suite fast.
const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) };
const TIMEOUT = 5_000 * Math.max(1, RUNS.numRuns / 300);

const [APP_A, APP_B, APP_C] = APPLICATION_IDS as [string, string, string];
const ENUM_PHONE_TYPE = '"personal", "work", "mobile", "home", "unknown", "other", "unmapped_value", null';

/** The spec's example candidate (components.schemas.Candidate), as GET returns it. */
const BASE: StackOneCandidate = {
  id: "c0a8012e-7d3f-4b8e-9a51-2f6c1d9e4b70",
  remote_id: "48213",
  name: "Alex Example",
  first_name: "Alex",
  last_name: "Example",
  email: "alex.example@example.com",
  emails: [
    { type: "personal", value: "alex.example@example.com" },
    { type: "work", value: "alex@example.co.uk" },
  ],
  social_links: [
    { type: "linkedin", url: "https://www.linkedin.com/in/example-alex" },
    { type: "github", url: "https://github.com/example-alex" },
  ],
  phone: "+447700900123",
  phone_numbers: [
    { type: "mobile", phone: "+447700900123" },
    { type: "work", phone: "+12025550143" },
  ],
  company: "Example Ltd",
  title: "Data Engineer",
  country: "United Kingdom",
  application_ids: [APP_A, APP_B],
  remote_application_ids: ["99120"],
  hired_at: null,
  custom_fields: [
    {
      id: "1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b",
      remote_id: "701",
      name: "Notice period",
      value: "1 month",
      value_id: null,
      remote_value_id: null,
    },
    { id: "cf_2", remote_id: "702", name: "Salary", value: { amount: 100, currency: "GBP" } },
  ],
  unified_custom_fields: { source_ref: "REF-1042", nested: { a: 1, b: [1, 2] } },
  tags: [{ remote_id: "12", name: "Referral" }],
  created_at: "2024-03-04T09:15:00.000Z",
  updated_at: "2024-05-20T16:42:10.000Z",
};

/** BASE with some fields changed; `null` is kept (a clear), `undefined` removes the key. */
function edit(changes: Record<string, unknown>, from: StackOneCandidate = BASE): StackOneCandidate {
  const out: Record<string, unknown> = { ...from, ...changes };
  for (const [k, v] of Object.entries(changes)) if (v === undefined) delete out[k];
  return out as unknown as StackOneCandidate;
}

/** Freezes a value and everything in it, so a test fails if the code under test mutates its inputs. */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

type Case = {
  before: StackOneCandidate;
  after: StackOneCandidate;
  body: StackOneCandidatePatch | undefined;
};

const emails = BASE.emails ?? [];
const [PERSONAL, WORK] = emails as [NonNullable<typeof emails>[number], NonNullable<typeof emails>[number]];
const [MOBILE, WORK_PHONE] = BASE.phone_numbers as [object, object];
const [LINKEDIN, GITHUB] = BASE.social_links as [object, object];
const [NOTICE, SALARY] = BASE.custom_fields as [object, object];

/**
 * Named cases: every rule and every edge case of the provider notes. Every counterexample a property
 * test ever finds is added here under a name that says what it shows. `body: undefined` is a no-op.
 */
const CASES: [string, Case][] = [
  // --- No-ops ---------------------------------------------------------------------------------
  ["identical records", { before: BASE, after: BASE, body: undefined }],
  ["a deep copy of the record", { before: BASE, after: structuredClone(BASE), body: undefined }],
  [
    "read-only fields changed: id, remote_id, remote_application_ids, tags, created_at, updated_at",
    {
      before: BASE,
      after: edit({
        id: "d1b9123f-8e4a-4c9f-8b62-3a7d2eaf5c81",
        remote_id: "48214",
        remote_application_ids: ["99121", "99122"],
        tags: [],
        created_at: "2020-01-01T00:00:00Z",
        updated_at: "2025-06-15T11:00:00.000Z",
      }),
      body: undefined,
    },
  ],
  [
    "phone (deprecated) changed or cleared: never written",
    { before: BASE, after: edit({ phone: "+16178294093" }), body: undefined },
  ],
  ["phone cleared: never written", { before: BASE, after: edit({ phone: null }), body: undefined }],
  [
    "passthrough in a desired record: write-only, never part of a state diff",
    { before: BASE, after: edit({ passthrough: { other_known_names: "John Doe" } }), body: undefined },
  ],
  [
    "every writable key absent from after: each left as it is",
    {
      before: BASE,
      after: edit(Object.fromEntries(WRITABLE.map((k) => [k, undefined]))),
      body: undefined,
    },
  ],
  [
    "a key absent from before and null in after: both empty",
    {
      before: edit({
        title: undefined,
        hired_at: undefined,
        emails: undefined,
        unified_custom_fields: undefined,
      }),
      after: edit({ title: null, hired_at: null, emails: null, unified_custom_fields: null }),
      body: undefined,
    },
  ],
  [
    "hired_at: …Z equals ….000Z",
    {
      before: edit({ hired_at: "2021-01-01T01:01:01Z" }),
      after: edit({ hired_at: "2021-01-01T01:01:01.000Z" }),
      body: undefined,
    },
  ],
  [
    "hired_at: the same instant at an offset, on another local date",
    {
      before: edit({ hired_at: "2024-02-29T23:30:00.000Z" }),
      after: edit({ hired_at: "2024-03-01T05:00:00+05:30" }),
      body: undefined,
    },
  ],
  [
    "hired_at: microseconds equal milliseconds",
    {
      before: edit({ hired_at: "2021-01-01T01:01:01.000000Z" }),
      after: edit({ hired_at: "2021-01-01T01:01:01.000Z" }),
      body: undefined,
    },
  ],
  [
    "hired_at: the same zoneless text on both sides (compared exactly)",
    {
      before: edit({ hired_at: "2021-01-01T01:01:01" }),
      after: edit({ hired_at: "2021-01-01T01:01:01" }),
      body: undefined,
    },
  ],
  ["emails reordered", { before: BASE, after: edit({ emails: [WORK, PERSONAL] }), body: undefined }],
  [
    "social_links reordered",
    { before: BASE, after: edit({ social_links: [GITHUB, LINKEDIN] }), body: undefined },
  ],
  [
    "phone_numbers reordered",
    { before: BASE, after: edit({ phone_numbers: [WORK_PHONE, MOBILE] }), body: undefined },
  ],
  [
    "application_ids reordered",
    { before: BASE, after: edit({ application_ids: [APP_B, APP_A] }), body: undefined },
  ],
  [
    "custom_fields reordered",
    { before: BASE, after: edit({ custom_fields: [SALARY, NOTICE] }), body: undefined },
  ],
  [
    "application_ids with a repeat, reordered: the same multiset",
    {
      before: edit({ application_ids: [APP_A, APP_B, APP_A] }),
      after: edit({ application_ids: [APP_A, APP_A, APP_B] }),
      body: undefined,
    },
  ],
  [
    "list items with their keys reordered",
    {
      before: BASE,
      after: edit({
        emails: [
          { value: "alex@example.co.uk", type: "work" },
          { value: "alex.example@example.com", type: "personal" },
        ],
        custom_fields: [
          { value: { currency: "GBP", amount: 100 }, name: "Salary", remote_id: "702", id: "cf_2" },
          NOTICE,
        ],
      }),
      body: undefined,
    },
  ],
  [
    "list items: a null key equals an absent one",
    {
      before: BASE,
      after: edit({
        custom_fields: [
          {
            id: "1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b",
            remote_id: "701",
            name: "Notice period",
            value: "1 month",
          },
          { ...SALARY, value_id: null, remote_value_id: null },
        ],
      }),
      body: undefined,
    },
  ],
  [
    "lists: null, [] and absent in before are the same empty list",
    {
      before: edit({ emails: null, social_links: [], phone_numbers: undefined, application_ids: [] }),
      after: edit({ emails: [], social_links: null, phone_numbers: [], application_ids: null }),
      body: undefined,
    },
  ],
  [
    "unified_custom_fields with keys reordered at every level",
    {
      before: BASE,
      after: edit({ unified_custom_fields: { nested: { b: [1, 2], a: 1 }, source_ref: "REF-1042" } }),
      body: undefined,
    },
  ],
  [
    "unified_custom_fields: {} equals null",
    {
      before: edit({ unified_custom_fields: null }),
      after: edit({ unified_custom_fields: {} }),
      body: undefined,
    },
  ],
  [
    "scalars null on both sides",
    {
      before: edit({ name: null, company: null, country: null }),
      after: edit({ name: null, company: null, country: null }),
      body: undefined,
    },
  ],

  // --- Scalars ----------------------------------------------------------------------------------
  [
    "names set",
    {
      before: BASE,
      after: edit({ name: "Alexandra Example", first_name: "Alexandra", last_name: "Example" }),
      body: { name: "Alexandra Example", first_name: "Alexandra" },
    },
  ],
  [
    "company, title and country cleared: null is sent as null",
    {
      before: BASE,
      after: edit({ company: null, title: null, country: null }),
      body: { company: null, title: null, country: null },
    },
  ],
  ['title "" is a value, not a clear', { before: BASE, after: edit({ title: "" }), body: { title: "" } }],
  [
    'title from "" to null is a clear',
    { before: edit({ title: "" }), after: edit({ title: null }), body: { title: null } },
  ],
  [
    "scalars set from absent",
    {
      before: edit({ company: undefined, country: undefined }),
      after: edit({ company: "Acme", country: "Ireland" }),
      body: { company: "Acme", country: "Ireland" },
    },
  ],
  [
    "whitespace and case matter in scalars",
    {
      before: BASE,
      after: edit({ first_name: "Alex ", last_name: "example" }),
      body: { first_name: "Alex ", last_name: "example" },
    },
  ],
  [
    "email changed alone (emails unchanged): fine even when not among emails",
    { before: BASE, after: edit({ email: "alex@new.example" }), body: { email: "alex@new.example" } },
  ],
  [
    "email changed to one already among emails",
    { before: BASE, after: edit({ email: "alex@example.co.uk" }), body: { email: "alex@example.co.uk" } },
  ],
  ["email cleared", { before: BASE, after: edit({ email: null }), body: { email: null } }],
  [
    "email differing by case only is a change (compared exactly)",
    {
      before: BASE,
      after: edit({
        email: "Alex.Example@example.com",
        emails: [{ type: "personal", value: "Alex.Example@example.com" }],
      }),
      body: {
        email: "Alex.Example@example.com",
        emails: [{ type: "personal", value: "Alex.Example@example.com" }],
      },
    },
  ],

  // --- hired_at ---------------------------------------------------------------------------------
  [
    "hired_at set, sent as after writes it",
    {
      before: BASE,
      after: edit({ hired_at: "2025-01-06T09:00:00Z" }),
      body: { hired_at: "2025-01-06T09:00:00Z" },
    },
  ],
  [
    "hired_at moved by one millisecond",
    {
      before: edit({ hired_at: "2021-01-01T01:01:01.000Z" }),
      after: edit({ hired_at: "2021-01-01T01:01:01.001Z" }),
      body: { hired_at: "2021-01-01T01:01:01.001Z" },
    },
  ],
  [
    "hired_at: the same wall-clock time at another offset is another instant",
    {
      before: edit({ hired_at: "2021-01-01T01:01:01Z" }),
      after: edit({ hired_at: "2021-01-01T01:01:01+01:00" }),
      body: { hired_at: "2021-01-01T01:01:01+01:00" },
    },
  ],
  [
    "hired_at cleared",
    { before: edit({ hired_at: "2021-01-01T01:01:01Z" }), after: BASE, body: { hired_at: null } },
  ],

  // --- Lists: replaced whole, order-free --------------------------------------------------------
  [
    "emails: one added, the whole list sent in after's order",
    {
      before: BASE,
      after: edit({ emails: [WORK, { type: "other", value: "a@b.example" }, PERSONAL] }),
      body: { emails: [WORK, { type: "other", value: "a@b.example" }, PERSONAL] },
    },
  ],
  [
    "emails: one removed",
    { before: BASE, after: edit({ emails: [PERSONAL] }), body: { emails: [PERSONAL] } },
  ],
  [
    "emails: an item's type changed",
    {
      before: BASE,
      after: edit({ emails: [PERSONAL, { type: "personal", value: "alex@example.co.uk" }] }),
      body: { emails: [PERSONAL, { type: "personal", value: "alex@example.co.uk" }] },
    },
  ],
  [
    "emails: a repeated item is a change (multiset)",
    {
      before: BASE,
      after: edit({ emails: [PERSONAL, WORK, PERSONAL] }),
      body: { emails: [PERSONAL, WORK, PERSONAL] },
    },
  ],
  [
    "emails emptied with []: [] is sent",
    { before: BASE, after: edit({ email: undefined, emails: [] }), body: { emails: [] } },
  ],
  [
    "emails cleared with null: null is sent",
    { before: BASE, after: edit({ email: undefined, emails: null }), body: { emails: null } },
  ],
  [
    "email and emails changed together, consistently",
    {
      before: BASE,
      after: edit({ email: "alex@new.example", emails: [{ type: "work", value: "alex@new.example" }] }),
      body: { email: "alex@new.example", emails: [{ type: "work", value: "alex@new.example" }] },
    },
  ],
  [
    "email cleared while emails change: no conflict",
    {
      before: BASE,
      after: edit({ email: null, emails: [WORK] }),
      body: { email: null, emails: [WORK] },
    },
  ],
  [
    "emails changed while email stays: emails sent alone",
    { before: BASE, after: edit({ emails: [WORK] }), body: { emails: [WORK] } },
  ],
  [
    "list items sent as after writes them, null keys kept",
    {
      before: BASE,
      after: edit({ social_links: [{ type: null, url: "https://x.com/alex" }] }),
      body: { social_links: [{ type: null, url: "https://x.com/alex" }] },
    },
  ],
  [
    "phone_numbers: a type changed",
    {
      before: BASE,
      after: edit({ phone_numbers: [MOBILE, { type: "home", phone: "+12025550143" }] }),
      body: { phone_numbers: [MOBILE, { type: "home", phone: "+12025550143" }] },
    },
  ],
  [
    "phone_numbers: unmapped_value and null types",
    {
      before: BASE,
      after: edit({
        phone_numbers: [
          { type: "unmapped_value", phone: "1" },
          { type: null, phone: "2" },
        ],
      }),
      body: {
        phone_numbers: [
          { type: "unmapped_value", phone: "1" },
          { type: null, phone: "2" },
        ],
      },
    },
  ],
  [
    "application_ids: one replaced",
    {
      before: BASE,
      after: edit({ application_ids: [APP_C, APP_A] }),
      body: { application_ids: [APP_C, APP_A] },
    },
  ],
  [
    "application_ids: a repeat removed is a change (multiset)",
    {
      before: edit({ application_ids: [APP_A, APP_A, APP_B] }),
      after: BASE,
      body: { application_ids: [APP_A, APP_B] },
    },
  ],
  [
    "application_ids set from null",
    {
      before: edit({ application_ids: null }),
      after: edit({ application_ids: [APP_A] }),
      body: { application_ids: [APP_A] },
    },
  ],
  [
    "custom_fields: a value changed, the whole list sent",
    {
      before: BASE,
      after: edit({ custom_fields: [SALARY, { ...NOTICE, value: "3 months" }] }),
      body: { custom_fields: [SALARY, { ...NOTICE, value: "3 months" }] },
    },
  ],
  [
    'custom_fields: "42" and 42 differ (a value is any JSON, kept as it is)',
    {
      before: edit({ custom_fields: [{ id: "cf_3", value: "42" }] }),
      after: edit({ custom_fields: [{ id: "cf_3", value: 42 }] }),
      body: { custom_fields: [{ id: "cf_3", value: 42 }] },
    },
  ],
  [
    "custom_fields: a value set to null (a key with null and an absent one are the same)",
    {
      before: edit({ custom_fields: [{ id: "cf_3", value: "x" }] }),
      after: edit({ custom_fields: [{ id: "cf_3", value: null }] }),
      body: { custom_fields: [{ id: "cf_3", value: null }] },
    },
  ],
  [
    "custom_fields absent before (GET without include=custom_fields), set after",
    {
      before: edit({ custom_fields: undefined }),
      after: edit({ custom_fields: [NOTICE] }),
      body: { custom_fields: [NOTICE] },
    },
  ],
  [
    "all lists cleared at once, in rule-table order",
    {
      before: BASE,
      after: edit({
        custom_fields: null,
        application_ids: null,
        phone_numbers: null,
        social_links: null,
        emails: null,
        email: null,
      }),
      body: {
        email: null,
        emails: null,
        social_links: null,
        phone_numbers: null,
        application_ids: null,
        custom_fields: null,
      },
    },
  ],

  // --- unified_custom_fields: replaced whole ----------------------------------------------------
  [
    "unified_custom_fields: one key added, the whole object sent",
    {
      before: BASE,
      after: edit({ unified_custom_fields: { ...BASE.unified_custom_fields, score: 7 } }),
      body: { unified_custom_fields: { source_ref: "REF-1042", nested: { a: 1, b: [1, 2] }, score: 7 } },
    },
  ],
  [
    "unified_custom_fields: a nested value changed",
    {
      before: BASE,
      after: edit({ unified_custom_fields: { source_ref: "REF-1042", nested: { a: 1, b: [2, 1] } } }),
      body: { unified_custom_fields: { source_ref: "REF-1042", nested: { a: 1, b: [2, 1] } } },
    },
  ],
  [
    "unified_custom_fields cleared with null",
    { before: BASE, after: edit({ unified_custom_fields: null }), body: { unified_custom_fields: null } },
  ],
  [
    "unified_custom_fields emptied with {}: {} is sent",
    { before: BASE, after: edit({ unified_custom_fields: {} }), body: { unified_custom_fields: {} } },
  ],

  // --- Whole records ----------------------------------------------------------------------------
  [
    "body keys in the spec's order, whatever after's key order",
    {
      before: BASE,
      after: {
        ...BASE,
        unified_custom_fields: null,
        hired_at: "2025-01-06T09:00:00.000Z",
        title: "Staff Engineer",
        name: "Alex E.",
      },
      body: {
        name: "Alex E.",
        title: "Staff Engineer",
        hired_at: "2025-01-06T09:00:00.000Z",
        unified_custom_fields: null,
      },
    },
  ],
  [
    "the vendor page's example body as a desired record, from an empty candidate",
    {
      before: { id: "8187e5da-dc77-475e-9949-af0f1fa4e4e3" },
      after: {
        id: "8187e5da-dc77-475e-9949-af0f1fa4e4e3",
        unified_custom_fields: {
          my_project_custom_field_1: "REF-1236",
          my_project_custom_field_2: "some other value",
        },
        name: "Romain Sestier",
        first_name: "Romain",
        last_name: "Sestier",
        email: "sestier.romain123@gmail.com",
        emails: [{ type: "personal", value: "sestier.romain123@gmail.com" }],
        social_links: [{ type: "linkedin", url: "https://www.linkedin.com/in/romainsestier/" }],
        phone: "+16178294093",
        phone_numbers: [{ type: "personal", phone: "+447700112233" }],
        company: "Company Inc.",
        title: "Software Engineer",
        application_ids: ["123e4567-e89b-12d3-a456-426614174000", "523e1234-e89b-fdd2-a456-762545121101"],
        hired_at: "2021-01-01T01:01:01.000Z",
        country: "United States",
        custom_fields: [
          {
            id: "8187e5da-dc77-475e-9949-af0f1fa4e4e3",
            remote_id: "8187e5da-dc77-475e-9949-af0f1fa4e4e3",
            name: "Training Completion Status",
            value: "Completed",
            value_id: "value_456",
            remote_value_id: "e3cb75bf-aa84-466e-a6c1-b8322b257a48",
          },
        ],
      },
      body: {
        name: "Romain Sestier",
        first_name: "Romain",
        last_name: "Sestier",
        company: "Company Inc.",
        title: "Software Engineer",
        country: "United States",
        email: "sestier.romain123@gmail.com",
        emails: [{ type: "personal", value: "sestier.romain123@gmail.com" }],
        social_links: [{ type: "linkedin", url: "https://www.linkedin.com/in/romainsestier/" }],
        phone_numbers: [{ type: "personal", phone: "+447700112233" }],
        application_ids: ["123e4567-e89b-12d3-a456-426614174000", "523e1234-e89b-fdd2-a456-762545121101"],
        hired_at: "2021-01-01T01:01:01.000Z",
        custom_fields: [
          {
            id: "8187e5da-dc77-475e-9949-af0f1fa4e4e3",
            remote_id: "8187e5da-dc77-475e-9949-af0f1fa4e4e3",
            name: "Training Completion Status",
            value: "Completed",
            value_id: "value_456",
            remote_value_id: "e3cb75bf-aa84-466e-a6c1-b8322b257a48",
          },
        ],
        unified_custom_fields: {
          my_project_custom_field_1: "REF-1236",
          my_project_custom_field_2: "some other value",
        },
      },
    },
  ],

  // --- Counterexamples found by the property tests ----------------------------------------------
  [
    // test/contract.test.ts against a simulator that added an email sent alone to emails: the body
    // without emails then still gave after (not minimal). StackOne keeps them apart: both are sent.
    "a new address made the email from emails null: email and emails both sent, neither implies the other",
    {
      before: edit({ email: undefined, emails: null }),
      after: edit({ email: "ada@example.com", emails: [{ type: "personal", value: "ada@example.com" }] }),
      body: { email: "ada@example.com", emails: [{ type: "personal", value: "ada@example.com" }] },
    },
  ],
];

type Invalid = {
  before: StackOneCandidate;
  after: StackOneCandidate;
  issues: { path: string; rule: string; limit?: string | number }[];
};

/** Desired records StackOne cannot take: each issue's path, rule and limit, in the order reported. */
const INVALID: [string, Invalid][] = [
  [
    "hired_at: a date without a time",
    {
      before: BASE,
      after: edit({ hired_at: "2021-01-01" }),
      issues: [{ path: "hired_at", rule: "format", limit: "date-time" }],
    },
  ],
  [
    "hired_at: a day that does not exist",
    {
      before: BASE,
      after: edit({ hired_at: "2023-02-29T00:00:00Z" }),
      issues: [{ path: "hired_at", rule: "format", limit: "date-time" }],
    },
  ],
  [
    "hired_at: free text",
    {
      before: BASE,
      after: edit({ hired_at: "next Monday" }),
      issues: [{ path: "hired_at", rule: "format", limit: "date-time" }],
    },
  ],
  [
    "hired_at: a date equal to before's midnight instant is still not a date-time",
    {
      before: edit({ hired_at: "2021-01-01T00:00:00Z" }),
      after: edit({ hired_at: "2021-01-01" }),
      issues: [{ path: "hired_at", rule: "format", limit: "date-time" }],
    },
  ],
  [
    "hired_at: a zoneless timestamp never equals an instant (it would depend on the machine's zone)",
    {
      before: edit({ hired_at: "2021-01-01T00:00:00Z" }),
      after: edit({ hired_at: "2021-01-01T00:00:00" }),
      issues: [{ path: "hired_at", rule: "format", limit: "date-time" }],
    },
  ],
  [
    "hired_at: an epoch number",
    {
      before: BASE,
      after: edit({ hired_at: 1_609_462_861_000 }),
      issues: [{ path: "hired_at", rule: "type", limit: "string|null" }],
    },
  ],
  [
    "name: a number",
    {
      before: BASE,
      after: edit({ name: 42 }),
      issues: [{ path: "name", rule: "type", limit: "string|null" }],
    },
  ],
  [
    "phone_numbers: a type outside the enum",
    {
      before: BASE,
      after: edit({ phone_numbers: [MOBILE, { type: "pager", phone: "+12025550143" }] }),
      issues: [{ path: "phone_numbers[1].type", rule: "enum", limit: ENUM_PHONE_TYPE }],
    },
  ],
  [
    "application_ids: an item that is not a string",
    {
      before: BASE,
      after: edit({ application_ids: [APP_A, 42] }),
      issues: [{ path: "application_ids[1]", rule: "type", limit: "string" }],
    },
  ],
  [
    "emails: a string instead of a list",
    {
      before: BASE,
      after: edit({ email: undefined, emails: "alex@example.com" }),
      issues: [{ path: "emails", rule: "type", limit: "array|null" }],
    },
  ],
  [
    "emails: a bare string item",
    {
      before: BASE,
      after: edit({ email: undefined, emails: ["alex@example.com"] }),
      issues: [{ path: "emails[0]", rule: "type", limit: "object" }],
    },
  ],
  [
    "emails: a value that is not a string",
    {
      before: BASE,
      after: edit({ email: undefined, emails: [{ type: "work", value: 5 }] }),
      issues: [{ path: "emails[0].value", rule: "type", limit: "string|null" }],
    },
  ],
  [
    "social_links: a url that is not a string",
    {
      before: BASE,
      after: edit({ social_links: [{ type: "linkedin", url: true }] }),
      issues: [{ path: "social_links[0].url", rule: "type", limit: "string|null" }],
    },
  ],
  [
    "custom_fields: a name that is not a string",
    {
      before: BASE,
      after: edit({ custom_fields: [{ id: "cf_1", name: 1, value: "x" }] }),
      issues: [{ path: "custom_fields[0].name", rule: "type", limit: "string|null" }],
    },
  ],
  [
    "unified_custom_fields: a list instead of an object",
    {
      before: BASE,
      after: edit({ unified_custom_fields: ["REF-1042"] }),
      issues: [{ path: "unified_custom_fields", rule: "type", limit: "object|null" }],
    },
  ],
  [
    "unified_custom_fields: [] is not an empty object",
    {
      before: edit({ unified_custom_fields: null }),
      after: edit({ unified_custom_fields: [] }),
      issues: [{ path: "unified_custom_fields", rule: "type", limit: "object|null" }],
    },
  ],
  [
    "email and an emails list without it, sent together",
    {
      before: BASE,
      after: edit({ email: "alex@new.example", emails: [PERSONAL] }),
      issues: [{ path: "email", rule: "conflicts-with", limit: "emails" }],
    },
  ],
  [
    "email and an emptied emails list, sent together",
    {
      before: BASE,
      after: edit({ email: "alex@new.example", emails: null }),
      issues: [{ path: "email", rule: "conflicts-with", limit: "emails" }],
    },
  ],
  [
    "email and emails differing by case only, sent together",
    {
      before: BASE,
      after: edit({ email: "Alex@New.example", emails: [{ type: "work", value: "alex@new.example" }] }),
      issues: [{ path: "email", rule: "conflicts-with", limit: "emails" }],
    },
  ],
  [
    "several issues at once, each named",
    {
      before: BASE,
      after: edit({
        title: 7,
        email: "alex@new.example",
        emails: [{ type: "work", value: "alex@old.example" }],
        phone_numbers: [{ type: "fax", phone: "1" }],
        hired_at: "2021-13-01T00:00:00Z",
      }),
      issues: [
        { path: "title", rule: "type", limit: "string|null" },
        { path: "phone_numbers[0].type", rule: "enum", limit: ENUM_PHONE_TYPE },
        { path: "hired_at", rule: "format", limit: "date-time" },
        { path: "email", rule: "conflicts-with", limit: "emails" },
      ],
    },
  ],
];

/** What `diffCandidate` threw, as a PatchValidationError. */
function rejection(before: StackOneCandidate, after: StackOneCandidate): PatchValidationError {
  try {
    diffCandidate(before, after);
  } catch (e) {
    expect(e).toBeInstanceOf(PatchValidationError);
    return e as PatchValidationError;
  }
  throw new Error("expected a PatchValidationError");
}

describe("diffCandidate: named cases", () => {
  it.each(CASES)("%s", (_, { before, after, body }) => {
    const got = diffCandidate(deepFreeze(structuredClone(before)), deepFreeze(structuredClone(after)));
    if (body === undefined) {
      expect(got).toEqual({ body: {}, noop: true, changed: [] });
      return;
    }
    expect(JSON.stringify(got.body)).toBe(JSON.stringify(body));
    expect(got.noop).toBe(false);
    expect(got.changed).toEqual(Object.keys(body));
  });

  it.each(INVALID)("rejects %s", (_, { before, after, issues }) => {
    const got = rejection(before, after).issues.map(({ path, rule, limit }) => ({ path, rule, limit }));
    expect(got).toEqual(issues.map(({ path, rule, limit }) => ({ path, rule, limit })));
  });

  it("names both fields, and what was received, when email conflicts with emails", () => {
    const error = rejection(BASE, edit({ email: "alex@new.example", emails: [PERSONAL] }));
    expect(error.issues).toEqual([
      {
        path: "email",
        rule: "conflicts-with",
        limit: "emails",
        message:
          'email: must be one of the values of emails when both are sent (or be sent alone) (got "alex@new.example")',
        value: "alex@new.example",
      },
    ]);
    expect(error.message).toContain("emails");
  });

  it("has one rule per PATCH body field, of the documented kinds", () => {
    const kinds = Object.fromEntries(
      Object.entries(candidateRules.fields).map(([k, rule]) => [k, rule.kind]),
    );
    expect(kinds).toEqual({
      name: "nullable",
      first_name: "nullable",
      last_name: "nullable",
      company: "nullable",
      title: "nullable",
      country: "nullable",
      email: "nullable",
      emails: "replace-set",
      social_links: "replace-set",
      phone: "write-only",
      phone_numbers: "replace-set",
      application_ids: "replace-set",
      hired_at: "nullable",
      custom_fields: "replace-set",
      unified_custom_fields: "replace-object",
      passthrough: "write-only",
    });
    expect(Object.keys(candidateRules.fields).sort()).toEqual(
      Object.keys(updateCandidateBody.properties ?? {}).sort(),
    );
    expect(candidateRules.fields.phone).toHaveProperty("reason", expect.stringMatching(/^deprecated/));
    expect(candidateRules.fields.passthrough).toHaveProperty("reason", expect.stringMatching(/^side effect/));
  });

  it("gives the full value of every list and of unified_custom_fields (for companions)", () => {
    const { fields } = candidateRules;
    expect(fields.emails.value?.(BASE)).toEqual(BASE.emails);
    expect(fields.emails.value?.(edit({ emails: null }))).toBeNull();
    expect(typeof fields.emails.value?.(edit({ emails: undefined }))).toBe("symbol");
    expect(fields.unified_custom_fields.value?.(BASE)).toEqual(BASE.unified_custom_fields);
  });
});

// ---------------------------------------------------------------------------------------------------
// Properties, over generated records in the read shape.

/** An item of a list as JSON with its keys sorted and its `null`-valued keys dropped. */
const canonItem = (v: unknown): string =>
  JSON.stringify(v, (_, x: unknown) =>
    typeof x === "object" && x !== null && !Array.isArray(x)
      ? Object.fromEntries(
          Object.entries(x)
            .filter(([, y]) => y !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : x,
  );
const topItem = (v: unknown): string =>
  typeof v === "object" && v !== null && !Array.isArray(v)
    ? canonItem(Object.fromEntries(Object.entries(v).filter(([, y]) => y !== null)))
    : canonItem(v);
const sameMultiset = (a: readonly unknown[], b: readonly unknown[]) =>
  JSON.stringify(a.map(topItem).sort()) === JSON.stringify(b.map(topItem).sort());
const empty = (v: unknown) => v == null || (typeof v === "object" && Object.keys(v).length === 0);

/** StackOne's PATCH as its notes describe it: each key sets its field, null clears, lists and objects whole. */
function apply(record: StackOneCandidate, body: StackOneCandidatePatch): StackOneCandidate {
  const out: Record<string, unknown> = structuredClone(record);
  for (const [k, v] of Object.entries(body))
    if (k !== "passthrough" && k !== "phone") out[k] = structuredClone(v);
  return out as StackOneCandidate;
}

/** Whether `record` holds every field `desired` manages (present keys), as the same state. */
function holds(record: StackOneCandidate, desired: StackOneCandidate): boolean {
  return WRITABLE.every((k) => {
    const want: unknown = desired[k];
    const have: unknown = record[k];
    if (want === undefined) return true;
    if ((LISTS as readonly string[]).includes(k))
      return empty(want) ? empty(have) : Array.isArray(have) && sameMultiset(have, want as unknown[]);
    if (k === "unified_custom_fields") return empty(want) ? empty(have) : canonItem(have) === canonItem(want);
    if (want === null) return have == null;
    if (k === "hired_at") return typeof have === "string" && Date.parse(have) === Date.parse(want as string);
    return have === want;
  });
}

/** Paths of `undefined` values anywhere in a JSON-bound value. */
function undefinedPaths(value: unknown, path = "body"): string[] {
  if (value === undefined) return [path];
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => undefinedPaths(v, `${path}.${k}`));
}

describe("diffCandidate: properties", { timeout: TIMEOUT }, () => {
  test.prop([candidate], RUNS)("diff(x, x) and diff(x, copy of x) are no-ops", (x) => {
    const frozen = deepFreeze(x);
    expect(diffCandidate(frozen, frozen)).toEqual({ body: {}, noop: true, changed: [] });
    expect(diffCandidate(frozen, structuredClone(x))).toEqual({ body: {}, noop: true, changed: [] });
  });

  test.prop([equivalentPair], RUNS)(
    "changes to read-only and deprecated fields, reorders and re-encodings only are no-ops",
    ([before, after]) => {
      expect(diffCandidate(deepFreeze(before), deepFreeze(after))).toEqual({
        body: {},
        noop: true,
        changed: [],
      });
    },
  );

  test.prop([pair], RUNS)("is deterministic: the same pair gives byte-identical JSON", ([before, after]) => {
    const first = JSON.stringify(diffCandidate(before, after));
    expect(JSON.stringify(diffCandidate(structuredClone(before), structuredClone(after)))).toBe(first);
  });

  test.prop([pair], RUNS)("never mutates its inputs", ([before, after]) => {
    const copies = structuredClone([before, after]);
    diffCandidate(deepFreeze(before), deepFreeze(after));
    expect([before, after]).toEqual(copies);
  });

  test.prop([pair], RUNS)(
    "every body passes the generated validation table and has no undefined values",
    ([before, after]) => {
      const { body, noop, changed } = diffCandidate(before, after);
      expect(validate(updateCandidateBody, body)).toEqual([]);
      expect(candidateRules.check?.(body, before, after)).toEqual([]);
      expect(undefinedPaths(body)).toEqual([]);
      expect(changed).toEqual(Object.keys(body));
      expect(noop).toBe(changed.length === 0);
    },
  );

  test.prop([pair], RUNS)("is correct and minimal against StackOne's PATCH semantics", ([before, after]) => {
    const { body } = diffCandidate(before, after);
    const updated = apply(before, body);
    expect(holds(updated, after)).toBe(true);
    for (const key of Object.keys(body) as (keyof StackOneCandidatePatch)[]) {
      const { [key]: _, ...smaller } = body;
      expect(holds(apply(before, smaller), after), `without ${key}`).toBe(false);
    }
    expect(diffCandidate(updated, after).noop).toBe(true);
  });

  test.prop([candidate], RUNS)(
    "an email sent with an emails list that lacks it is rejected, naming email and emails",
    (before) => {
      const others = (before.emails ?? []).filter((e) => e.value !== "new@example.net");
      const after = edit(
        { email: "new@example.net", emails: [...others, { value: "other@example.net" }] },
        before,
      );
      expect(rejection(before, after).issues).toEqual([
        expect.objectContaining({ path: "email", rule: "conflicts-with", limit: "emails" }),
      ]);
    },
  );

  test.prop([candidate, fc.constantFrom(...WRITABLE)], RUNS)(
    "a key absent from after is left as it is",
    (before, key) => {
      const after = edit({ [key]: undefined }, before);
      expect(diffCandidate(before, after).changed).not.toContain(key);
    },
  );
});
