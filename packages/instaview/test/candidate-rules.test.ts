import { fc, test } from "@fast-check/vitest";
import { sameDay, validate } from "@patchwise/diff";
import { describe, expect, it } from "vitest";
import { updateCandidateBody } from "../src/generated/validation.ts";
import {
  candidateRules,
  diffCandidate,
  type InstaviewCandidate,
  type InstaviewCandidatePatch,
  PatchValidationError,
  type ValidationIssue,
} from "../src/index.ts";
import { candidate, equivalentPair, JOB_IDS, NOW, pair } from "./arbitraries.ts";

// PROPERTY_RUNS=20000 for a deeper search (after changing a rule); the default keeps the suite fast.
const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) };
const TIMEOUT = 5_000 * Math.max(1, RUNS.numRuns / 300);

const [JOB_A, JOB_B, JOB_C] = JOB_IDS as [string, string, string];
const PAST = "2024-01-31";
const ENUM_STATUS = '"UNDEFINED", "APPLIED", "IN_PROCESS", "REJECTED", "ACCEPTED"';
const ENUM_GENDER = '"male", "female", null';
const PHONE = "^\\+[1-9]\\d{1,14}$";

/** The spec's example candidate, as GET returns it. */
const BASE: InstaviewCandidate = {
  id: "3f1c2a9e-5b7d-4e1a-9c2f-8d6b4a0e7f21",
  firstName: "Alex",
  lastName: "Sample",
  status: "IN_PROCESS",
  createdAt: "2025-01-20T10:30:00Z",
  updatedAt: "2025-05-21T08:15:00Z",
  jobId: null,
  jobIds: [JOB_A, JOB_B],
  email: "alex.sample@example.com",
  phoneNumber: "+421900000001",
  gdprExpiryDate: "2027-11-16",
  overallRating: 85,
  metadata: { source: "LinkedIn", externalId: "CAND-0001", nested: { a: 1, b: [1, 2] } },
  analysisCount: 2,
  interviewCount: 3,
  links: {
    analyses: "/v1/public/candidates/3f1c2a9e-5b7d-4e1a-9c2f-8d6b4a0e7f21/analyses",
    interviews: "/v1/public/candidates/3f1c2a9e-5b7d-4e1a-9c2f-8d6b4a0e7f21/interviews",
  },
  gender: null,
  cvText: "[NAME]\nSoftware Engineer\nExperience: ...",
};

/** BASE with some fields changed; `null` is kept (a clear), `undefined` removes the key. */
function edit(changes: Record<string, unknown>, from: InstaviewCandidate = BASE): InstaviewCandidate {
  const out: Record<string, unknown> = { ...from, ...changes };
  for (const [k, v] of Object.entries(changes)) if (v === undefined) delete out[k];
  return out as unknown as InstaviewCandidate;
}

/** An object with `n` keys `k0…`, each holding its index. */
const keys = (n: number, prefix = "k") =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, i]));

/** Freezes a value and everything in it, so a test fails if the code under test mutates its inputs. */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

type Case = {
  before: InstaviewCandidate;
  after: InstaviewCandidate;
  body: InstaviewCandidatePatch | undefined;
};

/**
 * Named cases: every rule and every edge case of the provider notes. Every counterexample a property
 * test ever finds is added here under a name that says what it shows. `body: undefined` is a no-op.
 */
