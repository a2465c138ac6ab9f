import {
  createStardexClient,
  createStardexPersonsAdapter,
  diffPerson,
  type StardexPerson,
  type StardexPersonPatch,
} from "@patchwise/stardex";
import { clientOptions, define } from "./index.ts";

/** Stardex persons. */
export const stardex = define<StardexPerson, StardexPersonPatch, StardexPerson>({
  name: "stardex",
  title: "Stardex",
  record: "person",
  records: "persons",
  envKey: "STARDEX_API_KEY",
  needsAccountId: false,
  diff: diffPerson,
  adapter: (options) => createStardexPersonsAdapter(createStardexClient(clientOptions(options))),
  testing: async () => {
    const { createStardexSimulator, sampleStardexChanges, sampleStardexNewRecords, sampleStardexRecords } =
      await import("@patchwise/stardex/testing");
    return {
      simulator: (options) => createStardexSimulator(options),
      account: {},
      sampleRecords: (count, seed) => sampleStardexRecords(count, { seed }),
      sampleChanges: (records, seed, changedRatio) => sampleStardexChanges(records, { seed, changedRatio }),
      // Without ids (new records), which the CLI's erased types hold as records all the same.
      sampleNew: (count, seed) => sampleStardexNewRecords(count, { seed }) as StardexPerson[],
    };
  },
});
