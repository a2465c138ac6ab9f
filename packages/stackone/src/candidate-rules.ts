import {
  type DiffOptions,
  type DiffResult,
  deepEqual,
  defineResource,
  diff,
  type Equality,
  type FieldRule,
  issue,
  type KeysOf,
  nullable,
  type ResourceSpec,
  replaceList,
  replaceObject,
  sameInstant,
  UNCHANGED,
  type ValidationIssue,
  writeOnly,
} from "@patchwise/diff";
import type { StackOneCandidate, StackOneCandidatePatch } from "./generated/schema.ts";
import { updateCandidateBody } from "./generated/validation.ts";

/** The read-shape keys that hold lists. */
type ListKey = KeysOf<StackOneCandidate, readonly unknown[]>;

/**
 * List items equal when their keys with values are deep-equal: every key of a StackOne list item is
 * optional and nullable, so `{ type: null, value: "a" }` and `{ value: "a" }` are the same item.
 */
const sameItem: Equality = (a, b) => {
  if (typeof a !== "object" || a === null || Array.isArray(a) || typeof b !== "object" || b === null)
    return deepEqual(a, b);
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  // Counted without copies: this runs for every pair of items compared.
  let n = 0;
  for (const k in x) {
    if (x[k] == null) continue;
    if (!deepEqual(x[k], y[k])) return false;
    n++;
  }
  for (const k in y) if (y[k] != null) n--;
  return n === 0;
};

/** No keys: `null`, absent and `{}` are the same empty object. */
const isEmpty = (v: unknown): boolean =>
  v == null || (typeof v === "object" && !Array.isArray(v) && Object.values(v).every((x) => x === undefined));

const ZONED_TIMESTAMP = /^\d{4}-\d\d-\d\d[Tt ].*(?:[zZ]|[+-]\d\d:?\d\d)$/;

/**
 * Timestamps equal when they are the same instant (`…Z` equals `….000Z` and `+01:00` offsets), as
 * `sameInstant` says, but only when both carry a zone: `Date.parse` reads a zoneless timestamp in the
 * machine's time zone, so comparing one as an instant would make the body depend on where it runs.
 * Anything else compares exactly (and, when sent, the table's date-time format names it).
 */
const sameMoment: Equality = (a, b) =>
  typeof a === "string" && typeof b === "string" && ZONED_TIMESTAMP.test(a) && ZONED_TIMESTAMP.test(b)
    ? sameInstant(a, b)
    : deepEqual(a, b);

/**
 * A list StackOne replaces whole and whose order means nothing (providers/stackone.md: "compare lists
 * as multisets"): `replaceList` unordered, compared item by item with `sameItem`, a desired `null` sent
 * as `null` (StackOne: "every property may be null"). `null`, absent and `[]` in before are all the
 * empty list; a value that is not a list is sent as it is, so the validation table names it.
 */
const replaceSet = <K extends ListKey>(key: K) =>
  replaceList<StackOneCandidate, K, null>(key, { ordered: false, equals: sameItem, clear: null });

/**
 * `unified_custom_fields`, replaced whole (specs/stackone.yaml, x-patchwise-assumed): `replaceObject`
 * (deep equality, key order ignored; a desired `null` is sent as `null`), with `null`, absent and `{}`
 * the same empty state, as for lists.
 */
function unifiedCustomFields(): FieldRule<StackOneCandidate, { [key: string]: unknown } | null> {
  const object = replaceObject<StackOneCandidate, "unified_custom_fields">("unified_custom_fields");
  return {
    ...object,
    diff(before, after, ctx) {
      // Emptiness is asked only of objects that differ (few pairs).
      const sent = object.diff(before, after, ctx);
      return sent !== UNCHANGED &&
        isEmpty(after.unified_custom_fields) &&
        isEmpty(before.unified_custom_fields)
        ? UNCHANGED
        : sent;
    },
  };
}

/**
 * StackOne's cross-field rule (providers/stackone.md: "never send it with a conflicting `emails`"): a
 * body that sets `email` and `emails` together must list that email among `emails`' values (exactly,
 * as sent), since the underlying ATS would otherwise get two answers for the main address. `email`
 * alone, `emails` alone, or `email: null` are fine.
 */
function checkCandidate(body: StackOneCandidatePatch): ValidationIssue[] {
  const { email, emails } = body;
  if (typeof email !== "string" || emails === undefined) return [];
  const values = Array.isArray(emails) ? emails.map((e) => (e as { value?: unknown } | null)?.value) : [];
  if (values.includes(email)) return [];
  const expected = "must be one of the values of emails when both are sent (or be sent alone)";
  return [issue("email", "conflicts-with", expected, "emails", JSON.stringify(email), email)];
}

/**
 * StackOne's patch rules, one per PATCH /unified/ats/candidates/{id} body field, over the GET
 * candidate (read shape), with the generated validation table and the email/emails check. Typed so
 * that a body field without a rule, or a rule for a field the spec lacks, does not compile. For
 * advanced use: `diff(candidateRules, before, after)` is `diffCandidate`.
 * @example
 * import { diff } from "@patchwise/diff";
 * const { body } = diff(candidateRules, before, { ...before, title: null }); // { title: null }
 * candidateRules.fields.emails.kind; // "replace-set"
 */
export const candidateRules: ResourceSpec<StackOneCandidate, StackOneCandidatePatch> = defineResource<
  StackOneCandidate,
  StackOneCandidatePatch
>({
  fields: {
    // Every PATCH property may be null: null clears the field and is sent as null.
    name: nullable("name"),
    first_name: nullable("first_name"),
    last_name: nullable("last_name"),
    company: nullable("company"),
    title: nullable("title"),
    country: nullable("country"),
    email: nullable("email"),
    // Lists are replaced whole (StackOne forwards to the customer's ATS and documents no merge) and
    // their order carries no meaning: a pure reorder is no change.
    emails: replaceSet("emails"),
    social_links: replaceSet("social_links"),
    phone: writeOnly("deprecated: superseded by phone_numbers, which the diff writes instead"),
    phone_numbers: replaceSet("phone_numbers"),
    application_ids: replaceSet("application_ids"),
    // An instant: "2021-01-01T01:01:01Z" equals "2021-01-01T01:01:01.000Z" and "…T02:01:01+01:00".
    hired_at: nullable("hired_at", { equals: sameMoment }),
    custom_fields: replaceSet("custom_fields"),
    unified_custom_fields: unifiedCustomFields(),
    passthrough: writeOnly("side effect: raw values forwarded to the underlying ATS, never read back"),
  },
  // None: no StackOne PATCH field needs another sent with it.
  companions: [],
  schema: updateCandidateBody,
  check: checkCandidate,
});

/**
 * The smallest valid PATCH /unified/ats/candidates/{id} body that turns `before` into `after`, both
 * candidates as GET returns them. A key absent from `after` is left as it is; `null` clears a field and
 * is sent as `null`; lists are compared as multisets and sent whole. Throws `PatchValidationError`
 * naming each field, rule and limit when `after` cannot be written (a `hired_at` that is not a
 * date-time, an unknown phone number type, an `email` missing from the `emails` sent with it, ...).
 * @example
 * const { body, noop, changed } = diffCandidate(before, { ...before, title: "Staff Engineer", hired_at: null });
 * if (!noop) await stackone.PATCH("/unified/ats/candidates/{id}", { params: { path: { id } }, body });
 */
export function diffCandidate(
  before: StackOneCandidate,
  after: StackOneCandidate,
  options?: DiffOptions,
): DiffResult<StackOneCandidatePatch> {
  return diff(candidateRules, before, after, options);
}
