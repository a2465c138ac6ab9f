/**
 * Generated Instaview candidates in the read shape (what GET /candidates/{id} returns), within the
 * spec's constraints and weighted toward the hard cases: equivalent encodings of a GDPR day, unchanged
 * past dates, reordered job ids and metadata keys, names at 1 and 100 code points, metadata at its
 * limits (50 keys, 5 levels, 10 KB), null versus absent. Shared with the simulator's contract tests.
 */
import { fc } from "@fast-check/vitest";
import type {
  InstaviewCandidate,
  InstaviewCandidateStatus,
  InstaviewGender,
  InstaviewMetadataWrite,
} from "../src/generated/schema.ts";

/** "Today" of the default arbitraries: pass it as `now` to `diffCandidate` and to the simulator. */
export const NOW = new Date("2025-06-15T12:00:00Z");

const DAY_MS = 86_400_000;

/** Job ids: the first few collide often; all 60 let a list reach its limit of 50. */
export const JOB_IDS: readonly string[] = Array.from(
  { length: 60 },
  (_, i) => `9a7e6543-e21b-42d3-a456-${(0x426614174000 + i).toString(16).padStart(12, "0")}`,
);

const STATUSES: readonly InstaviewCandidateStatus[] = [
  "UNDEFINED",
  "APPLIED",
  "IN_PROCESS",
  "REJECTED",
  "ACCEPTED",
];

/** `YYYY-MM-DD` of the UTC day `offset` days after `now`'s. */
function dayAfter(now: Date, offset: number): string {
  return new Date(now.getTime() + offset * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Ways a server may write the UTC day `day` (a date today, a timestamptz later): each one's UTC day
 * is `day`, including offsets whose local date is the day before or after.
 */
function dayEncodings(day: string): string[] {
  const at = (offset: number, time: string) => `${dayAfter(new Date(`${day}T12:00:00Z`), offset)}T${time}`;
  return [
    day,
    `${day}T00:00:00Z`,
    `${day}T00:00:00.000Z`,
    `${day}T23:59:59Z`,
    `${day}T12:30:00+02:00`,
    at(1, "01:00:00+02:00"), // the next local date, still `day` in UTC
    at(-1, "22:00:00-05:00"), // the previous local date, still `day` in UTC
  ];
}

/** The same JSON value with every object's keys in reverse order: deep-equal, byte-different. */
function reorderKeys<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map(reorderKeys) as T;
  const entries = Object.entries(value).reverse();
  return Object.fromEntries(entries.map(([k, v]) => [k, reorderKeys(v)])) as T;
}

/** Every key of every object in a JSON value, at all levels. */
export function keyCount(value: unknown): number {
  if (typeof value !== "object" || value === null) return 0;
  const children = Object.values(value);
  return children.reduce<number>((n, v) => n + keyCount(v), Array.isArray(value) ? 0 : children.length);
}

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

/**
 * One code point: printable ASCII mostly, else letters outside it, a combining mark, an emoji (two
 * UTF-16 units) or a space. (`unit: "binary"` would do too, but takes seconds to build.)
 */
const codePoint = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCodePoint(c)) },
  { weight: 1, arbitrary: fc.constantFrom("é", "ß", "李", "ж", "\u0301", "🙂", "👩", "\u00a0", "\t") },
);

/** A first or last name: 1 to 100 code points, often from a small pool, sometimes at the bounds. */
const personName: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("Ada", "Bob", "Zoë", "李雷", "O'Brien", "Jean-Luc", " Ada") },
  { weight: 1, arbitrary: fc.constantFrom("A", "x".repeat(100), "🙂".repeat(100), "é".repeat(100)) },
  { weight: 2, arbitrary: fc.string({ unit: codePoint, minLength: 1, maxLength: 100 }) },
);

/** Valid emails, differing by case too (compared exactly). */
const email: fc.Arbitrary<string> = fc.constantFrom(
  "ada@example.com",
  "Ada@Example.com",
  "bob@example.org",
  "a.b+tag@sub.example.co",
);

/** E.164 numbers, the shortest and the longest included. */
const phoneNumber: fc.Arbitrary<string> = fc.constantFrom(
  "+421901234567",
  "+12025550123",
  "+12",
  "+123456789012345",
);

const status: fc.Arbitrary<InstaviewCandidateStatus> = fc.constantFrom(...STATUSES);

const gender: fc.Arbitrary<InstaviewGender> = fc.constantFrom("male", "female", null);

