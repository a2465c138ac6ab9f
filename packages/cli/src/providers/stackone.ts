import {
  createStackOneCandidatesAdapter,
  createStackOneClient,
  diffCandidate,
  type StackOneCandidate,
  type StackOneCandidatePatch,
} from "@patchwise/stackone";
import type { StackOneSeedRecord } from "@patchwise/stackone/testing";
import { clientOptions, define } from "./index.ts";

/** StackOne candidates: every request names a linked account (`x-account-id`). */
export const stackone = define<StackOneCandidate, StackOneCandidatePatch, StackOneCandidate>({
  name: "stackone",
  title: "StackOne",
  record: "candidate",
  records: "candidates",
  envKey: "STACKONE_API_KEY",
  needsAccountId: true,
  diff: diffCandidate,
  adapter: (options) =>
    createStackOneCandidatesAdapter(
      createStackOneClient({ ...clientOptions(options), accountId: options.accountId ?? "" }),
    ),
  testing: async () => {
    const {
      createStackOneSimulator,
      STACKONE_ACCOUNT_ID,
      sampleStackOneChanges,
      sampleStackOneNewRecords,
      sampleStackOneRecords,
    } = await import("@patchwise/stackone/testing");
    return {
      // Sample and listed candidates all have ids, as a seed record must.
      simulator: (options) =>
        createStackOneSimulator({ ...options, records: options.records as readonly StackOneSeedRecord[] }),
      account: { accountId: STACKONE_ACCOUNT_ID },
      sampleRecords: (count, seed) => sampleStackOneRecords(count, { seed }),
      sampleChanges: (records, seed, changedRatio) => sampleStackOneChanges(records, { seed, changedRatio }),
      sampleNew: (count, seed) => sampleStackOneNewRecords(count, { seed }),
    };
  },
});
