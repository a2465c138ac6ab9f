/**
 * The three-way diff against the simulator, the shared suite of @patchwise/test-utils: with an edit
 * made on the simulator between the sync's read and its write, PATCHing `diff3Candidate`'s body loses no
 * change of either side but reported conflicts; with no such edit, `diff3Candidate` is `diffCandidate`.
 * PATCHWISE_RUNS sets the cases per property (200).
 */
import { describeThreeWay, type SimResource } from "@patchwise/test-utils";
import {
  createInstaviewClient,
  diffCandidate,
  type InstaviewCandidate,
  PatchValidationError,
  unwrap,
} from "../src/index.ts";
import { createInstaviewSimulator } from "../src/testing.ts";
import { candidateMerge, diff3Candidate } from "../src/three-way.ts";
import { contractPair, JOB_IDS, NOW } from "./arbitraries.ts";

const KEY = "sk_test_three_way";

const sim = createInstaviewSimulator({ apiKey: KEY, now: () => NOW, jobs: JOB_IDS.map((id) => ({ id })) });
const client = createInstaviewClient({ apiKey: KEY, fetch: sim.fetch, retry: false, timeoutMs: 0 });
const params = (id: string) => ({ params: { path: { id } } });
const read = (id: string) => unwrap(client.GET("/candidates/{id}", params(id)));

const candidates: SimResource<InstaviewCandidate, InstaviewCandidate> = {
  async seed(record) {
    sim.clearLog();
    sim.seed([record]);
    return read(record.id);
  },
  read,
  async patch(id, body) {
    return (await client.PATCH("/candidates/{id}", { ...params(id), body })).response.status === 200;
  },
  id: (record) => record.id,
  diff: (before, after) => diffCandidate(before, after, { now: NOW }),
  diff3: (records) => diff3Candidate(records, { now: NOW }),
  spec: candidateMerge,
  now: NOW,
  invalid: (e) => e instanceof PatchValidationError,
};

/** The read keys the rules write (the other edit changes some of them). */
const WRITABLE = Object.values(candidateMerge.merge).flatMap((m) =>
  m ? [m.key as keyof InstaviewCandidate] : [],
);

describeThreeWay({
  diff3Name: "diff3Candidate",
  diffName: "diffCandidate",
  resource: candidates,
  pair: contractPair,
  writable: WRITABLE,
});