/** Job ids as GET returns them (no repeats): mostly a few, sometimes exactly 50. */
const jobIds: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 8, arbitrary: fc.uniqueArray(fc.constantFrom(...JOB_IDS.slice(0, 6)), { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.shuffledSubarray([...JOB_IDS], { minLength: 50, maxLength: 50 }) },
);

const KEYS = ["source", "referredBy", "externalId", "tags", "score", "nested", "", "with space", "ключ"];
const primitive = fc.oneof(
  fc.constantFrom<unknown>("LinkedIn", "CAND-0001", "", "ünïcode ✓", 0, 42, -1, 1.5, true, false, null),
  fc.string({ maxLength: 20 }),
);

/** A metadata object of at most `levels` levels (the object itself is one; arrays count too). */
function object(levels: number): fc.Arbitrary<Record<string, unknown>> {
  const value: fc.Arbitrary<unknown> =
    levels <= 1
      ? primitive
      : fc.oneof(
          { weight: 6, arbitrary: primitive },
          { weight: 1, arbitrary: fc.array(primitive, { maxLength: 3 }) },
          { weight: 1, arbitrary: fc.constant(null).chain(() => object(levels - 1)) },
        );
  return fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 4, noNullPrototype: true });
}

/** A flat metadata object with 40 to 50 keys. */
const manyKeys = fc
  .integer({ min: 40, max: 50 })
  .map((n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i])));

/** One value filling the body to exactly 10 240 bytes of JSON: `{"blob":"…"}`. */
const FULL = { blob: "x".repeat(10_240 - bytes({ blob: "" })) };

/**
 * Metadata as GET returns it and PATCH accepts it: at most 50 keys over all levels, 5 levels and
 * 10 KB of JSON; often small, sometimes exactly at a limit.
 */
const metadata: fc.Arbitrary<InstaviewMetadataWrite> = fc
  .oneof(
    { weight: 8, arbitrary: object(5) },
    { weight: 1, arbitrary: manyKeys },
    { weight: 1, arbitrary: fc.constantFrom(FULL, { a: { b: { c: { d: { e: 1 } } } } }, { a: [[1]] }) },
  )
  .filter((m) => keyCount(m) <= 50 && bytes(m) <= 10_240);

/** What `arbitraries(now)` returns. */
interface CandidateArbitraries {
  /** A GDPR day stored on a record: past, today or future, in any encoding. */
  storedGdprDate: fc.Arbitrary<string>;
  /** A GDPR day that may be written: strictly after today, in any encoding. */
  futureGdprDate: fc.Arbitrary<string>;
  /** A candidate as GET returns it (optional keys absent or null). */
  candidate: fc.Arbitrary<InstaviewCandidate>;
  /** A writable desired record for `before`: field by field unchanged, re-encoded, changed or left out. */
  desired: (before: InstaviewCandidate) => fc.Arbitrary<InstaviewCandidate>;
  /** The same writable state as `before` in other encodings, with other read-only and write-only values. */
  equivalent: (before: InstaviewCandidate) => fc.Arbitrary<InstaviewCandidate>;
  /** [before, desired after] */
  pair: fc.Arbitrary<[InstaviewCandidate, InstaviewCandidate]>;
  /** [before, equivalent after]: must diff to a no-op. */
  equivalentPair: fc.Arbitrary<[InstaviewCandidate, InstaviewCandidate]>;
}

/**
 * The candidate arbitraries for a given "today" (future GDPR dates are relative to it).
 * @example
 * const { pair } = arbitraries(NOW);
 * test.prop([pair])("...", ([before, after]) => diffCandidate(before, after, { now: NOW }));
 */
