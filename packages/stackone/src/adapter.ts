import { fullBodyOf, PatchwiseApiError, type ResourceAdapter, unwrap } from "@patchwise/core";
import { candidateRules, diffCandidate } from "./candidate-rules.ts";
import type { StackOneClient } from "./client.ts";
import { candidateKey, createCandidate, findCandidatesByKey } from "./create.ts";
import type { StackOneCandidate, StackOneCandidatePatch } from "./generated/schema.ts";
import { diff3Candidate } from "./three-way.ts";

/**
 * StackOne candidates as `syncRecords` of `@patchwise/core` drives them: GET, list (100 a page) and
 * PATCH `/unified/ats/candidates`, always with `include=custom_fields`, and `diffCandidate`. StackOne
 * sends no rate-limit headers: `rateLimit()` stays undefined and the client's retries honour
 * `Retry-After` on a 429.
 * @example const adapter: StackOneCandidatesAdapter = createStackOneCandidatesAdapter(stackone);
 */
export type StackOneCandidatesAdapter = ResourceAdapter<StackOneCandidate, StackOneCandidatePatch>;

const notFound = (e: unknown) => e instanceof PatchwiseApiError && e.status === 404;

/** Custom field values are only in a candidate read with this; without them a diff would resend them all. */
const INCLUDE = "custom_fields";

/**
 * The adapter of StackOne candidates for `syncRecords`: a desired candidate is synced by its `id`; a
 * 404 reads as no such candidate; `fullBody` is every writable field of a candidate (what a sync
 * without a diff sends). The client's `accountId` names the linked account of every call. A candidate
 * without an id (or whose id answers 404) is upserted by its natural key, the email: found through
 * `filter[email]`, or created with `createCandidateBody`.
 * @example
 * import { syncRecords } from "@patchwise/core";
 * const stackone = createStackOneClient({ apiKey: process.env.STACKONE_API_KEY ?? "", accountId });
 * const report = await syncRecords(createStackOneCandidatesAdapter(stackone), desired, { concurrency: 4 });
 */
export function createStackOneCandidatesAdapter(client: StackOneClient): StackOneCandidatesAdapter {
  return {
    resource: "stackone.candidates",
    id: (record) => (typeof record.id === "string" ? record.id : undefined),
    async get(id, signal) {
      try {
        const params = { path: { id }, query: { include: INCLUDE } };
        const { data } = await unwrap(
          client.GET("/unified/ats/candidates/{id}", { params, ...(signal && { signal }) }),
        );
        return data;
      } catch (e) {
        if (notFound(e)) return undefined;
        throw e;
      }
    },
    async *list(signal) {
      for await (const candidate of client.iterate.candidates({ include: INCLUDE })) {
        signal?.throwIfAborted();
        yield candidate;
      }
    },
    async patch(id, body, signal) {
      const params = { path: { id } };
      await unwrap(client.PATCH("/unified/ats/candidates/{id}", { params, body, ...(signal && { signal }) }));
    },
    diff: (before, after) => diffCandidate(before, after),
    diff3: ({ base, current, desired }, prefer) => diff3Candidate({ base, current, desired }, { prefer }),
    fullBody: (record) => fullBodyOf(candidateRules.fields, record),
    rateLimit: () => client.rateLimit,
    naturalKey: (record) => candidateKey(record),
    findByKey: (record, signal) => findCandidatesByKey(client, record, signal),
    create: async (record, signal) => ({ id: await createCandidate(client, record, signal) }),
  };
}
