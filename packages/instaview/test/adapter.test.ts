import { describeAdapter } from "@patchwise/test-utils";
import { createInstaviewCandidatesAdapter, createInstaviewClient } from "../src/index.ts";
import { createInstaviewSimulator, sampleInstaviewChanges, sampleInstaviewRecords } from "../src/testing.ts";

describeAdapter({
  name: "createInstaviewCandidatesAdapter",
  resource: "instaview.candidates",
  noun: "candidate",
  sampleRecords: sampleInstaviewRecords,
  sampleChanges: sampleInstaviewChanges,
  createSimulator: createInstaviewSimulator,
  createClient: createInstaviewClient,
  createAdapter: createInstaviewCandidatesAdapter,
  unknownId: "00000000-0000-4000-8000-000000000000",
  listPath: "/candidates",
  fullBodyKeys: ["firstName", "email", "jobIds", "metadata"],
  pacing: { by: "headers", provider: "Instaview" },
});
