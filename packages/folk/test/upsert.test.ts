/**
 * Upserts of Folk people without duplicates, under faults: the shared suite of @patchwise/test-utils,
 * with the primary email as the natural key. PATCHWISE_RUNS sets the cases (default 100).
 */
import { describeUpsert } from "@patchwise/test-utils";
import {
  createFolkClient,
  createFolkPeopleAdapter,
  type FolkPerson,
  type FolkPersonDesired,
  personKey,
} from "../src/index.ts";
import { createFolkSimulator, sampleFolkChanges, sampleFolkRecords } from "../src/testing.ts";

describeUpsert({
  noun: "person",
  keyName: "primary email",
  naturalKey: personKey,
  createPath: "/v1/people",
  // A person the simulator lacks: a sample without its id, under a primary email of its own.
  newRecord: ({ id: _id, ...person }: FolkPerson, n, seed): FolkPersonDesired => ({
    ...person,
    emails: [`upsert-${seed}-${n}@upsert.example`, ...person.emails],
  }),
  // Known by its primary email alone (a change of it would make it another person).
  byKey: ({ id: _id, ...changed }: FolkPersonDesired, known: FolkPerson) => ({
    ...changed,
    emails: known.emails,
  }),
  sampleRecords: sampleFolkRecords,
  sampleChanges: sampleFolkChanges,
  createSimulator: createFolkSimulator,
  createClient: createFolkClient,
  createAdapter: createFolkPeopleAdapter,
});