const CASES: [string, Case][] = [
  // No-ops
  ["identical records", { before: BASE, after: BASE, body: undefined }],
  ["a deep copy of the record", { before: BASE, after: structuredClone(BASE), body: undefined }],
  [
    "read-only fields changed: id, timestamps, jobId, rating, counts, links",
    {
      before: BASE,
      after: edit({
        id: "1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b",
        createdAt: "2024-01-01T00:00:00Z",
        updatedAt: "2025-06-15T11:00:00.000Z",
        jobId: JOB_A,
        overallRating: 12,
        analysisCount: 9,
        interviewCount: 9,
        links: { analyses: "/x", interviews: "/y" },
      }),
      body: undefined,
    },
  ],
  [
    "cvText differs: write-only (the server anonymizes it, GET never equals what was sent)",
    { before: BASE, after: edit({ cvText: "Alex Sample\nSoftware Engineer" }), body: undefined },
  ],
  [
    "optional keys absent from after are left as they are",
    {
      before: edit({ gender: "male" }),
      after: edit({ email: undefined, phoneNumber: undefined, metadata: undefined, gender: undefined }),
      body: undefined,
    },
  ],
  [
    "email and phoneNumber null on both sides",
    {
      before: edit({ email: null, phoneNumber: null }),
      after: edit({ email: null, phoneNumber: null }),
      body: undefined,
    },
  ],
  [
    "gender null and absent are the same state (auto-detected)",
    { before: edit({ gender: undefined }), after: edit({ gender: null }), body: undefined },
  ],
  [
    "gender: the same override",
    { before: edit({ gender: "female" }), after: edit({ gender: "female" }), body: undefined },
  ],
  ["jobIds reordered: a set", { before: BASE, after: edit({ jobIds: [JOB_B, JOB_A] }), body: undefined }],
  [
    "jobIds with a repeated id: the same set",
    { before: BASE, after: edit({ jobIds: [JOB_B, JOB_A, JOB_B] }), body: undefined },
  ],
  [
    "jobIds empty on both sides",
    { before: edit({ jobIds: [] }), after: edit({ jobIds: [] }), body: undefined },
  ],
  [
    "metadata keys reordered at every level",
    {
      before: BASE,
      after: edit({ metadata: { nested: { b: [1, 2], a: 1 }, externalId: "CAND-0001", source: "LinkedIn" } }),
      body: undefined,
    },
  ],
  [
    "metadata absent before, {} after: both empty",
    { before: edit({ metadata: undefined }), after: edit({ metadata: {} }), body: undefined },
  ],
  [
    "metadata: an undefined-valued key equals its absence",
    {
      before: BASE,
      after: edit({ metadata: { ...BASE.metadata, gone: undefined } }),
      body: undefined,
    },
  ],
  [
    "gdpr: a date equals a midnight UTC timestamp of that day",
    { before: BASE, after: edit({ gdprExpiryDate: "2027-11-16T00:00:00Z" }), body: undefined },
  ],
  [
    "gdpr: a timestamptz read back equals the date written",
    { before: edit({ gdprExpiryDate: "2027-11-16T00:00:00.000Z" }), after: BASE, body: undefined },
  ],
  [
    "gdpr: an offset timestamp on the same UTC day (next local date)",
    { before: BASE, after: edit({ gdprExpiryDate: "2027-11-17T01:00:00+02:00" }), body: undefined },
  ],
  [
    "gdpr: an unchanged past date is not re-sent (so it never fails the future-date check)",
    { before: edit({ gdprExpiryDate: PAST }), after: edit({ gdprExpiryDate: PAST }), body: undefined },
  ],
  [
    "gdpr: an unchanged past date read back as a timestamp is not re-sent",
    {
      before: edit({ gdprExpiryDate: `${PAST}T00:00:00Z` }),
      after: edit({ gdprExpiryDate: PAST }),
      body: undefined,
    },
  ],
  [
    "gdpr: a past date stored today is not re-sent",
    {
      before: edit({ gdprExpiryDate: "2025-06-15" }),
      after: edit({ gdprExpiryDate: "2025-06-15" }),
      body: undefined,
    },
  ],

  // Changes
  ["firstName changed", { before: BASE, after: edit({ firstName: "Ada" }), body: { firstName: "Ada" } }],
  [
    "lastName changed",
    { before: BASE, after: edit({ lastName: "Lovelace" }), body: { lastName: "Lovelace" } },
  ],
  [
    "firstName with a leading space is a change (no trimming)",
    { before: BASE, after: edit({ firstName: " Alex" }), body: { firstName: " Alex" } },
  ],
  ["firstName of 1 character", { before: BASE, after: edit({ firstName: "A" }), body: { firstName: "A" } }],
  [
    "names of 100 code points (100 emoji are 200 UTF-16 units)",
    {
      before: BASE,
      after: edit({ firstName: "🙂".repeat(100), lastName: "x".repeat(100) }),
      body: { firstName: "🙂".repeat(100), lastName: "x".repeat(100) },
    },
  ],
  [
    "email changed",
    { before: BASE, after: edit({ email: "ada@example.com" }), body: { email: "ada@example.com" } },
  ],
  [
    "email set where none was",
    {
      before: edit({ email: null }),
      after: edit({ email: "ada@example.com" }),
      body: { email: "ada@example.com" },
    },
  ],
  [
    "email differing in case only is a change (compared exactly)",
    {
      before: BASE,
      after: edit({ email: "Alex.Sample@example.com" }),
      body: { email: "Alex.Sample@example.com" },
    },
  ],
  [
    "phoneNumber changed",
    { before: BASE, after: edit({ phoneNumber: "+421901234567" }), body: { phoneNumber: "+421901234567" } },
  ],
  [
    "phoneNumber set where the key was absent",
    {
      before: edit({ phoneNumber: undefined }),
      after: edit({ phoneNumber: "+12" }),
      body: { phoneNumber: "+12" },
    },
  ],
  [
    "phoneNumber of 15 digits",
    {
      before: BASE,
      after: edit({ phoneNumber: "+123456789012345" }),
      body: { phoneNumber: "+123456789012345" },
    },
  ],
  ["status changed", { before: BASE, after: edit({ status: "REJECTED" }), body: { status: "REJECTED" } }],
  [
    "status UNDEFINED is a value",
    { before: BASE, after: edit({ status: "UNDEFINED" }), body: { status: "UNDEFINED" } },
  ],
  [
    "gender set over auto-detection",
    { before: BASE, after: edit({ gender: "female" }), body: { gender: "female" } },
  ],
  [
    "gender changed",
    { before: edit({ gender: "male" }), after: edit({ gender: "female" }), body: { gender: "female" } },
  ],
  [
    "gender null clears the override (back to auto-detection)",
    { before: edit({ gender: "male" }), after: edit({ gender: null }), body: { gender: null } },
  ],
  [
    "jobIds: an id added sends the whole set",
    { before: BASE, after: edit({ jobIds: [JOB_A, JOB_B, JOB_C] }), body: { jobIds: [JOB_A, JOB_B, JOB_C] } },
  ],
  ["jobIds: an id removed", { before: BASE, after: edit({ jobIds: [JOB_B] }), body: { jobIds: [JOB_B] } }],
  ["jobIds: emptied", { before: BASE, after: edit({ jobIds: [] }), body: { jobIds: [] } }],
  [
    "jobIds: assigned where none were",
    { before: edit({ jobIds: [] }), after: edit({ jobIds: [JOB_C] }), body: { jobIds: [JOB_C] } },
  ],
  [
    "jobIds: repeats are dropped from the body",
    { before: BASE, after: edit({ jobIds: [JOB_C, JOB_C, JOB_A] }), body: { jobIds: [JOB_C, JOB_A] } },
  ],
  [
    "jobIds: exactly 50",
    { before: BASE, after: edit({ jobIds: JOB_IDS.slice(0, 50) }), body: { jobIds: JOB_IDS.slice(0, 50) } },
  ],
  [
    "metadata: a nested value changed sends the whole object",
    {
      before: BASE,
      after: edit({ metadata: { ...BASE.metadata, nested: { a: 2, b: [1, 2] } } }),
      body: { metadata: { source: "LinkedIn", externalId: "CAND-0001", nested: { a: 2, b: [1, 2] } } },
    },
  ],
  [
    "metadata: an array reordered is a change (arrays keep their order)",
    {
      before: BASE,
      after: edit({ metadata: { ...BASE.metadata, nested: { a: 1, b: [2, 1] } } }),
      body: { metadata: { source: "LinkedIn", externalId: "CAND-0001", nested: { a: 1, b: [2, 1] } } },
    },
  ],
  [
    "metadata: a key removed sends the object without it",
    {
      before: BASE,
      after: edit({ metadata: { source: "LinkedIn" } }),
      body: { metadata: { source: "LinkedIn" } },
    },
  ],
  [
    "metadata: null empties it, sent as {} (PATCH takes no null)",
    { before: BASE, after: edit({ metadata: null }), body: { metadata: {} } },
  ],
  ["metadata: {} empties it", { before: BASE, after: edit({ metadata: {} }), body: { metadata: {} } }],
  [
    "metadata: set where none was",
    {
      before: edit({ metadata: undefined }),
      after: edit({ metadata: { a: 1 } }),
      body: { metadata: { a: 1 } },
    },
  ],
  [
    "metadata: undefined-valued keys are left out of the body",
    {
      before: BASE,
      after: edit({ metadata: { source: "Referral", gone: undefined } }),
      body: { metadata: { source: "Referral" } },
    },
  ],
  [
    "metadata: keys named like Object.prototype members",
    {
      before: BASE,
      after: edit({ metadata: { constructor: "c", toString: "t", hasOwnProperty: null } }),
      body: { metadata: { constructor: "c", toString: "t", hasOwnProperty: null } },
    },
  ],
  [
    "metadata: exactly 50 keys over all levels",
    {
      before: BASE,
      after: edit({ metadata: { ...keys(40), n: keys(9) } }),
      body: { metadata: { ...keys(40), n: keys(9) } },
    },
  ],
  [
    "metadata: exactly 5 levels",
    {
      before: BASE,
      after: edit({ metadata: { a: { b: { c: { d: { e: 1 } } } } } }),
      body: { metadata: { a: { b: { c: { d: { e: 1 } } } } } },
    },
  ],
  [
    "metadata: exactly 10 240 bytes of JSON",
    {
      before: BASE,
      after: edit({ metadata: { blob: "x".repeat(10_229) } }),
      body: { metadata: { blob: "x".repeat(10_229) } },
    },
  ],
  [
    "gdpr: a changed future date is sent",
    { before: BASE, after: edit({ gdprExpiryDate: "2030-01-01" }), body: { gdprExpiryDate: "2030-01-01" } },
  ],
  [
    "gdpr: a changed timestamp is sent as its UTC day",
    {
      before: BASE,
      after: edit({ gdprExpiryDate: "2030-01-01T23:30:00-05:00" }),
      body: { gdprExpiryDate: "2030-01-02" },
    },
  ],
  [
    "gdpr: a changed timestamp without a zone is sent as its written date",
    {
      before: BASE,
      after: edit({ gdprExpiryDate: "2030-01-01T23:30:00" }),
      body: { gdprExpiryDate: "2030-01-01" },
    },
  ],
  [
    "gdpr: tomorrow is in the future",
    { before: BASE, after: edit({ gdprExpiryDate: "2025-06-16" }), body: { gdprExpiryDate: "2025-06-16" } },
  ],
  [
    "gdpr: a past stored date moved to the future",
    {
      before: edit({ gdprExpiryDate: PAST }),
      after: edit({ gdprExpiryDate: "2026-01-31" }),
      body: { gdprExpiryDate: "2026-01-31" },
    },
  ],
  [
    "gdpr: an unchanged past date stays out of a body that changes other fields",
    {
      before: edit({ gdprExpiryDate: PAST }),
      after: edit({ gdprExpiryDate: `${PAST}T00:00:00Z`, status: "REJECTED" }),
      body: { status: "REJECTED" },
    },
  ],
  [
    "several fields: body keys follow the rule table, cvText never sent",
    {
      before: BASE,
      after: edit({
        cvText: "new CV",
        gender: "male",
        metadata: { source: "Referral" },
        jobIds: [JOB_C],
        status: "ACCEPTED",
        gdprExpiryDate: "2028-01-01",
        email: "a@b.co",
        firstName: "Ada",
      }),
      body: {
        firstName: "Ada",
        email: "a@b.co",
        gdprExpiryDate: "2028-01-01",
        status: "ACCEPTED",
        jobIds: [JOB_C],
        metadata: { source: "Referral" },
        gender: "male",
      },
    },
  ],
];

