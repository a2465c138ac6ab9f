import { describeAdapter } from "@patchwise/test-utils";
import { createStardexClient, createStardexPersonsAdapter } from "../src/index.ts";
import { createStardexSimulator, sampleStardexChanges, sampleStardexRecords } from "../src/testing.ts";

describeAdapter({
  name: "createStardexPersonsAdapter",
  resource: "stardex.persons",
  noun: "person",
  sampleRecords: sampleStardexRecords,
  sampleChanges: sampleStardexChanges,
  createSimulator: createStardexSimulator,
  createClient: createStardexClient,
  createAdapter: createStardexPersonsAdapter,
  unknownId: "00000000-0000-4000-8000-000000000000",
  listPath: "/v1/persons/search",
  fullBodyKeys: ["name", "emails", "phone_numbers", "custom_fields"],
  pacing: { by: "headers", provider: "Stardex" },
});
