import { describeAdapter } from "@patchwise/test-utils";
import { createFolkClient, createFolkPeopleAdapter } from "../src/index.ts";
import { createFolkSimulator, sampleFolkChanges, sampleFolkRecords } from "../src/testing.ts";

describeAdapter({
  name: "createFolkPeopleAdapter",
  resource: "folk.people",
  noun: "person",
  sampleRecords: sampleFolkRecords,
  sampleChanges: sampleFolkChanges,
  createSimulator: createFolkSimulator,
  createClient: createFolkClient,
  createAdapter: createFolkPeopleAdapter,
  unknownId: "per_00000000-0000-4000-8000-000000000000",
  listPath: "/v1/people",
  fullBodyKeys: ["firstName", "emails", "groups", "customFieldValues"],
  pacing: { by: "headers", provider: "Folk" },
});