type Want = Pick<ValidationIssue, "path" | "rule"> & { limit?: string | number };
type Invalid = { before: InstaviewCandidate; after: InstaviewCandidate; issues: Want[] };

/** Desired records that cannot be written: the exact issues, before anything is sent. */
const INVALID: [string, Invalid][] = [
  [
    "firstName empty",
    {
      before: BASE,
      after: edit({ firstName: "" }),
      issues: [{ path: "firstName", rule: "minLength", limit: 1 }],
    },
  ],
  [
    "firstName of 101 characters",
    {
      before: BASE,
      after: edit({ firstName: "x".repeat(101) }),
      issues: [{ path: "firstName", rule: "maxLength", limit: 100 }],
    },
  ],
  [
    "lastName of 101 code points",
    {
      before: BASE,
      after: edit({ lastName: "🙂".repeat(101) }),
      issues: [{ path: "lastName", rule: "maxLength", limit: 100 }],
    },
  ],
  [
    "firstName null: not nullable",
    { before: BASE, after: edit({ firstName: null }), issues: [{ path: "firstName", rule: "not-nullable" }] },
  ],
  [
    "lastName null: not nullable",
    { before: BASE, after: edit({ lastName: null }), issues: [{ path: "lastName", rule: "not-nullable" }] },
  ],
  [
    "firstName not a string",
    {
      before: BASE,
      after: edit({ firstName: 42 }),
      issues: [{ path: "firstName", rule: "type", limit: "string" }],
    },
  ],
  [
    "email without a domain",
    {
      before: BASE,
      after: edit({ email: "alex@" }),
      issues: [{ path: "email", rule: "format", limit: "email" }],
    },
  ],
  [
    "email empty",
    { before: BASE, after: edit({ email: "" }), issues: [{ path: "email", rule: "format", limit: "email" }] },
  ],
  [
    "email null where one is set: PATCH cannot clear it",
    { before: BASE, after: edit({ email: null }), issues: [{ path: "email", rule: "not-nullable" }] },
  ],
  [
    "phoneNumber not E.164 (national form)",
    {
      before: BASE,
      after: edit({ phoneNumber: "0901 234 567" }),
      issues: [{ path: "phoneNumber", rule: "pattern", limit: PHONE }],
    },
  ],
  [
    "phoneNumber with a leading 0 country code",
    {
      before: BASE,
      after: edit({ phoneNumber: "+0421901234567" }),
      issues: [{ path: "phoneNumber", rule: "pattern", limit: PHONE }],
    },
  ],
  [
    "phoneNumber of 16 digits",
    {
      before: BASE,
      after: edit({ phoneNumber: "+1234567890123456" }),
      issues: [{ path: "phoneNumber", rule: "pattern", limit: PHONE }],
    },
  ],
  [
    "phoneNumber null where one is set: PATCH cannot clear it",
    {
      before: BASE,
      after: edit({ phoneNumber: null }),
      issues: [{ path: "phoneNumber", rule: "not-nullable" }],
    },
  ],
  [
    "status HIRED: named in the vendor's prose, not in the enum (the enum wins)",
    {
      before: BASE,
      after: edit({ status: "HIRED" }),
      issues: [{ path: "status", rule: "enum", limit: ENUM_STATUS }],
    },
  ],
  [
    "gender other than male or female",
    {
      before: BASE,
      after: edit({ gender: "other" }),
      issues: [{ path: "gender", rule: "enum", limit: ENUM_GENDER }],
    },
  ],
  [
    "gdpr changed to today: not in the future",
    {
      before: BASE,
      after: edit({ gdprExpiryDate: "2025-06-15" }),
      issues: [{ path: "gdprExpiryDate", rule: "future-date", limit: "2025-06-15" }],
    },
  ],
  [
    "gdpr changed to a past date",
    {
      before: BASE,
      after: edit({ gdprExpiryDate: PAST }),
      issues: [{ path: "gdprExpiryDate", rule: "future-date", limit: "2025-06-15" }],
    },
  ],
  [
    "gdpr changed to a timestamp whose UTC day is today (local date tomorrow)",
    {
      before: BASE,
      after: edit({ gdprExpiryDate: "2025-06-16T01:00:00+02:00" }),
      issues: [{ path: "gdprExpiryDate", rule: "future-date", limit: "2025-06-15" }],
    },
  ],
  [
    "gdpr not a real day",
    {
      before: BASE,
      after: edit({ gdprExpiryDate: "2030-02-30" }),
      issues: [{ path: "gdprExpiryDate", rule: "format", limit: "date" }],
    },
  ],
  [
    "gdpr not a date at all",
    {
      before: BASE,
      after: edit({ gdprExpiryDate: "2030-01-01 or so" }),
      issues: [
        { path: "gdprExpiryDate", rule: "format", limit: "date" },
        { path: "gdprExpiryDate", rule: "future-date", limit: "2025-06-15" },
      ],
    },
  ],
  [
    "gdpr null: not nullable",
    {
      before: BASE,
      after: edit({ gdprExpiryDate: null }),
      issues: [{ path: "gdprExpiryDate", rule: "not-nullable" }],
    },
  ],
  [
    "jobIds: 51 ids",
    {
      before: BASE,
      after: edit({ jobIds: JOB_IDS.slice(0, 51) }),
      issues: [{ path: "jobIds", rule: "maxItems", limit: 50 }],
    },
  ],
  [
    "jobIds: not a uuid",
    {
      before: BASE,
      after: edit({ jobIds: [JOB_A, "job-1"] }),
      issues: [{ path: "jobIds[1]", rule: "format", limit: "uuid" }],
    },
  ],
  [
    "metadata: 51 keys at the top level (reported once)",
    {
      before: BASE,
      after: edit({ metadata: keys(51) }),
      issues: [{ path: "metadata", rule: "maxProperties", limit: 50 }],
    },
  ],
  [
    "metadata: 51 keys over all levels",
    {
      before: BASE,
      after: edit({ metadata: { ...keys(30), n: keys(20) } }),
      issues: [{ path: "metadata", rule: "max-keys", limit: 50 }],
    },
  ],
  [
    "metadata: 10 241 bytes of JSON",
    {
      before: BASE,
      after: edit({ metadata: { blob: "x".repeat(10_230) } }),
      issues: [{ path: "metadata", rule: "max-bytes", limit: 10_240 }],
    },
  ],
  [
    "metadata: 10 241 bytes with multi-byte characters (UTF-8 counts)",
    {
      before: BASE,
      after: edit({ metadata: { blob: "é".repeat(5_115) } }),
      issues: [{ path: "metadata", rule: "max-bytes", limit: 10_240 }],
    },
  ],
  [
    "metadata: 6 levels",
    {
      before: BASE,
      after: edit({ metadata: { a: { b: { c: { d: { e: { f: 1 } } } } } } }),
      issues: [{ path: "metadata", rule: "max-depth", limit: 5 }],
    },
  ],
  [
    "metadata: 6 levels through an array",
    {
      before: BASE,
      after: edit({ metadata: { a: { b: { c: { d: [[1]] } } } } }),
      issues: [{ path: "metadata", rule: "max-depth", limit: 5 }],
    },
  ],
  [
    "metadata: a __proto__ key would be dropped from the body (see @patchwise/diff toJson)",
    {
      before: BASE,
      after: edit({ metadata: JSON.parse('{"source":"x","nested":{"__proto__":{"a":1}}}') }),
      issues: [{ path: "metadata.nested.__proto__", rule: "unsupported-key" }],
    },
  ],
  [
    "several issues at once, each named",
    {
      before: BASE,
      after: edit({ firstName: null, lastName: "", gdprExpiryDate: PAST, status: "HIRED", jobIds: ["nope"] }),
      issues: [
        { path: "firstName", rule: "not-nullable" },
        { path: "lastName", rule: "minLength", limit: 1 },
        { path: "gdprExpiryDate", rule: "future-date", limit: "2025-06-15" },
        { path: "status", rule: "enum", limit: ENUM_STATUS },
        { path: "jobIds[0]", rule: "format", limit: "uuid" },
      ],
    },
  ],
];