function arbitraries(now: Date = NOW): CandidateArbitraries {
  const day = (min: number, max: number) => fc.integer({ min, max }).map((n) => dayAfter(now, n));
  const encoded = (days: fc.Arbitrary<string>) => days.chain((d) => fc.constantFrom(...dayEncodings(d)));
  const storedGdprDate = encoded(
    fc.oneof(day(-3000, -1), fc.constant(dayAfter(now, 0)), day(1, 3), day(4, 3000)),
  );
  const futureGdprDate = encoded(fc.oneof(day(1, 3), day(4, 3000)));

  const readOnly = {
    id: fc.constantFrom("3f1c2a9e-5b7d-4e1a-9c2f-8d6b4a0e7f21", "1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b"),
    createdAt: fc.constantFrom("2025-01-01T00:00:00Z", "2025-01-01T00:00:00.000Z"),
    updatedAt: fc.constantFrom("2025-02-01T10:30:00Z", "2025-06-14T08:15:00Z"),
    jobId: fc.option(fc.constantFrom(...JOB_IDS.slice(0, 3)), { nil: null }),
    overallRating: fc.constantFrom(null, 0, 85, 100),
    analysisCount: fc.nat({ max: 5 }),
    interviewCount: fc.nat({ max: 5 }),
    links: fc.constant({
      analyses: "/v1/public/candidates/3f1c2a9e-5b7d-4e1a-9c2f-8d6b4a0e7f21/analyses",
      interviews: "/v1/public/candidates/3f1c2a9e-5b7d-4e1a-9c2f-8d6b4a0e7f21/interviews",
    }),
    cvText: fc.constantFrom(null, "[NAME]\nSoftware Engineer", "[NAME]\nDesigner\n[EMAIL]"),
  };
  // The fields the server always sets; the others may be absent.
  const REQUIRED = [
    "id",
    "firstName",
    "lastName",
    "status",
    "createdAt",
    "updatedAt",
    "jobIds",
    "gdprExpiryDate",
  ] as const;

  const candidate: fc.Arbitrary<InstaviewCandidate> = fc.record(
    {
      ...readOnly,
      firstName: personName,
      lastName: personName,
      status,
      jobIds,
      email: fc.option(email, { nil: null }),
      phoneNumber: fc.option(phoneNumber, { nil: null }),
      gdprExpiryDate: storedGdprDate,
      metadata,
      gender,
    },
    { requiredKeys: [...REQUIRED], noNullPrototype: true },
  );

  /** The same value as `v`, written another way. */
  const same = {
    gdpr: (v: string) => fc.constantFrom(...dayEncodings(utcDay(v))),
    jobIds: (ids: readonly string[]) =>
      fc
        .tuple(fc.shuffledSubarray([...ids], { minLength: ids.length, maxLength: ids.length }), fc.boolean())
        .map(([shuffled, repeat]) =>
          repeat && shuffled.length > 0 ? [...shuffled, shuffled[0]!] : shuffled,
        ),
  };

  /** Mostly the same state (so bodies are often small or empty), else another value. */
  const keepOr = <T>(kept: fc.Arbitrary<T>, other: fc.Arbitrary<T>) =>
    fc.oneof({ weight: 3, arbitrary: kept }, { weight: 1, arbitrary: other });

  /** Absent (left as it is), often the same state, else one of the other values. */
  const maybe = <T>(kept: fc.Arbitrary<T>, ...others: fc.Arbitrary<T>[]) =>
    fc.oneof(
      { weight: 2, arbitrary: fc.constant(undefined) },
      { weight: 3, arbitrary: kept },
      ...others.map((arbitrary) => ({ weight: 1, arbitrary })),
    );

  const withoutUndefined = (record: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(record).filter(([, v]) => v !== undefined),
    ) as unknown as InstaviewCandidate;

  const equivalent = (b: InstaviewCandidate): fc.Arbitrary<InstaviewCandidate> =>
    fc
      .record({
        ...readOnly,
        gdprExpiryDate: same.gdpr(b.gdprExpiryDate),
        jobIds: same.jobIds(b.jobIds),
        metadata: fc.constant(b.metadata === undefined ? undefined : reorderKeys(b.metadata)),
        // null and absent are the same state for the optional nullable fields.
        email: fc.constant(b.email ?? undefined),
        phoneNumber: fc.constant(b.phoneNumber ?? undefined),
        gender: b.gender == null ? fc.constantFrom(null, undefined) : fc.constant(b.gender),
      })
      .map((changes) =>
        withoutUndefined({
          firstName: b.firstName,
          lastName: b.lastName,
          status: b.status,
          ...changes,
        }),
      );

  const desired = (b: InstaviewCandidate): fc.Arbitrary<InstaviewCandidate> =>
    fc
      .record({
        ...readOnly,
        firstName: keepOr(fc.constant(b.firstName), personName),
        lastName: keepOr(fc.constant(b.lastName), personName),
        status: keepOr(fc.constant(b.status), status),
        gdprExpiryDate: keepOr(same.gdpr(b.gdprExpiryDate), futureGdprDate),
        jobIds: keepOr(same.jobIds(b.jobIds), jobIds),
        // PATCH cannot clear email or phone: null only where it already is.
        email: maybe(fc.constant(b.email), email, ...(b.email == null ? [fc.constant(null)] : [])),
        phoneNumber: maybe(
          fc.constant(b.phoneNumber),
          phoneNumber,
          ...(b.phoneNumber == null ? [fc.constant(null)] : []),
        ),
        metadata: maybe(fc.constant(b.metadata === undefined ? {} : reorderKeys(b.metadata)), metadata),
        gender: maybe(fc.constant(b.gender), gender),
      })
      .map((record) => withoutUndefined(record));

  return {
    storedGdprDate,
    futureGdprDate,
    candidate,
    desired,
    equivalent,
    pair: candidate.chain((b) => desired(b).map((a): [InstaviewCandidate, InstaviewCandidate] => [b, a])),
    equivalentPair: candidate.chain((b) =>
      equivalent(b).map((a): [InstaviewCandidate, InstaviewCandidate] => [b, a]),
    ),
  };
}

