import {
  createInstaviewCandidatesAdapter,
  createInstaviewClient,
  diffCandidate,
  type InstaviewCandidate,
  type InstaviewCandidatePatch,
} from "@patchwise/instaview";
import { clientOptions, define } from "./index.ts";

/** Instaview candidates: a multi-company key names its company with `companyId`. */
export const instaview = define<InstaviewCandidate, InstaviewCandidatePatch, InstaviewCandidate>({
  name: "instaview",
  title: "Instaview",
  record: "candidate",
  records: "candidates",
  envKey: "INSTAVIEW_API_KEY",
  needsAccountId: false,
  diff: diffCandidate,
  adapter: ({ companyId, ...options }) =>
    createInstaviewCandidatesAdapter(
      createInstaviewClient({ ...clientOptions(options), ...(companyId !== undefined && { companyId }) }),
    ),
  testing: async () => {
    const {
      createInstaviewSimulator,
      sampleInstaviewChanges,
      sampleInstaviewNewRecords,
      sampleInstaviewRecords,
    } = await import("@patchwise/instaview/testing");
    return {
      simulator: (options) => createInstaviewSimulator(options),
      account: {},
      sampleRecords: (count, seed) => sampleInstaviewRecords(count, { seed }),
      sampleChanges: (records, seed, changedRatio) => sampleInstaviewChanges(records, { seed, changedRatio }),
      // Without ids (new records), which the CLI's erased types hold as records all the same.
      sampleNew: (count, seed) => sampleInstaviewNewRecords(count, { seed }) as InstaviewCandidate[],
    };
  },
});
