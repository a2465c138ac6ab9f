import {
  type DiffOptions,
  type DiffResult,
  deepEqual,
  defineResource,
  diff,
  type Equality,
  type FieldRule,
  issue,
  nullable,
  type ResourceSpec,
  replaceList,
  replaceObject,
  sameDay,
  scalar,
  UNCHANGED,
  type ValidationIssue,
  writeOnly,
} from "@patchwise/diff";
import type { InstaviewCandidate, InstaviewCandidatePatch } from "./generated/schema.ts";
import { updateCandidateBody } from "./generated/validation.ts";

/**
 * Keys of metadata counted over every nesting level. The vendor's page says "50 keys" without naming
 * the level; specs/instaview.yaml (MetadataWrite, x-patchwise-assumed) counts them all, while the
 * generated table's `maxProperties` checks the top level only.
 */
const METADATA_MAX_KEYS = 50;

const ZONED = /(?:[zZ]|[+-]\d\d:?\d\d)$/;
const LOCAL_TIMESTAMP = /^\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?$/;

/**
 * The `YYYY-MM-DD` day of a GDPR expiry date as the PATCH body takes it: a date as it is, a timestamp
 * with a zone its UTC day (as `sameDay` reads it), a timestamp without a zone its written date. The
 * vendor returns a date today and plans a timestamptz (Update Candidate page, response `gdprExpiryDate`).
 * Anything else is returned unchanged, so validation reports the value that was given.
 * @example dayOf("2030-01-02T23:00:00-05:00") // "2030-01-03"
 */
function dayOf(value: string): string {
  if (LOCAL_TIMESTAMP.test(value)) return value.slice(0, 10);
  const t = value.length > 10 && ZONED.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(t) ? value : new Date(t).toISOString().slice(0, 10);
}

/** Same day, whatever the encoding: `2030-01-01` equals `2030-01-01T00:00:00Z`. */
const sameDate: Equality = (a, b) => sameDay(day(a), day(b));
const day = (v: unknown) => (typeof v === "string" ? dayOf(v) : v);

/** The ids of a record with repeats dropped (first occurrence kept): `jobIds` is a set. */
function uniqueJobIds(record: InstaviewCandidate): InstaviewCandidate {
  const ids = record.jobIds as InstaviewCandidate["jobIds"] | null | undefined;
  return Array.isArray(ids) && new Set(ids).size !== ids.length
    ? { ...record, jobIds: [...new Set(ids)] }
    : record;
}

/**
 * `jobIds` replaces the assignments whole and its order means nothing (Update Candidate page: "replaces
 * existing assignments"): an unordered `replaceList` over the ids with repeats dropped, so a reorder or
 * a repeated id is no change and the body never carries a repeat.
 */
function jobIdsSet(): FieldRule<InstaviewCandidate, string[]> {
  const list = replaceList<InstaviewCandidate, "jobIds">("jobIds", { ordered: false });
  return {
    kind: "replace-set",
    // Lists equal as read are equal as sets: no copies for the pairs that keep them.
    diff: (before, after, ctx) =>
      deepEqual(before.jobIds, after.jobIds)
        ? UNCHANGED
        : list.diff(uniqueJobIds(before), uniqueJobIds(after), ctx),
    value: (record) => list.value!(uniqueJobIds(record)),
  };
}

/** Every key of every object in `value`, at all levels (arrays included). */
function keyCount(value: unknown): number {
  if (typeof value !== "object" || value === null) return 0;
  const children = Object.values(value);
  const own = Array.isArray(value) ? 0 : children.length;
  return children.reduce<number>((n, child) => n + keyCount(child), own);
}

/**
 * Paths of own `__proto__` keys in `value`. @patchwise/diff copies bodies with plain assignment, which
 * drops such a key (it sets the copy's prototype instead): metadata, replaced whole, would lose it.
 */
function protoKeys(value: unknown, path: string, out: string[] = []): string[] {
  if (typeof value !== "object" || value === null) return out;
  const list = Array.isArray(value);
  if (!list && Object.hasOwn(value, "__proto__")) out.push(`${path}.__proto__`);
  // Only objects and arrays are walked into: no path is built for a plain value.
  for (const k of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[k];
    if (typeof v === "object" && v !== null) protoKeys(v, list ? `${path}[${k}]` : `${path}.${k}`, out);
  }
  return out;
}

