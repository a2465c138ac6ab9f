/**
 * Creating Instaview candidates: the POST body from a desired candidate in the read shape, the natural
 * key (the email) and the look-up by it through the candidates search.
 */
import { unwrap } from "@patchwise/core";
import { issue, PatchValidationError, type ValidationIssue, validate } from "@patchwise/diff";
import { diffCandidate } from "./candidate-rules.ts";
import type { InstaviewClient } from "./client.ts";
import type { InstaviewCandidate, InstaviewCandidateCreate } from "./generated/schema.ts";
import { createCandidateBody as createTable } from "./generated/validation.ts";

/** A candidate as an empty create would leave it: what a create body is the difference from. */
const BLANK: InstaviewCandidate = {
  id: "",
  firstName: "",
  lastName: "",
  // Assumed (as the simulator): UNDEFINED is the enum's "not set", the status of a new candidate.
  status: "UNDEFINED",
  createdAt: "",
  updatedAt: "",
  jobIds: [],
  email: null,
  phoneNumber: null,
  gdprExpiryDate: "",
  metadata: {},
  gender: null,
};

/**
 * A candidate to create: the read shape with every key optional (`id` and the read-only keys are ignored).
 * @example const ada: InstaviewNewCandidate = { firstName: "Ada", lastName: "Lovelace", email: "ada@example.com", gdprExpiryDate: "2031-01-01" };
 */
export type InstaviewNewCandidate = Partial<InstaviewCandidate>;

/**
 * The `POST /candidates` body of a desired candidate in the read shape: its difference from an empty
 * candidate, with every rule of `diffCandidate` (`gdprExpiryDate` as a day, jobs as a set, `null` and
 * empty values left out). Create requires `firstName`, `lastName`, a future `gdprExpiryDate`, and an
 * email or a phone number. Throws `PatchValidationError` naming each field, rule and limit; `now` is
 * "today" for the future date (default the current time).
 * @example
 * createCandidateBody({ firstName: "Ada", lastName: "Lovelace", email: "ada@example.com", gdprExpiryDate: "2031-01-01" });
 * // { firstName: "Ada", lastName: "Lovelace", email: "ada@example.com", gdprExpiryDate: "2031-01-01" }
 */
export function createCandidateBody(
  record: InstaviewNewCandidate,
  now = new Date(),
): InstaviewCandidateCreate {
  const issues: ValidationIssue[] = [];
  let body: Record<string, unknown> = {};
  try {
    body = { ...diffCandidate(BLANK, { ...BLANK, ...withoutNulls(record) }, { now }).body };
  } catch (error) {
    if (!(error instanceof PatchValidationError)) throw error;
    issues.push(...error.issues);
  }
  // The diff's issues name the fields of a refused record; else the table checks what create requires.
  // Its anyOf "email or phoneNumber" would say only "one of 2 shapes": the fields are named instead.
  if (!issues.length) issues.push(...validate(createTable, body, { now }).filter((i) => i.rule !== "anyOf"));
  if (!record.email && !record.phoneNumber) {
    issues.push(issue("email", "required", "email or phoneNumber is required", undefined, null));
  }
  const seen = new Set<string>();
  const unique = issues.filter((i) => !seen.has(i.message) && !!seen.add(i.message));
  if (unique.length) {
    const error = new PatchValidationError(unique);
    error.message = `Invalid POST /candidates body:\n  ${unique.map((i) => i.message).join("\n  ")}`;
    throw error;
  }
  return body as InstaviewCandidateCreate;
}

/** The record without `null` values: an unset field of the read shape is not a value to create with. */
function withoutNulls(record: InstaviewNewCandidate): InstaviewNewCandidate {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== null)) as InstaviewNewCandidate;
}

const fold = (email: string) => email.trim().toLowerCase();

/**
 * The natural key of a candidate: its email, case-folded; undefined when it has none (a candidate
 * known by phone alone cannot be looked up, so it is never created by a sync).
 * @example candidateKey({ email: "Ada@Example.com" }); // "ada@example.com"
 */
export function candidateKey(record: Pick<InstaviewNewCandidate, "email">): string | undefined {
  return typeof record.email === "string" && record.email.trim() ? fold(record.email) : undefined;
}

/**
 * The candidates with the email of `record`, through `GET /candidates?email=` (exact, case-free
 * matches only: the search is assumed to ignore case, as the simulator does); `[]` when `record` has
 * no email. Throws on a non-2xx answer.
 * @example const [existing] = await findCandidatesByKey(instaview, { email: "ada@example.com" });
 */
export async function findCandidatesByKey(
  client: InstaviewClient,
  record: Pick<InstaviewNewCandidate, "email">,
  signal?: AbortSignal,
): Promise<InstaviewCandidate[]> {
  const key = candidateKey(record);
  if (key === undefined) return [];
  const found: InstaviewCandidate[] = [];
  for await (const candidate of client.iterate.candidates({ email: key })) {
    signal?.throwIfAborted();
    if (candidateKey(candidate) === key) found.push(candidate);
  }
  return found;
}

/**
 * Sends `POST /candidates` with `createCandidateBody(record)` (validated first) and returns the
 * candidate created, as GET returns it. Sent once, never retried: a lost answer is settled with
 * `findCandidatesByKey`.
 * @example const candidate = await createCandidate(instaview, { firstName: "Ada", lastName: "Lovelace", email: "ada@example.com", gdprExpiryDate: "2031-01-01" });
 */
export async function createCandidate(
  client: InstaviewClient,
  record: InstaviewNewCandidate,
  signal?: AbortSignal,
): Promise<InstaviewCandidate> {
  const body = createCandidateBody(record);
  return unwrap(client.POST("/candidates", { body, ...(signal && { signal }) }));
}
