/**
 * The three-way diff against the simulator: with an edit made on the simulator between the sync's read
 * and its write, PATCHing `diff3Person`'s body loses no change of either side but reported conflicts;
 * with no such edit, `diff3Person` is `diffPerson`. PATCHWISE_RUNS sets the cases per property (200).
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { concurrentEdit, noEdit, pick, type SimResource } from "../../diff/test/fixtures/three-way-sim.ts";
import {
  createStardexClient,
  diffPerson,
  PatchValidationError,
  type StardexPerson,
  unwrap,
} from "../src/index.ts";
import { createStardexSimulator } from "../src/testing.ts";
import { diff3Person, personMerge } from "../src/three-way.ts";
import { CUSTOM_FIELD_DEFINITIONS, contractPair, TEAM_MEMBERS } from "./arbitraries.ts";

const RUNS = Number(process.env.PATCHWISE_RUNS ?? 200);
const PARAMS = { numRuns: RUNS };
const TIMEOUT = 60_000 + RUNS * 50;
const KEY = "sk_test_three_way";
const NOW = new Date(Date.UTC(2026, 0, 15));

const sim = createStardexSimulator({
  apiKey: KEY,
  now: () => NOW,
  customFields: CUSTOM_FIELD_DEFINITIONS,
  teamMembers: TEAM_MEMBERS,
});
const client = createStardexClient({ apiKey: KEY, fetch: sim.fetch, retry: false, timeoutMs: 0 });
const params = (id: string) => ({ params: { path: { id } } });
const read = async (id: string) => (await unwrap(client.GET("/v1/persons/{id}", params(id)))).data;

const persons: SimResource<StardexPerson, StardexPerson> = {
  async seed(record) {
    sim.clearLog();
    sim.seed([record]);
    return read(record.id);
  },
  read,
  async patch(id, body) {
    return (await client.PATCH("/v1/persons/{id}", { ...params(id), body })).response.status === 200;
  },
  id: (record) => record.id,
  diff: (before, after) => diffPerson(before, after, { now: NOW }),
  diff3: (records) => diff3Person(records, { now: NOW }),
  spec: personMerge,
  now: NOW,
  invalid: (e) => e instanceof PatchValidationError,
};

/** The read keys the rules write (the other edit changes some of them). */
const WRITABLE = [
  ...new Set(Object.values(personMerge.merge).flatMap((m) => (m ? [m.key as keyof StardexPerson] : []))),
];

/** A base, the sync's desired record, and another edit of some writable keys (made by hand meanwhile). */
const three = fc
  .tuple(contractPair, contractPair, fc.subarray(WRITABLE, { minLength: 1 }))
  .map(([[base, desired], [, other], keys]) => [base, desired, pick(other, keys) as StardexPerson] as const);

describe("diff3Person against the simulator", () => {
  test.prop([three], PARAMS)(
    "an edit between read and write: no change of either side is lost but reported conflicts",
    async ([base, desired, theirs]) => {
      const lost = await concurrentEdit(persons, base, desired, theirs);
      if (lost !== "skipped") expect(lost).toEqual([]);
    },
    TIMEOUT,
  );

  test.prop([contractPair], PARAMS)(
    "no edit between read and write: diff3Person is diffPerson",
    async ([base, desired]) => {
      const [three, two] = await noEdit(persons, base, desired);
      expect(three).toBe(two);
    },
    TIMEOUT,
  );
});
