import { fullBodyOf, PatchwiseApiError, type ResourceAdapter, unwrap } from "@patchwise/core";
import { candidateRules, diffCandidate } from "./candidate-rules.ts";
import type { InstaviewClient } from "./client.ts";
import { candidateKey, createCandidate, findCandidatesByKey, type InstaviewNewCandidate } from "./create.ts";
import type { InstaviewCandidate, InstaviewCandidatePatch } from "./generated/schema.ts";
import { diff3Candidate } from "./three-way.ts";

/**
 * Instaview candidates as `syncRecords` of `@patchwise/core` drives them: GET, list (100 a page) and
 * PATCH `/candidates`, `diffCandidate`, and the client's `X-RateLimit-*-Minute` / `-Hour` state (the
 * tighter window) for pacing. A desired candidate is the read shape with every key optional.
 * @example const adapter: InstaviewCandidatesAdapter = createInstaviewCandidatesAdapter(instaview);
 */
export type InstaviewCandidatesAdapter = ResourceAdapter<
  InstaviewCandidate,
  InstaviewCandidatePatch,
  InstaviewNewCandidate
>;

const notFound = (e: unknown) => e instanceof PatchwiseApiError && e.status === 404;

/**
 * The adapter of Instaview candidates for `syncRecords`: a desired candidate is synced by its `id`; a
 * 404 (also a deleted candidate) reads as no such candidate; `fullBody` is every writable field of a
 * candidate (what a sync without a diff sends). The client's `companyId` applies to every call. A
 * candidate without an id (or whose id answers 404) is upserted by its natural key, the email: found
 * through the candidates search, or created with `createCandidateBody`.
 * @example
 * import { syncRecords } from "@patchwise/core";
 * const instaview = createInstaviewClient({ apiKey: process.env.INSTAVIEW_API_KEY ?? "" });
 * const report = await syncRecords(createInstaviewCandidatesAdapter(instaview), desired, { concurrency: 2 });
 */
export function createInstaviewCandidatesAdapter(client: InstaviewClient): InstaviewCandidatesAdapter {
  return {
    resource: "instaview.candidates",
    id: (record) => (typeof record.id === "string" ? record.id : undefined),
    async get(id, signal) {
      try {
        const params = { path: { id } };
        return await unwrap(client.GET("/candidates/{id}", { params, ...(signal && { signal }) }));
      } catch (e) {
        if (notFound(e)) return undefined;
        throw e;
      }
    },
    async *list(signal) {
      for await (const candidate of client.iterate.candidates()) {
        signal?.throwIfAborted();
        yield candidate;
      }
    },
    async patch(id, body, signal) {
      const params = { path: { id } };
      await unwrap(client.PATCH("/candidates/{id}", { params, body, ...(signal && { signal }) }));
    },
    // A desired candidate may lack keys (a new one has no id): diffCandidate leaves an absent key as it is.
    diff: (before, after) => diffCandidate(before, after as InstaviewCandidate),
    diff3: ({ base, current, desired }, prefer) =>
      diff3Candidate({ base, current, desired: desired as InstaviewCandidate }, { prefer }),
    fullBody: (record) => fullBodyOf(candidateRules.fields, record as InstaviewCandidate),
    rateLimit: () => client.rateLimit,
    naturalKey: (record) => candidateKey(record),
    findByKey: (record, signal) => findCandidatesByKey(client, record, signal),
    async create(record, signal) {
      const candidate = await createCandidate(client, record, signal);
      return { id: candidate.id, record: candidate };
    },
  };
}
