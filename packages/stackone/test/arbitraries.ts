/**
 * Generated StackOne candidates in the read shape (what GET /unified/ats/candidates/{id} returns),
 * within the spec's constraints and weighted toward the hard cases: lists reordered and with repeats,
 * list items with `null` versus absent keys, `null` versus `[]` versus absent, `hired_at` in equivalent
 * encodings (`…Z`, `….000Z`, offsets), unified custom fields with keys reordered, `""` versus `null`,
 * read-only and deprecated fields that change on their own. Every record keeps `email` among its
 * `emails` (StackOne's cross-field rule), so every pair can be diffed. Shared with the simulator's
 * contract tests.
 */
import { fc } from "@fast-check/vitest";
import type {
  StackOneCandidate,
  StackOneCustomField,
  StackOneEmail,
  StackOnePhoneNumber,
  StackOneSocialLink,
  StackOneTag,
} from "../src/generated/schema.ts";

/** The PATCH body fields a state diff writes (all but the deprecated `phone` and write-only `passthrough`). */
export const WRITABLE = [
  "name",
  "first_name",
  "last_name",
  "company",
  "title",
  "country",
  "email",
  "emails",
  "social_links",
  "phone_numbers",
  "application_ids",
  "hired_at",
  "custom_fields",
  "unified_custom_fields",
] as const satisfies readonly (keyof StackOneCandidate)[];

/** The list fields: replaced whole, order-free. */
export const LISTS = [
  "emails",
  "social_links",
  "phone_numbers",
  "application_ids",
  "custom_fields",
] as const satisfies readonly (keyof StackOneCandidate)[];

const PHONE_TYPES: readonly StackOnePhoneNumber["type"][] = [
  "personal",
  "work",
  "mobile",
  "home",
  "unknown",
  "other",
  "unmapped_value",
  null,
];

/** Application ids: a small pool, so lists collide, repeat and reorder often. */
export const APPLICATION_IDS: readonly string[] = Array.from(
  { length: 6 },
  (_, i) => `123e4567-e89b-12d3-a456-${(0x426614174000 + i).toString(16).padStart(12, "0")}`,
);

/** The same JSON value with every object's keys in reverse order: deep-equal, byte-different. */
function reorderKeys<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map(reorderKeys) as T;
  const entries = Object.entries(value).reverse();
  return Object.fromEntries(entries.map(([k, v]) => [k, reorderKeys(v)])) as T;
}

/**
 * Ways a server may write the instant `iso` (a UTC `…T…Z` timestamp, whole seconds): the same
 * instant with and without milliseconds, in UTC and at offsets whose local date differs.
 */
function instantEncodings(iso: string): string[] {
  const t = Date.parse(iso);
  const at = (minutes: number) => {
    const local = new Date(t + minutes * 60_000).toISOString().slice(0, 19);
    const sign = minutes < 0 ? "-" : "+";
    const abs = Math.abs(minutes);
    const hh = String(Math.floor(abs / 60)).padStart(2, "0");
    const mm = String(abs % 60).padStart(2, "0");
    return `${local}${sign}${hh}:${mm}`;
  };
  const utc = new Date(t).toISOString();
  return [utc, `${utc.slice(0, 19)}Z`, `${utc.slice(0, 19)}.000000Z`, at(60), at(-300), at(330), at(840)];
}

/** Instants near day boundaries and a plain one, whole seconds, in UTC. */
const INSTANTS = ["2021-01-01T01:01:01.000Z", "2024-02-29T23:30:00.000Z", "2025-12-31T00:00:00.000Z"];

/** `hired_at` as GET may return it: one of a few instants, in any of its encodings. */
const hiredAt: fc.Arbitrary<string> = fc
  .constantFrom(...INSTANTS)
  .chain((iso) => fc.constantFrom(...instantEncodings(iso)));

/**
 * Free text: mostly from a small pool (so before and after often agree), with `""`, surrounding
 * spaces and non-ASCII, sometimes arbitrary.
 */
const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("Ada", "Ada ", "", "Zoë", "李雷", "O'Brien", "🙂 emoji") },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);

/** Email addresses, some differing by case only (compared exactly). */
const address: fc.Arbitrary<string> = fc.constantFrom(
  "ada@example.com",
  "Ada@Example.com",
  "bob@example.org",
  "a.b+tag@sub.example.co",
);

/** A value, `null`, or (when `absent`) the key left out: `undefined` here, dropped by `candidate`. */
const orNull = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(null) });

/** A list item: each key present with a value, present as `null`, or absent. */
function item<T extends object>(fields: { [K in keyof T]-?: fc.Arbitrary<T[K]> }): fc.Arbitrary<T> {
  return fc.record(fields, { requiredKeys: [] }) as fc.Arbitrary<T>;
}

