/**
 * Creating Stardex persons: the POST body from a desired person in the read shape, the natural key
 * (the LinkedIn profile, which Stardex de-duplicates persons by) and the look-up by it.
 */
import { unwrap } from "@patchwise/core";
import { issue, PatchValidationError, type ValidationIssue, validate } from "@patchwise/diff";
import type { StardexClient } from "./client.ts";
import type { StardexContactValue, StardexPerson, StardexPersonCreate } from "./generated/schema.ts";
import { createPersonBody as createTable } from "./generated/validation.ts";
import { LINKEDIN_PROFILE_URL } from "./person-rules.ts";

/**
 * A person to create: the read shape with every key optional (`id` and the read-only keys are ignored).
 * @example const sam: StardexNewPerson = { name: "Sam Placeholder", linkedin_public_id: "sam-placeholder" };
 */
export type StardexNewPerson = Partial<StardexPerson>;

/** A public id is one URL path segment that reads back as itself (as the PATCH rules require). */
const PUBLIC_ID = /^[^/?#\s%\\]+$/;

const nonEmpty = (v: string | null | undefined): v is string => typeof v === "string" && v !== "";

/** The first entry of a label and the rest, in order: `work_email` and the plain `emails` of create. */
function split(list: readonly StardexContactValue[] | null | undefined, labels: readonly string[]) {
  const typed = new Map<string, string>();
  const rest: string[] = [];
  for (const { contact_data_type, value } of list ?? []) {
    if (!nonEmpty(value)) continue;
    const label = contact_data_type ?? "";
    if (labels.includes(label) && !typed.has(label)) typed.set(label, value);
    else rest.push(value);
  }
  return { typed, rest };
}

/**
 * The `POST /v1/persons` body of a desired person in the read shape: `name`, the names, job title,
 * company and location as they are, `linkedin_url` from `linkedin_public_id`, and the contact lists as
 * create takes them (plain strings; the first `work` and `personal` email and the first `mobile` and
 * `work` phone as the typed values, the rest in `emails` / `phone_numbers`). `null` is left out. What
 * create cannot carry (headline, address, custom fields, other labels) is for a PATCH after it: the
 * sync runner sends one. Throws `PatchValidationError` naming each field, rule and limit.
 * @example
 * createPersonBody({ name: "Sam Placeholder", linkedin_public_id: "sam-placeholder", emails: [{ contact_data_type: "work", value: "sam@widgets.example" }] });
 * // { name: "Sam Placeholder", linkedin_url: "https://www.linkedin.com/in/sam-placeholder", work_email: "sam@widgets.example" }
 */
export function createPersonBody(record: StardexNewPerson): StardexPersonCreate {
  const body: Record<string, unknown> = {};
  const set = (key: keyof StardexPersonCreate, value: unknown) => {
    if (value !== undefined && value !== null) body[key] = value;
  };
  set("name", record.name);
  const publicId = record.linkedin_public_id;
  if (nonEmpty(publicId)) set("linkedin_url", `${LINKEDIN_PROFILE_URL}${publicId}`);
  set("first_name", record.first_name);
  set("last_name", record.last_name);
  set("current_job_title", record.current_job_title);
  set("company_name", record.current_company_name);
  set("linkedin_location", record.linkedin_location);
  const emails = split(record.emails, ["work", "personal"]);
  set("work_email", emails.typed.get("work"));
  set("personal_email", emails.typed.get("personal"));
  if (emails.rest.length) set("emails", emails.rest);
  const phones = split(record.phones, ["mobile", "work"]);
  set("mobile_phone", phones.typed.get("mobile"));
  set("work_phone", phones.typed.get("work"));
  if (phones.rest.length) set("phone_numbers", phones.rest);

  // The table's "linkedin_url is required" says less than the issue below, which names the read field.
  const issues = validate(createTable, body).filter(
    (i) => i.path !== "linkedin_url" || i.rule !== "required",
  );
  if (!nonEmpty(publicId)) {
    const why = "is required: Stardex de-duplicates persons by it (from linkedin_public_id)";
    issues.push(
      issue("linkedin_url", "required", why, "linkedin_public_id", JSON.stringify(publicId ?? null)),
    );
  } else if (!PUBLIC_ID.test(publicId) || publicId === "." || publicId === "..") {
    const expected = `must be ${LINKEDIN_PROFILE_URL}<public id>, from a linkedin_public_id that reads back as itself (no "/", "?", "#", "%", "\\", spaces, "." or "..")`;
    issues.push(issue("linkedin_url", "pattern", expected, PUBLIC_ID.source, JSON.stringify(publicId)));
  }
  if (issues.length) throw createError("POST /v1/persons", issues);
  return body as StardexPersonCreate;
}

/** A `PatchValidationError` whose message names the create it refuses. */
function createError(operation: string, issues: ValidationIssue[]): PatchValidationError {
  const error = new PatchValidationError(issues);
  error.message = `Invalid ${operation} body:\n  ${issues.map((i) => i.message).join("\n  ")}`;
  return error;
}

/**
 * The natural key of a person: its LinkedIn public id, case-folded (profile URLs are case-insensitive);
 * undefined when it has none.
 * @example personKey({ linkedin_public_id: "Sam-Placeholder" }); // "sam-placeholder"
 */
export function personKey(record: Pick<StardexNewPerson, "linkedin_public_id">): string | undefined {
  const publicId = record.linkedin_public_id?.trim();
  return publicId ? publicId.toLowerCase() : undefined;
}

/**
 * The persons with the LinkedIn profile of `record`, through `POST /v1/persons/search` with
 * `linkedin_url` (exact matches only); `[]` when `record` has no public id. Throws on a non-2xx answer.
 * @example const [existing] = await findPersonsByKey(stardex, { linkedin_public_id: "sam-placeholder" });
 */
export async function findPersonsByKey(
  client: StardexClient,
  record: Pick<StardexNewPerson, "linkedin_public_id">,
  signal?: AbortSignal,
): Promise<StardexPerson[]> {
  const key = personKey(record);
  if (key === undefined) return [];
  const found: StardexPerson[] = [];
  for await (const person of client.iterate.persons({ linkedin_url: `${LINKEDIN_PROFILE_URL}${key}` })) {
    signal?.throwIfAborted();
    if (personKey(person) === key) found.push(person);
  }
  return found;
}

/**
 * Sends `POST /v1/persons` with `createPersonBody(record)` (validated first) and returns the new
 * person's id. Sent once, never retried: a lost answer is settled with `findPersonsByKey`.
 * @example const id = await createPerson(stardex, { name: "Sam Placeholder", linkedin_public_id: "sam-placeholder" });
 */
export async function createPerson(
  client: StardexClient,
  record: StardexNewPerson,
  signal?: AbortSignal,
): Promise<string> {
  const body = createPersonBody(record);
  const { data } = await unwrap(client.POST("/v1/persons", { body, ...(signal && { signal }) }));
  return data.id;
}
