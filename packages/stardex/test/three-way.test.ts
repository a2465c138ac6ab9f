/**
 * The three-way diff against the simulator, the shared suite of @patchwise/test-utils: with an edit
 * made on the simulator between the sync's read and its write, PATCHing `diff3Person`'s body loses no
 * change of either side but reported conflicts; with no such edit, `diff3Person` is `diffPerson`.
 * PATCHWISE_RUNS sets the cases per property (200).
 */
import { describeThreeWay, type SimResource } from "@patchwise/test-utils";
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

describeThreeWay({
  diff3Name: "diff3Person",
  diffName: "diffPerson",
  resource: persons,
  pair: contractPair,
  writable: WRITABLE,
});
