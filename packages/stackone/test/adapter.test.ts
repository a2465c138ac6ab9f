import { describeAdapter } from "@patchwise/test-utils";
import { createStackOneCandidatesAdapter, createStackOneClient } from "../src/index.ts";
import {
  createStackOneSimulator,
  STACKONE_ACCOUNT_ID,
  sampleStackOneChanges,
  sampleStackOneRecords,
} from "../src/testing.ts";

describeAdapter({
  name: "createStackOneCandidatesAdapter",
  resource: "stackone.candidates",
  noun: "candidate",
  sampleRecords: sampleStackOneRecords,
  sampleChanges: sampleStackOneChanges,
  createSimulator: createStackOneSimulator,
  createClient: (options) => createStackOneClient({ ...options, accountId: STACKONE_ACCOUNT_ID }),
  createAdapter: createStackOneCandidatesAdapter,
  unknownId: "no-such-candidate",
  listPath: "/unified/ats/candidates",
  // Custom fields come only when asked for, on a get as on a list.
  getQuery: { include: "custom_fields" },
  fullBodyKeys: ["first_name", "emails", "phone_numbers", "custom_fields"],
  // StackOne sends no rate-limit headers.
  pacing: { by: "none" },
});
