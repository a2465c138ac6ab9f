import {
  createFolkClient,
  createFolkPeopleAdapter,
  diffPerson,
  type FolkPerson,
  type FolkPersonDesired,
  type FolkPersonPatch,
} from "@patchwise/folk";
import { clientOptions, define } from "./index.ts";

/** Folk people. */
export const folk = define<FolkPerson, FolkPersonPatch, FolkPersonDesired>({
  name: "folk",
  title: "Folk",
  record: "person",
  records: "people",
  envKey: "FOLK_API_KEY",
  needsAccountId: false,
  diff: diffPerson,
  adapter: (options) => createFolkPeopleAdapter(createFolkClient(clientOptions(options))),
  testing: async () => {
    const { createFolkSimulator, sampleFolkChanges, sampleFolkNewRecords, sampleFolkRecords } = await import(
      "@patchwise/folk/testing"
    );
    return {
      simulator: (options) => createFolkSimulator(options),
      account: {},
      sampleRecords: (count, seed) => sampleFolkRecords(count, { seed }),
      sampleChanges: (records, seed, changedRatio) => sampleFolkChanges(records, { seed, changedRatio }),
      sampleNew: (count, seed) => sampleFolkNewRecords(count, { seed }),
    };
  },
});
