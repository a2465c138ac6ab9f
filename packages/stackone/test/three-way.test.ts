/**
 * The three-way diff against the simulator, the shared suite of @patchwise/test-utils: with an edit
 * made on the simulator between the sync's read and its write, PATCHing `diff3Candidate`'s body loses no
 * change of either side but reported conflicts; with no such edit, `diff3Candidate` is `diffCandidate`.
 * PATCHWISE_RUNS sets the cases per property (200).
 */
import { describeThreeWay, type SimResource } from "@patchwise/test-utils";
import {
  createStackOneClient,
  diffCandidate,
  PatchValidationError,
  type StackOneCandidate,
  unwrap,
} from "../src/index.ts";
import { createStackOneSimulator } from "../src/testing.ts";
import { candidateMerge, diff3Candidate } from "../src/three-way.ts";
import { CUSTOM_FIELD_IDS, contractPair, WRITABLE, withId } from "./arbitraries.ts";

const KEY = "sk_test_three_way";
const NOW = new Date("2026-01-15T09:00:00Z");
const URL_ONE = "/unified/ats/candidates/{id}";

const sim = createStackOneSimulator({
  apiKey: KEY,
  now: () => NOW,
  customFieldDefinitions: CUSTOM_FIELD_IDS.map((id) => ({ id })),
});
const client = createStackOneClient({
  apiKey: KEY,
  accountId: "acc_three_way",
  fetch: sim.fetch,
  retry: false,
});
const params = (id: string) => ({ params: { path: { id } } });
// Custom fields are read only when asked for.
const read = async (id: string) =>
  (await unwrap(client.GET(URL_ONE, { params: { path: { id }, query: { include: "custom_fields" } } }))).data;

const candidates: SimResource<StackOneCandidate, StackOneCandidate> = {
  async seed(record) {
    sim.clearLog();
    const stored = withId(record);
    sim.seed([stored]);
    return read(stored.id);
  },
  read,
  async patch(id, body) {
    return (await client.PATCH(URL_ONE, { ...params(id), body })).response.status === 200;
  },
  id: (record) => withId(record).id,
  diff: (before, after) => diffCandidate(before, after, { now: NOW }),
  diff3: (records) => diff3Candidate(records, { now: NOW }),
  spec: candidateMerge,
  now: NOW,
  invalid: (e) => e instanceof PatchValidationError,
};

describeThreeWay({
  diff3Name: "diff3Candidate",
  diffName: "diffCandidate",
  resource: candidates,
  pair: contractPair,
  writable: WRITABLE,
});
