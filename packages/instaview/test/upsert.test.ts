/**
 * Upserts of Instaview candidates without duplicates, under faults: the shared suite of
 * @patchwise/test-utils, with the email as the natural key. PATCHWISE_RUNS sets the cases (default 100).
 */
import { describeUpsert } from "@patchwise/test-utils";
import {
  candidateKey,
  createInstaviewCandidatesAdapter,
  createInstaviewClient,
  type InstaviewCandidate,
} from "../src/index.ts";
import { createInstaviewSimulator, sampleInstaviewChanges, sampleInstaviewRecords } from "../src/testing.ts";

describeUpsert({
  noun: "candidate",
  keyName: "email",
  naturalKey: candidateKey,
  createPath: "/candidates",
  // A candidate the simulator lacks: a sample without its id, under an email of its own, consent ahead.
  newRecord: ({ id: _id, ...candidate }: InstaviewCandidate, n, seed) =>
    ({
      ...candidate,
      email: `upsert-${seed}-${n}@upsert.example`,
      gdprExpiryDate: "2099-01-01",
    }) as InstaviewCandidate,
  // Known by its email alone (a change of it would make it another candidate).
  byKey: ({ id: _id, ...changed }: InstaviewCandidate, known: InstaviewCandidate) =>
    ({ ...changed, email: known.email ?? null }) as InstaviewCandidate,
  sampleRecords: sampleInstaviewRecords,
  sampleChanges: sampleInstaviewChanges,
  createSimulator: createInstaviewSimulator,
  createClient: createInstaviewClient,
  createAdapter: createInstaviewCandidatesAdapter,
});