const emailItem: fc.Arbitrary<StackOneEmail> = item<StackOneEmail>({
  type: orNull(fc.constantFrom("personal", "work", "other")),
  value: orNull(address),
});

const socialLink: fc.Arbitrary<StackOneSocialLink> = item<StackOneSocialLink>({
  type: orNull(fc.constantFrom("linkedin", "github", "twitter")),
  url: orNull(
    fc.constantFrom("https://www.linkedin.com/in/ada", "https://github.com/ada", "https://x.com/ada"),
  ),
});

const phoneNumber: fc.Arbitrary<StackOnePhoneNumber> = item<StackOnePhoneNumber>({
  type: fc.constantFrom(...PHONE_TYPES),
  phone: orNull(fc.constantFrom("+447700900123", "+12025550143", "07700 900123", "")),
});

/** Any JSON value, small: what a custom field or a unified custom field holds. */
const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<unknown>("1 month", "", "42", 42, 0, -1.5, true, false, null) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(["a", "b"], [], { a: 1, b: [true] }, {}) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

const customField: fc.Arbitrary<StackOneCustomField> = item<StackOneCustomField>({
  id: orNull(fc.constantFrom("cf_1", "cf_2", "cf_3")),
  remote_id: orNull(fc.constantFrom("701", "702")),
  name: orNull(fc.constantFrom("Notice period", "Salary", "Remote")),
  value: jsonValue as fc.Arbitrary<StackOneCustomField["value"]>,
  value_id: orNull(fc.constantFrom("opt_1", "opt_2")),
  remote_value_id: orNull(fc.constantFrom("9001", "9002")),
});

/** A list: mostly 0 to 3 items from small pools (so items repeat and lists reorder), or `null`. */
const list = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T[] | null> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.array(arb, { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.constant(null) },
  );

const unifiedCustomFields: fc.Arbitrary<{ [key: string]: unknown } | null> = orNull(
  fc.dictionary(fc.constantFrom("source_ref", "my_project_custom_field_1", "score", ""), jsonValue, {
    maxKeys: 3,
  }),
);

const tag: fc.Arbitrary<StackOneTag> = item<StackOneTag>({
  remote_id: orNull(fc.constantFrom("12", "13")),
  name: orNull(fc.constantFrom("Referral", "Silver medallist")),
});

/**
 * A record that satisfies StackOne's email rule: a string `email` is among the values of `emails`
 * when `emails` is present (added to it, or `emails` made a list of it, when not).
 */
function withConsistentEmail(record: StackOneCandidate): StackOneCandidate {
  const { email, emails } = record;
  if (typeof email !== "string" || emails === undefined) return record;
  if (emails?.some((e) => e.value === email)) return record;
  return { ...record, emails: [...(emails ?? []), { type: "personal", value: email }] };
}

/** The writable fields of a candidate, each a value, `null` or absent. */
const writable = fc.record(
  {
    name: orNull(text),
    first_name: orNull(text),
    last_name: orNull(text),
    company: orNull(text),
    title: orNull(text),
    country: orNull(fc.constantFrom("United Kingdom", "United States", "")),
    email: orNull(address),
    emails: list(emailItem),
    social_links: list(socialLink),
    phone_numbers: list(phoneNumber),
    application_ids: list(fc.constantFrom(...APPLICATION_IDS)),
    hired_at: orNull(hiredAt),
    custom_fields: list(customField),
    unified_custom_fields: unifiedCustomFields,
  },
  { requiredKeys: [] },
);

/** The read-only and deprecated fields of a candidate. */
const notWritten = fc.record(
  {
    id: fc.constantFrom("c0a8012e-7d3f-4b8e-9a51-2f6c1d9e4b70", "d1b9123f-8e4a-4c9f-8b62-3a7d2eaf5c81"),
    remote_id: orNull(fc.constantFrom("48213", "48214")),
    remote_application_ids: list(fc.constantFrom("99120", "99121")),
    tags: list(tag),
    created_at: orNull(hiredAt),
    updated_at: orNull(hiredAt),
    phone: orNull(fc.constantFrom("+16178294093", "")),
  },
  { requiredKeys: [] },
);

/** A candidate as GET returns it: every key a value, `null` or absent; `email` among `emails`. */
export const candidate: fc.Arbitrary<StackOneCandidate> = fc
  .tuple(notWritten, writable)
  .map(([ro, w]) => withConsistentEmail({ ...ro, ...w } as StackOneCandidate));

/** `record` without the keys `drop` names (absent: "leave as it is" in a desired record). */
function without(record: StackOneCandidate, drop: readonly string[]): StackOneCandidate {
  const out: Record<string, unknown> = { ...record };
  for (const k of drop) delete out[k];
  return out as StackOneCandidate;
}

