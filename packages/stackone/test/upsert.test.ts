/**
 * Upserts of StackOne candidates without duplicates, under faults: the shared suite of
 * @patchwise/test-utils, with the email as the natural key. PATCHWISE_RUNS sets the cases (default 100).
 */
import { describeUpsert } from "@patchwise/test-utils";
import {
  candidateKey,
  createStackOneCandidatesAdapter,
  createStackOneClient,
  type StackOneCandidate,
} from "../src/index.ts";
import {
  createStackOneSimulator,
  STACKONE_ACCOUNT_ID,
  sampleStackOneChanges,
  sampleStackOneRecords,
} from "../src/testing.ts";

describeUpsert({
  noun: "candidate",
  keyName: "email",
  naturalKey: candidateKey,
  createPath: "/unified/ats/candidates",
  // A candidate the simulator lacks: a sample without its id, under an email of its own.
  newRecord: ({ id: _id, remote_id: _remote, ...candidate }, n, seed): StackOneCandidate => {
    const email = `upsert-${seed}-${n}@upsert.example`;
    return { ...candidate, email, emails: [{ type: "work", value: email }] };
  },
  // Known by its email alone (a change of it would make it another candidate).
  byKey: ({ id: _id, ...changed }, known) => ({
    ...changed,
    email: known.email ?? null,
    emails: known.emails ?? [],
  }),
  sampleRecords: sampleStackOneRecords,
  sampleChanges: sampleStackOneChanges,
  createSimulator: createStackOneSimulator,
  createClient: (options) => createStackOneClient({ ...options, accountId: STACKONE_ACCOUNT_ID }),
  createAdapter: createStackOneCandidatesAdapter,
});
