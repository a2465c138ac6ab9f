/**
 * Upserts of Stardex persons without duplicates, under faults: the shared suite of
 * @patchwise/test-utils, with the LinkedIn profile as the natural key. PATCHWISE_RUNS sets the cases
 * (default 100).
 */
import { describeUpsert } from "@patchwise/test-utils";
import {
  createStardexClient,
  createStardexPersonsAdapter,
  personKey,
  type StardexPerson,
} from "../src/index.ts";
import { createStardexSimulator, sampleStardexChanges, sampleStardexRecords } from "../src/testing.ts";

describeUpsert({
  noun: "person",
  keyName: "LinkedIn profile",
  naturalKey: personKey,
  createPath: "/v1/persons",
  // A person the simulator lacks: a sample without its id, under a LinkedIn profile of its own.
  newRecord: ({ id: _id, ...person }: StardexPerson, n, seed) =>
    ({ ...person, linkedin_public_id: `upsert-${seed}-${n}` }) as StardexPerson,
  // Known by its LinkedIn profile alone (a change of the profile would make it another person).
  byKey: ({ id: _id, ...changed }: StardexPerson, known: StardexPerson) =>
    ({ ...changed, linkedin_public_id: known.linkedin_public_id }) as StardexPerson,
  sampleRecords: sampleStardexRecords,
  sampleChanges: sampleStardexChanges,
  createSimulator: createStardexSimulator,
  createClient: createStardexClient,
  createAdapter: createStardexPersonsAdapter,
});