/** `list` in a seeded pseudo-random order (possibly the same one). */
function shuffled<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = (seed * (i + 7)) % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The same item with its keys reordered and, when `flip`, its `null`-valued keys dropped. */
function reencodeItem<T extends object>(value: T, flip: boolean): T {
  const entries = Object.entries(value).reverse();
  const kept = flip ? entries.filter(([, v]) => v !== null) : entries;
  return Object.fromEntries(kept) as T;
}

/**
 * A candidate and the same state written differently: lists reordered, list items with keys reordered
 * or `null` keys dropped, `[]`/`{}`/`null` swapped, `hired_at` re-encoded, unified custom fields with
 * keys reordered, read-only and deprecated fields changed, some keys left out of after.
 */
export const equivalentPair: fc.Arbitrary<[StackOneCandidate, StackOneCandidate]> = fc
  .tuple(
    candidate,
    notWritten,
    fc.nat(),
    fc.boolean(),
    fc.subarray([...WRITABLE], { maxLength: 4 }),
    fc.nat(),
  )
  .map(([before, ro, seed, flip, drop, pick]) => {
    const after: Record<string, unknown> = { ...before, ...ro };
    for (const k of LISTS) {
      const v = before[k] as readonly object[] | string[] | null | undefined;
      if (v == null) after[k] = seed % 2 ? [] : null;
      else if (v.length === 0) after[k] = seed % 3 ? null : [];
      else
        after[k] = shuffled(v as readonly unknown[], seed).map((x) =>
          typeof x === "object" && x !== null ? reencodeItem(x, flip) : x,
        );
    }
    if (typeof before.hired_at === "string") {
      const encodings = instantEncodings(new Date(before.hired_at).toISOString());
      after.hired_at = encodings[pick % encodings.length];
    }
    const ucf = before.unified_custom_fields;
    after.unified_custom_fields =
      ucf == null || Object.keys(ucf).length === 0 ? (flip ? {} : null) : reorderKeys(ucf);
    if (!("phone" in ro)) delete after.phone;
    return [before, without(after as StackOneCandidate, drop)];
  });

/**
 * A before and a desired after: mostly after is before with a few fields changed (set, cleared,
 * emptied, left out, reordered), sometimes two unrelated candidates.
 */
export const pair: fc.Arbitrary<[StackOneCandidate, StackOneCandidate]> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(candidate, candidate, fc.subarray([...WRITABLE]), fc.subarray([...WRITABLE], { maxLength: 3 }))
      .map(([before, other, take, drop]): [StackOneCandidate, StackOneCandidate] => {
        const after: Record<string, unknown> = { ...before };
        for (const k of take) {
          if (other[k] === undefined) delete after[k];
          else after[k] = other[k];
        }
        return [before, withConsistentEmail(without(after as StackOneCandidate, drop))];
      }),
  },
  { weight: 1, arbitrary: fc.tuple(candidate, candidate) },
  { weight: 1, arbitrary: equivalentPair },
);

// ---------------------------------------------------------------------------------------------------
// For the contract tests against the simulator (test/contract.test.ts): pairs weighted toward what a
// simulator round trip can get wrong.

/** The custom field ids `customField` draws from: the simulator's catalogue in the contract tests. */
export const CUSTOM_FIELD_IDS = ["cf_1", "cf_2", "cf_3"] as const;

/** `record` with an `id` (the arbitraries may leave it out; a simulator stores candidates by id). */
export function withId(record: StackOneCandidate): StackOneCandidate & { id: string } {
  return { ...record, id: record.id ?? "c0a8012e-7d3f-4b8e-9a51-2f6c1d9e4b70" };
}

/** A custom field whose value is any JSON value, deeper and wider than `customField`'s. */
const anyJsonCustomField: fc.Arbitrary<StackOneCustomField> = item<StackOneCustomField>({
  id: orNull(fc.constantFrom(...CUSTOM_FIELD_IDS)),
  remote_id: orNull(fc.constantFrom("701", "702")),
  name: orNull(fc.constantFrom("Notice period", "Salary", "Remote")),
  value: fc.oneof(jsonValue, fc.jsonValue({ maxDepth: 4 })) as fc.Arbitrary<StackOneCustomField["value"]>,
  value_id: orNull(fc.constantFrom("opt_1", "opt_2")),
  remote_value_id: orNull(fc.constantFrom("9001", "9002")),
});

/** The ways a desired record moves `email` and `emails` together or apart. */
const EMAIL_MOVES = [
  "new-primary", // email switched to another of the emails
  "added-primary", // a new address, first in emails, made the email
  "replaced", // emails replaced by one new address, which becomes the email
  "emails-only", // emails changed, email left out of after (left as it is)
  "email-only", // email changed, emails left out of after
  "email-cleared", // email null, emails kept (reordered)
  "both-emptied", // email null, emails [] or null
  "primary-kept", // emails changed around an email that stays
] as const;

