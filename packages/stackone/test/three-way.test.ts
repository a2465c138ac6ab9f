/**
 * The three-way diff against the simulator: with an edit made on the simulator between the sync's read
 * and its write, PATCHing `diff3Candidate`'s body loses no change of either side but reported
 * conflicts; with no such edit, `diff3Candidate` is `diffCandidate`. PATCHWISE_RUNS sets the cases per
 * property (200).
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { concurrentEdit, noEdit, pick, type SimResource } from "../../diff/test/fixtures/three-way-sim.ts";
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

const RUNS = Number(process.env.PATCHWISE_RUNS ?? 200);
const PARAMS = { numRuns: RUNS };
const TIMEOUT = 60_000 + RUNS * 50;
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

/** A base, the sync's desired record, and another edit of some writable keys (made by hand meanwhile). */
const three = fc
  .tuple(contractPair, contractPair, fc.subarray([...WRITABLE], { minLength: 1 }))
  .map(([[base, desired], [, other], keys]) => [base, desired, pick(other, keys)] as const);

describe("diff3Candidate against the simulator", () => {
  test.prop([three], PARAMS)(
    "an edit between read and write: no change of either side is lost but reported conflicts",
    async ([base, desired, theirs]) => {
      const lost = await concurrentEdit(candidates, base, desired, theirs);
      if (lost !== "skipped") expect(lost).toEqual([]);
    },
    TIMEOUT,
  );

  test.prop([contractPair], PARAMS)(
    "no edit between read and write: diff3Candidate is diffCandidate",
    async ([base, desired]) => {
      const [three, two] = await noEdit(candidates, base, desired);
      expect(three).toBe(two);
    },
    TIMEOUT,
  );
});
