/**
 * Creating StackOne candidates: the POST body from a desired candidate in the read shape, the natural
 * key (the email) and the look-up by it through `filter[email]`.
 */
import { unwrap } from "@patchwise/core";
import { PatchValidationError, type ValidationIssue, validate } from "@patchwise/diff";
import { diffCandidate } from "./candidate-rules.ts";
import type { StackOneClient } from "./client.ts";
import type { StackOneCandidate, StackOneCandidateCreate } from "./generated/schema.ts";
import { createCandidateBody as createTable } from "./generated/validation.ts";

/** A candidate as an empty create leaves it: what a create body is the difference from. */
const BLANK: StackOneCandidate = {
  name: null,
  first_name: null,
  last_name: null,
  email: null,
  emails: [],
  social_links: [],
  phone_numbers: [],
  company: null,
  title: null,
  country: null,
  application_ids: [],
  hired_at: null,
  custom_fields: [],
  unified_custom_fields: null,
};

/** Custom field values are only in a candidate read with this (as the adapter reads them). */
const INCLUDE = "custom_fields";

function createError(issues: ValidationIssue[], cause?: unknown): PatchValidationError {
  const error = new PatchValidationError(issues, cause === undefined ? undefined : { cause });
  const lines = issues.map((i) => i.message).join("\n  ");
  error.message = `Invalid POST /unified/ats/candidates body:\n  ${lines}`;
  return error;
}

/**
 * The `POST /unified/ats/candidates` body of a desired candidate in the read shape: its difference
 * from an empty candidate, with every rule of `diffCandidate` (`null` and empty lists are left out),
 * less what create does not take: `emails` (create takes one `email`, the candidate's `email` or else
 * its first address) and `application_ids`. The sync runner sends those in a PATCH after the create.
 * Throws `PatchValidationError` naming each field, rule and limit.
 * @example
 * createCandidateBody({ first_name: "Ada", emails: [{ type: "work", value: "ada@example.com" }] });
 * // { first_name: "Ada", email: "ada@example.com" }
 */
export function createCandidateBody(record: StackOneCandidate): StackOneCandidateCreate {
  let patch: ReturnType<typeof diffCandidate>["body"];
  try {
    patch = diffCandidate(BLANK, record).body;
  } catch (error) {
    if (error instanceof PatchValidationError) throw createError(error.issues, error);
    throw error;
  }
  const { emails: _emails, application_ids: _applications, ...rest } = patch;
  const body: StackOneCandidateCreate = rest;
  const email = record.email ?? record.emails?.find((e) => typeof e?.value === "string" && e.value)?.value;
  if (typeof email === "string" && email !== "") body.email = email;
  const issues = validate(createTable, body);
  if (issues.length) throw createError(issues);
  return body;
}

const fold = (email: string) => email.trim().toLowerCase();

/**
 * The natural key of a candidate: its `email`, else its first address in `emails`, case-folded;
 * undefined when it has none.
 * @example candidateKey({ emails: [{ type: "work", value: "Ada@Example.com" }] }); // "ada@example.com"
 */
export function candidateKey(record: Pick<StackOneCandidate, "email" | "emails">): string | undefined {
  const email =
    typeof record.email === "string" && record.email.trim()
      ? record.email
      : record.emails?.find((e) => typeof e?.value === "string" && e.value.trim())?.value;
  return typeof email === "string" ? fold(email) : undefined;
}

/**
 * The candidates with the email of `record`, as `email` or among `emails`, through
 * `GET /unified/ats/candidates` with `filter[email]` and custom fields included (exact, case-free
 * matches only); `[]` when `record` has no email. Throws on a non-2xx answer.
 * @example const [existing] = await findCandidatesByKey(stackone, { email: "ada@example.com" });
 */
export async function findCandidatesByKey(
  client: StackOneClient,
  record: Pick<StackOneCandidate, "email" | "emails">,
  signal?: AbortSignal,
): Promise<StackOneCandidate[]> {
  const key = candidateKey(record);
  if (key === undefined) return [];
  const found: StackOneCandidate[] = [];
  const query = { filter: { email: key }, include: INCLUDE } as const;
  for await (const candidate of client.iterate.candidates(query)) {
    signal?.throwIfAborted();
    const emails = [candidate.email, ...(candidate.emails ?? []).map((e) => e?.value)];
    if (emails.some((e) => typeof e === "string" && fold(e) === key)) found.push(candidate);
  }
  return found;
}

/**
 * Sends `POST /unified/ats/candidates` with `createCandidateBody(record)` (validated first) and
 * returns the new candidate's id (StackOne answers ids only). Sent once, never retried: a lost answer
 * is settled with `findCandidatesByKey`.
 * @example const id = await createCandidate(stackone, { first_name: "Ada", email: "ada@example.com" });
 */
export async function createCandidate(
  client: StackOneClient,
  record: StackOneCandidate,
  signal?: AbortSignal,
): Promise<string> {
  const body = createCandidateBody(record);
  const { data } = await unwrap(client.POST("/unified/ats/candidates", { body, ...(signal && { signal }) }));
  if (typeof data.id !== "string") {
    throw new TypeError("POST /unified/ats/candidates: the answer names no candidate id (data.id)");
  }
  return data.id;
}