/**
 * Instaview's whole-value checks that the generated table cannot say: metadata's 50 keys over all
 * levels (the top level alone is the table's `maxProperties`, so it is reported once), and no
 * `__proto__` key in metadata that is sent (it would be lost on the way, see `protoKeys`).
 */
function checkCandidate(
  body: InstaviewCandidatePatch,
  _before: InstaviewCandidate,
  after: InstaviewCandidate,
): ValidationIssue[] {
  const { metadata } = body;
  if (metadata === undefined) return [];
  const lost = protoKeys(after.metadata, "metadata").map((path) =>
    issue(path, "unsupported-key", "cannot be sent: the key would be dropped from the body", undefined, null),
  );
  const keys = keyCount(metadata);
  if (keys <= METADATA_MAX_KEYS || Object.keys(metadata).length > METADATA_MAX_KEYS) return lost;
  const expected = `must have at most ${METADATA_MAX_KEYS} keys over all levels`;
  return [...lost, issue("metadata", "max-keys", expected, METADATA_MAX_KEYS, keys)];
}

/**
 * Instaview's patch rules, one per PATCH /candidates/{id} body field, over the GET candidate (read
 * shape), with the generated validation table and the checks it cannot express. Typed so that a body
 * field without a rule, or a rule for a field the spec lacks, does not compile. For advanced use:
 * `diff(candidateRules, before, after)` is `diffCandidate`.
 * @example
 * import { diff } from "@patchwise/diff";
 * const { body } = diff(candidateRules, before, { ...before, status: "REJECTED" }); // { status: "REJECTED" }
 * candidateRules.fields.jobIds.kind; // "replace-set"
 */
export const candidateRules: ResourceSpec<InstaviewCandidate, InstaviewCandidatePatch> = defineResource<
  InstaviewCandidate,
  InstaviewCandidatePatch
>({
  fields: {
    // Not nullable in the PATCH body: null in a desired record is a "not-nullable" issue.
    firstName: scalar("firstName"),
    lastName: scalar("lastName"),
    // GET may return null for these (never set), but PATCH cannot clear them.
    email: scalar("email"),
    phoneNumber: scalar("phoneNumber"),
    // Compared by day; an unchanged date is never sent again, so an unchanged past date never fails
    // the future-date check, while a changed one must be after today (checked by the table).
    gdprExpiryDate: scalar("gdprExpiryDate", { equals: sameDate, map: dayOf }),
    status: scalar("status"),
    jobIds: jobIdsSet(),
    // Replaced whole: deep equality with key order ignored; `{}` empties it (PATCH takes no null).
    metadata: replaceObject("metadata", { clear: {} }),
    // null clears the override and reverts to auto-detection from the name.
    gender: nullable("gender"),
    cvText: writeOnly("side effect: the server stores an anonymized copy, so GET never equals what was sent"),
  },
  // None: every Instaview PATCH field is written on its own.
  companions: [],
  schema: updateCandidateBody,
  check: checkCandidate,
});

/**
 * The smallest valid PATCH /candidates/{id} body that turns `before` into `after`, both candidates as
 * GET returns them. A key absent from `after` is left as it is; `null` clears `gender` (and empties
 * `metadata`). Throws `PatchValidationError` naming each field, rule and limit when `after` cannot be
 * written (a changed GDPR date that is not in the future, a name over 100 characters, ...);
 * `options.now` sets "today".
 * @example
 * const { body, noop, changed } = diffCandidate(before, { ...before, jobIds: [jobA, jobB], gender: null });
 * if (!noop) await instaview.PATCH("/candidates/{id}", { params: { path: { id: before.id } }, body });
 */
export function diffCandidate(
  before: InstaviewCandidate,
  after: InstaviewCandidate,
  options?: DiffOptions,
): DiffResult<InstaviewCandidatePatch> {
  return diff(candidateRules, before, after, options);
}
