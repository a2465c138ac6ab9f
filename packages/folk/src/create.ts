/**
 * Creating Folk people: the POST body from a desired person in the read shape, the natural key (the
 * primary email) and the look-up by it through the people list filter.
 */
import { unwrap } from "@patchwise/core";
import { PatchValidationError } from "@patchwise/diff";
import type { FolkClient } from "./client.ts";
import type { FolkPerson, FolkPersonCreate } from "./generated/schema.ts";
import { diffPerson, type FolkPersonDesired } from "./person-rules.ts";

/**
 * A person as Folk creates it from an empty body: what a create body is the difference from. Assumed
 * from "same body fields as PATCH, none required": every field starts empty.
 */
const BLANK: FolkPerson = {
  id: "",
  firstName: "",
  lastName: "",
  fullName: "",
  description: "",
  birthday: null,
  jobTitle: "",
  createdAt: "",
  createdBy: { id: "", fullName: "", email: "" },
  groups: [],
  companies: [],
  addresses: [],
  emails: [],
  phones: [],
  urls: [],
  customFieldValues: {},
  interactionMetadata: {
    user: { approximateCount: 0, lastInteractedAt: null },
    workspace: { approximateCount: 0, lastInteractedAt: null, lastInteractedBy: [] },
  },
  strongestConnection: {},
};

/**
 * The `POST /v1/people` body of a desired person (`FolkPersonDesired`, the read shape): create takes
 * the PATCH fields, so the body is the person's difference from an empty one, with every rule of
 * `diffPerson` (companies by id or name, custom values with their groups, lists in order, `null` left
 * out). Throws `PatchValidationError` naming each field, rule and limit.
 * @example
 * createPersonBody({ firstName: "Ada", lastName: "Lovelace", emails: ["ada@example.com"] });
 * // { firstName: "Ada", lastName: "Lovelace", emails: ["ada@example.com"] }
 */
export function createPersonBody(record: FolkPersonDesired): FolkPersonCreate {
  try {
    return diffPerson(BLANK, record).body;
  } catch (error) {
    if (!(error instanceof PatchValidationError)) throw error;
    const lines = error.issues.map((i) => i.message).join("\n  ");
    error.message = `Invalid POST /v1/people body:\n  ${lines}`;
    throw error;
  }
}

const fold = (email: string) => email.trim().toLowerCase();

/**
 * The natural key of a person: its primary (first) email, case-folded; undefined when it has none.
 * @example personKey({ emails: ["Ada@Example.com", "ada@work.example"] }); // "ada@example.com"
 */
export function personKey(record: Pick<FolkPersonDesired, "emails">): string | undefined {
  const first = record.emails?.find((e) => typeof e === "string" && e.trim() !== "");
  return first === undefined ? undefined : fold(first);
}

/**
 * The people who have the primary email of `record` among their emails, through `GET /v1/people`
 * with `filter[emails][eq]` (exact, case-free matches only); `[]` when `record` has no email. Throws on
 * a non-2xx answer.
 * @example const [existing] = await findPeopleByKey(folk, { emails: ["ada@example.com"] });
 */
export async function findPeopleByKey(
  client: FolkClient,
  record: Pick<FolkPersonDesired, "emails">,
  signal?: AbortSignal,
): Promise<FolkPerson[]> {
  const key = personKey(record);
  if (key === undefined) return [];
  const found: FolkPerson[] = [];
  for await (const person of client.iterate.people({ limit: 100, filter: { emails: { eq: key } } })) {
    signal?.throwIfAborted();
    if (person.emails.some((e) => fold(e) === key)) found.push(person);
  }
  return found;
}

/**
 * Sends `POST /v1/people` with `createPersonBody(record)` (validated first) and returns the person
 * created, as GET returns it. Sent once, never retried: a lost answer is settled with `findPeopleByKey`.
 * @example const person = await createPerson(folk, { firstName: "Ada", emails: ["ada@example.com"] });
 */
export async function createPerson(
  client: FolkClient,
  record: FolkPersonDesired,
  signal?: AbortSignal,
): Promise<FolkPerson> {
  const body = createPersonBody(record);
  const { data } = await unwrap(client.POST("/v1/people", { body, ...(signal && { signal }) }));
  return data;
}