/**
 * A candidate and a desired record whose `email`/`emails` move as a sync would move them (a new
 * primary, a new address, one removed, both cleared, one left out), other fields as they were.
 */
const emailPair: fc.Arbitrary<[StackOneCandidate, StackOneCandidate]> = fc
  .tuple(
    candidate,
    fc.constantFrom(...EMAIL_MOVES),
    fc.nat(),
    fc.constantFrom("new@example.net", "Ada@Example.com", "ada@example.com"),
    fc.constantFrom("personal", "work", null),
  )
  .map(([before, move, n, fresh, type]) => {
    const emails = before.emails ?? [];
    const values = emails.flatMap((e) => (typeof e.value === "string" ? [e.value] : []));
    const after: Record<string, unknown> = { ...before };
    const added = { type, value: fresh };
    switch (move) {
      case "new-primary":
        if (values.length) after.email = values[n % values.length];
        else Object.assign(after, { email: fresh, emails: [...emails, added] });
        break;
      case "added-primary":
        Object.assign(after, { email: fresh, emails: [added, ...emails] });
        break;
      case "replaced":
        Object.assign(after, { email: fresh, emails: [added] });
        break;
      case "emails-only":
        after.emails = shuffled(
          emails.filter((_, i) => i !== n % Math.max(1, emails.length)),
          n,
        );
        delete after.email;
        break;
      case "email-only":
        after.email = fresh;
        delete after.emails;
        break;
      case "email-cleared":
        Object.assign(after, { email: null, emails: shuffled(emails, n) });
        break;
      case "both-emptied":
        Object.assign(after, { email: null, emails: n % 2 ? [] : null });
        break;
      case "primary-kept":
        after.emails = [...shuffled(emails, n), added];
        break;
    }
    return [before, withConsistentEmail(after as StackOneCandidate)];
  });

/** A candidate and the same one with some writable fields set to `null` (clears over values). */
const nullsPair: fc.Arbitrary<[StackOneCandidate, StackOneCandidate]> = fc
  .tuple(candidate, fc.subarray([...WRITABLE], { minLength: 1 }))
  .map(([before, cleared]) => {
    const after: Record<string, unknown> = { ...before };
    for (const k of cleared) after[k] = null;
    return [before, withConsistentEmail(after as StackOneCandidate)];
  });

/**
 * A candidate and a desired record whose lists are reordered and re-encoded and one item of one list
 * changed, custom fields holding any JSON value, `hired_at` in another encoding or another instant.
 */
const reorderedChangePair: fc.Arbitrary<[StackOneCandidate, StackOneCandidate]> = fc
  .tuple(
    candidate,
    fc.constantFrom(...LISTS),
    fc.nat(),
    fc.boolean(),
    fc.tuple(emailItem, socialLink, phoneNumber, fc.constantFrom(...APPLICATION_IDS), anyJsonCustomField),
    fc.option(hiredAt, { nil: undefined }),
  )
  .map(([before, changed, n, flip, [email, link, phone, application, field], hired]) => {
    const fresh: Record<(typeof LISTS)[number], unknown> = {
      emails: email,
      social_links: link,
      phone_numbers: phone,
      application_ids: application,
      custom_fields: field,
    };
    const after: Record<string, unknown> = { ...before };
    for (const k of LISTS) {
      const list = (before[k] ?? []) as unknown[];
      const reordered = shuffled(list, n).map((x) =>
        typeof x === "object" && x !== null ? reencodeItem(x, flip) : x,
      );
      if (k === changed) reordered.splice(n % (reordered.length + 1), list.length ? 1 : 0, fresh[k]);
      after[k] = reordered;
    }
    if (hired !== undefined) after.hired_at = hired;
    return [before, withConsistentEmail(after as StackOneCandidate)];
  });

/** A candidate and a desired record with a whole new list of custom fields, each any JSON value. */
const customFieldsPair: fc.Arbitrary<[StackOneCandidate, StackOneCandidate]> = fc
  .tuple(candidate, fc.array(anyJsonCustomField, { maxLength: 4 }))
  .map(([before, fields]) => [before, { ...before, custom_fields: fields }]);

/**
 * The pairs of the contract tests: the general `pair` (which includes equivalent ones), weighted
 * toward email/emails moves, clears over values, reordered lists with one change and custom fields
 * with any JSON value.
 */
export const contractPair: fc.Arbitrary<[StackOneCandidate, StackOneCandidate]> = fc.oneof(
  { weight: 4, arbitrary: pair },
  { weight: 2, arbitrary: emailPair },
  { weight: 1, arbitrary: nullsPair },
  { weight: 2, arbitrary: reorderedChangePair },
  { weight: 1, arbitrary: customFieldsPair },
);