describe("diffCandidate: named cases", () => {
  it.each(CASES)("%s", (_, { before, after, body }) => {
    const got = diffCandidate(deepFreeze(structuredClone(before)), deepFreeze(structuredClone(after)), {
      now: NOW,
    });
    if (body === undefined) {
      expect(got).toEqual({ body: {}, noop: true, changed: [] });
      return;
    }
    expect(JSON.stringify(got.body)).toBe(JSON.stringify(body));
    expect(got.noop).toBe(false);
    expect(got.changed).toEqual(Object.keys(body));
  });

  it.each(INVALID)("rejects %s", (_, { before, after, issues }) => {
    let thrown: unknown;
    try {
      diffCandidate(before, after, { now: NOW });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(PatchValidationError);
    const got = (thrown as PatchValidationError).issues.map(({ path, rule, limit }) => ({
      path,
      rule,
      limit,
    }));
    expect(got).toEqual(issues.map(({ path, rule, limit }) => ({ path, rule, limit })));
  });

  it("defaults today to the clock", () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect(diffCandidate(BASE, edit({ gdprExpiryDate: tomorrow })).body).toEqual({
      gdprExpiryDate: tomorrow,
    });
  });

  it("has one rule per PATCH body field, of the documented kinds", () => {
    const kinds = Object.fromEntries(
      Object.entries(candidateRules.fields).map(([k, rule]) => [k, rule.kind]),
    );
    expect(kinds).toEqual({
      firstName: "scalar",
      lastName: "scalar",
      email: "scalar",
      phoneNumber: "scalar",
      gdprExpiryDate: "scalar",
      status: "scalar",
      jobIds: "replace-set",
      metadata: "replace-object",
      gender: "nullable",
      cvText: "write-only",
    });
    expect(Object.keys(candidateRules.fields).sort()).toEqual(
      Object.keys(updateCandidateBody.properties ?? {}).sort(),
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// Properties, over generated records in the read shape.

const WRITABLE = [
  "firstName",
  "lastName",
  "email",
  "phoneNumber",
  "gdprExpiryDate",
  "status",
  "jobIds",
  "metadata",
  "gender",
] as const;

/** Instaview's PATCH as its docs describe it: each key sets its field; jobIds and metadata replace whole. */
function apply(record: InstaviewCandidate, body: InstaviewCandidatePatch): InstaviewCandidate {
  const out: Record<string, unknown> = structuredClone(record);
  for (const [k, v] of Object.entries(body)) if (k !== "cvText") out[k] = structuredClone(v);
  return out as unknown as InstaviewCandidate;
}

/** Whether `record` holds every field `desired` manages (present keys), as the same state. */
function holds(record: InstaviewCandidate, desired: InstaviewCandidate): boolean {
  return WRITABLE.every((k) => {
    const want: unknown = desired[k];
    const have: unknown = record[k];
    if (want === undefined) return true;
    if (want === null) return have == null || (k === "metadata" && Object.keys(have).length === 0);
    switch (k) {
      case "gdprExpiryDate":
        return sameDay(have, want);
      case "jobIds":
        return sameSet(have as string[], want as string[]);
      case "metadata":
        return deepEqualJson(have ?? {}, want);
      default:
        return have === want;
    }
  });
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  new Set(a).size === new Set(b).size && a.every((x) => b.includes(x));
const deepEqualJson = (a: unknown, b: unknown) => {
  const canon = (v: unknown): unknown =>
    typeof v !== "object" || v === null
      ? v
      : Array.isArray(v)
        ? v.map(canon)
        : Object.fromEntries(
            Object.entries(v)
              .filter(([, x]) => x !== undefined)
              .sort(([x], [y]) => (x < y ? -1 : 1))
              .map(([k, x]) => [k, canon(x)]),
          );
  return JSON.stringify(canon(a)) === JSON.stringify(canon(b));
};

/** Paths of `undefined` values anywhere in a JSON-bound value. */
function undefinedPaths(value: unknown, path = "body"): string[] {
  if (value === undefined) return [path];
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => undefinedPaths(v, `${path}.${k}`));
}

describe("diffCandidate: properties", { timeout: TIMEOUT }, () => {
  test.prop([candidate], RUNS)("diff(x, x) and diff(x, copy of x) are no-ops", (x) => {
    const frozen = deepFreeze(x);
    expect(diffCandidate(frozen, frozen, { now: NOW })).toEqual({ body: {}, noop: true, changed: [] });
    expect(diffCandidate(frozen, structuredClone(x), { now: NOW })).toEqual({
      body: {},
      noop: true,
      changed: [],
    });
  });

  test.prop([equivalentPair], RUNS)(
    "changes to read-only and write-only fields and re-encodings only are no-ops",
    ([before, after]) => {
      expect(diffCandidate(deepFreeze(before), deepFreeze(after), { now: NOW })).toEqual({
        body: {},
        noop: true,
        changed: [],
      });
    },
  );

  test.prop([pair], RUNS)("is deterministic: the same pair gives byte-identical JSON", ([before, after]) => {
    const first = JSON.stringify(diffCandidate(before, after, { now: NOW }));
    const again = JSON.stringify(
      diffCandidate(structuredClone(before), structuredClone(after), { now: NOW }),
    );
    expect(again).toBe(first);
  });

  test.prop([pair], RUNS)("never mutates its inputs", ([before, after]) => {
    const copies = structuredClone([before, after]);
    diffCandidate(deepFreeze(before), deepFreeze(after), { now: NOW });
    expect([before, after]).toEqual(copies);
  });

  test.prop([pair], RUNS)(
    "every body passes the generated validation table and has no undefined values",
    ([before, after]) => {
      const { body, noop, changed } = diffCandidate(before, after, { now: NOW });
      expect(validate(updateCandidateBody, body, { now: NOW })).toEqual([]);
      expect(candidateRules.check?.(body, before, after)).toEqual([]);
      expect(undefinedPaths(body)).toEqual([]);
      expect(changed).toEqual(Object.keys(body));
      expect(noop).toBe(changed.length === 0);
    },
  );

  test.prop([pair], RUNS)("is correct and minimal against Instaview's PATCH semantics", ([before, after]) => {
    const { body } = diffCandidate(before, after, { now: NOW });
    const updated = apply(before, body);
    expect(holds(updated, after)).toBe(true);
    for (const key of Object.keys(body) as (keyof InstaviewCandidatePatch)[]) {
      const { [key]: _, ...smaller } = body;
      expect(holds(apply(before, smaller), after), `without ${key}`).toBe(false);
    }
    expect(diffCandidate(updated, after, { now: NOW }).noop).toBe(true);
  });

  test.prop([candidate, fc.constantFrom(...WRITABLE)], RUNS)(
    "a key absent from after is left as it is",
    (before, key) => {
      const after = edit({ [key]: undefined }, before);
      expect(diffCandidate(before, after, { now: NOW }).changed).not.toContain(key);
    },
  );
});
