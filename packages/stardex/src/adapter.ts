import { fullBodyOf, PatchwiseApiError, type ResourceAdapter, unwrap } from "@patchwise/core";
import type { StardexClient } from "./client.ts";
import { createPerson, findPersonsByKey, personKey, type StardexNewPerson } from "./create.ts";
import type { StardexPerson, StardexPersonPatch } from "./generated/schema.ts";
import { diffPerson, personRules } from "./person-rules.ts";
import { diff3Person } from "./three-way.ts";

/**
 * Stardex persons as `syncRecords` of `@patchwise/core` drives them: GET and PATCH `/v1/persons/{id}`,
 * a list through `POST /v1/persons/search` (100 a page), `diffPerson`, and the client's
 * `X-RateLimit-*` state for pacing. A desired person is the read shape with every key optional.
 * @example const adapter: StardexPersonsAdapter = createStardexPersonsAdapter(stardex);
 */
export type StardexPersonsAdapter = ResourceAdapter<StardexPerson, StardexPersonPatch, StardexNewPerson>;

const notFound = (e: unknown) => e instanceof PatchwiseApiError && e.status === 404;

/**
 * The adapter of Stardex persons for `syncRecords`: a desired person is synced by its `id`; a 404 reads
 * as no such person; `fullBody` is every writable field of a person (what a sync without a diff sends).
 * A person without an id (or whose id answers 404) is upserted by its natural key, the LinkedIn profile:
 * found through the persons search, or created with `createPersonBody`.
 * The search that lists persons is a POST, which the client never retries.
 * @example
 * import { syncRecords } from "@patchwise/core";
 * const stardex = createStardexClient({ apiKey: process.env.STARDEX_API_KEY ?? "" });
 * const report = await syncRecords(createStardexPersonsAdapter(stardex), desiredPersons, { concurrency: 2 });
 */
export function createStardexPersonsAdapter(client: StardexClient): StardexPersonsAdapter {
  return {
    resource: "stardex.persons",
    id: (record) => (typeof record.id === "string" ? record.id : undefined),
    async get(id, signal) {
      try {
        const params = { path: { id } };
        const { data } = await unwrap(client.GET("/v1/persons/{id}", { params, ...(signal && { signal }) }));
        return data;
      } catch (e) {
        if (notFound(e)) return undefined;
        throw e;
      }
    },
    async *list(signal) {
      for await (const person of client.iterate.persons()) {
        signal?.throwIfAborted();
        yield person;
      }
    },
    async patch(id, body, signal) {
      const params = { path: { id } };
      await unwrap(client.PATCH("/v1/persons/{id}", { params, body, ...(signal && { signal }) }));
    },
    // A desired person may lack keys (a new one has no id): diffPerson leaves an absent key as it is.
    diff: (before, after) => diffPerson(before, after as StardexPerson),
    diff3: ({ base, current, desired }, prefer) =>
      diff3Person({ base, current, desired: desired as StardexPerson }, { prefer }),
    fullBody: (record) => fullBodyOf(personRules.fields, record as StardexPerson),
    rateLimit: () => client.rateLimit,
    naturalKey: (record) => personKey(record),
    findByKey: (record, signal) => findPersonsByKey(client, record, signal),
    create: async (record, signal) => ({ id: await createPerson(client, record, signal) }),
  };
}
