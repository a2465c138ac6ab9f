import { fullBodyOf, PatchwiseApiError, type ResourceAdapter, unwrap } from "@patchwise/core";
import type { FolkClient } from "./client.ts";
import { createPerson, findPeopleByKey, personKey } from "./create.ts";
import type { FolkPerson, FolkPersonPatch } from "./generated/schema.ts";
import { diffPerson, type FolkPersonDesired, personRules } from "./person-rules.ts";
import { diff3Person } from "./three-way.ts";

/**
 * Folk people as `syncRecords` of `@patchwise/core` drives them: GET, list (100 a page) and PATCH
 * `/v1/people`, `diffPerson`, and the client's `X-RateLimit-*` state for pacing.
 * @example const adapter: FolkPeopleAdapter = createFolkPeopleAdapter(folk);
 */
export type FolkPeopleAdapter = ResourceAdapter<FolkPerson, FolkPersonPatch, FolkPersonDesired>;

const notFound = (e: unknown) => e instanceof PatchwiseApiError && e.status === 404;

/**
 * The adapter of Folk people for `syncRecords`: a desired person is synced by its `id`; a 404 reads as
 * no such person; `fullBody` is every writable field of a person (what a sync without a diff sends).
 * A person without an id (or whose id answers 404) is upserted by its natural key, the primary email:
 * found through the people list filter, or created with `createPersonBody`.
 * @example
 * import { syncRecords } from "@patchwise/core";
 * const folk = createFolkClient({ apiKey: process.env.FOLK_API_KEY ?? "" });
 * const report = await syncRecords(createFolkPeopleAdapter(folk), desiredPeople, { concurrency: 4 });
 */
export function createFolkPeopleAdapter(client: FolkClient): FolkPeopleAdapter {
  return {
    resource: "folk.people",
    id: (record) => (typeof record.id === "string" ? record.id : undefined),
    async get(personId, signal) {
      const params = { path: { personId } };
      try {
        const { data } = await unwrap(
          client.GET("/v1/people/{personId}", { params, ...(signal && { signal }) }),
        );
        return data;
      } catch (e) {
        if (notFound(e)) return undefined;
        throw e;
      }
    },
    async *list(signal) {
      for await (const person of client.iterate.people({ limit: 100 })) {
        signal?.throwIfAborted();
        yield person;
      }
    },
    async patch(personId, body, signal) {
      const params = { path: { personId } };
      await unwrap(client.PATCH("/v1/people/{personId}", { params, body, ...(signal && { signal }) }));
    },
    diff: (before, after) => diffPerson(before, after),
    diff3: ({ base, current, desired }, prefer) => diff3Person({ base, current, desired }, { prefer }),
    fullBody: (record) => fullBodyOf(personRules.fields, record),
    rateLimit: () => client.rateLimit,
    naturalKey: (record) => personKey(record),
    findByKey: (record, signal) => findPeopleByKey(client, record, signal),
    async create(record, signal) {
      const person = await createPerson(client, record, signal);
      return { id: person.id, record: person };
    },
  };
}