/** The UTC day of a date or a zoned timestamp. */
function utcDay(value: string): string {
  return value.length > 10 ? new Date(Date.parse(value)).toISOString().slice(0, 10) : value;
}

/** The default arbitraries, at `NOW`. */
export const { candidate, pair, equivalentPair } = arbitraries(NOW);

// ---------------------------------------------------------------------------------------------------
// Hard cases for the contract tests against the simulator: one edit the rules must get exactly right,
// on top of re-encodings of everything else.

/** `ids` in another order, with `id` as the new first ("primary") item when given. */
const reordered = (ids: readonly string[], first?: string) =>
  fc
    .shuffledSubarray([...ids], { minLength: ids.length, maxLength: ids.length })
    .map((shuffled) => (first === undefined ? shuffled : [first, ...shuffled.filter((x) => x !== first)]));

/** A nested object to put into metadata: 1 to 3 levels. */
const nested = fc.constantFrom<Record<string, unknown>>(
  { address: { city: "Bratislava", geo: { lat: 48.1, lng: 17.1 } } },
  { scores: { technical: 4, communication: 5 } },
  { ats: { system: "Greenhouse", ids: { candidate: 123456 } } },
  { tags: ["typescript", "react"] },
);

/**
 * Desired records for `before` that make one hard edit: job ids reordered with an id added first or
 * one removed (a set: the order carries no meaning), metadata with its keys reordered and a nested
 * object added or changed, an unchanged (maybe past) GDPR date re-encoded as a timestamp next to
 * another change, a changed date written as a timestamp, gender set, changed or cleared with null.
 */
function hardDesired(before: InstaviewCandidate, now: Date = NOW): fc.Arbitrary<InstaviewCandidate> {
  const { futureGdprDate } = arbitraries(now);
  const day = utcDay(before.gdprExpiryDate);
  const free = JOB_IDS.filter((id) => !before.jobIds.includes(id));
  const edits: fc.Arbitrary<Partial<InstaviewCandidate>>[] = [
    // jobIds: a new first id, the others shuffled
    (before.jobIds.length < 50 ? fc.constantFrom(...free) : fc.constant(undefined)).chain((id) =>
      reordered(before.jobIds, id).map((jobIds) => ({ jobIds })),
    ),
    // jobIds: one removed, the rest shuffled
    fc
      .nat({ max: Math.max(0, before.jobIds.length - 1) })
      .chain((i) => reordered(before.jobIds.filter((_, j) => j !== i)).map((jobIds) => ({ jobIds }))),
    // metadata: keys reordered, a nested object added or replaced
    nested.map((extra) => {
      const merged = { ...(before.metadata ?? {}), ...extra };
      return { metadata: reorderKeys(keyCount(merged) <= 50 && bytes(merged) <= 10_240 ? merged : extra) };
    }),
    // gdpr: the unchanged day (maybe past) as a timestamp, next to a status change
    fc
      .tuple(fc.constantFrom(...dayEncodings(day)), status)
      .map(([gdprExpiryDate, s]) => ({ gdprExpiryDate, status: s })),
    // gdpr: a changed future day written as a timestamp with an offset
    futureGdprDate.map((gdprExpiryDate) => ({ gdprExpiryDate })),
    // gender: set, changed, cleared with null (back to auto-detection)
    gender.map((g) => ({ gender: g })),
  ];
  return fc
    .tuple(fc.oneof(...edits), fc.constantFrom(...dayEncodings(day)))
    .map(([edit, gdpr]) => ({ ...before, gdprExpiryDate: gdpr, ...edit }) as InstaviewCandidate);
}

/**
 * [before, after] pairs for the contract tests: the general `pair` and, as often, one hard edit.
 * @example test.prop([contractPair])("...", ([before, after]) => diffCandidate(before, after, { now: NOW }));
 */
export const contractPair: fc.Arbitrary<[InstaviewCandidate, InstaviewCandidate]> = fc.oneof(
  pair,
  candidate.chain((b) => hardDesired(b).map((a): [InstaviewCandidate, InstaviewCandidate] => [b, a])),
);
