/**
 * The three-way diff against the simulator: with an edit made on the simulator between the sync's read
 * and its write, PATCHing `diff3Person`'s body loses no change of either side but reported conflicts;
 * with no such edit, `diff3Person` is `diffPerson`. PATCHWISE_RUNS sets the cases per property (200).
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { lostChanges } from "../../diff/test/fixtures/lost-changes.ts";
import {
  createFolkClient,
  diffPerson,
  type FolkPerson,
  type FolkPersonDesired,
  MergeConflictError,
  PatchValidationError,
  unwrap,
} from "../src/index.ts";
import { createFolkSimulator } from "../src/testing.ts";
import { diff3Person, personMerge } from "../src/three-way.ts";
import { COMPANIES, contractPair, GROUPS, USERS, WORKSPACE } from "./arbitraries.ts";

const RUNS = Number(process.env.PATCHWISE_RUNS ?? 200);
const PARAMS = { numRuns: RUNS };
const TIMEOUT = 60_000 + RUNS * 50;
const NOW = new Date("2026-01-05T09:30:00.000Z");

const sim = createFolkSimulator({ workspace: WORKSPACE, now: () => NOW });
const folk = createFolkClient({ apiKey: sim.apiKey, fetch: sim.fetch, retry: false, timeoutMs: 0 });

const WRITABLE = Object.keys(personMerge.merge) as (keyof FolkPersonDesired)[];
const params = (personId: string) => ({ params: { path: { personId } } });
const read = async (id: string) => (await unwrap(folk.GET("/v1/people/{personId}", params(id)))).data;

/** Seeds `record` alone and returns it as GET reads it back: the base a sync would hold. */
async function seeded(record: FolkPerson): Promise<FolkPerson> {
  sim.clear();
  sim.seed([record]);
  return read(record.id);
}

/** PATCHes a body; false when the simulator refuses it. */
async function patch(id: string, body: object): Promise<boolean> {
  const { response } = await folk.PATCH("/v1/people/{personId}", { ...params(id), body });
  return response.status === 200;
}

/** A base, the sync's desired record, and another edit of some writable keys (made by hand meanwhile). */
const three = fc
  .tuple(contractPair, contractPair, fc.subarray(WRITABLE, { minLength: 1 }))
  .map(([[base, desired], [, other], keys]): [FolkPerson, FolkPersonDesired, FolkPersonDesired] => [
    base,
    desired,
    Object.fromEntries(keys.filter((k) => other[k] !== undefined).map((k) => [k, other[k]])),
  ]);

describe("diff3Person against the simulator", () => {
  test.prop([three], PARAMS)(
    "an edit between read and write: no change of either side is lost but reported conflicts",
    async ([seed, desired, theirs]) => {
      const base = await seeded(seed);
      let edit: ReturnType<typeof diffPerson>;
      try {
        edit = diffPerson(base, theirs, { now: NOW });
      } catch (e) {
        if (e instanceof PatchValidationError) return; // an edit Folk would refuse: not a concurrent edit
        throw e;
      }
      if (!edit.noop && !(await patch(base.id, edit.body))) return;
      const current = await read(base.id);
      let result: ReturnType<typeof diff3Person>;
      try {
        result = diff3Person({ base, current, desired }, { now: NOW });
      } catch (e) {
        // What the sync asks for cannot be written (alone, or merged with the edit): refused before sending.
        if (e instanceof PatchValidationError) return;
        throw e;
      }
      if (!result.noop) expect(await patch(base.id, result.body), JSON.stringify(result.body)).toBe(true);
      const final = await read(base.id);
      const groups = new Set(final.groups.map((g) => g.id));
      const lost = lostChanges(personMerge, { base, current, desired, final }, result.conflicts, {
        now: NOW,
        // Folk keeps custom values only for the person's groups (desired values elsewhere are not sent).
        ignore: (path) => /^customFieldValues\.[^.]+/.test(path) && !groups.has(path.split(".")[1]!),
      });
      expect(lost).toEqual([]);
    },
    TIMEOUT,
  );

  test.prop([contractPair], PARAMS)(
    "no edit between read and write: diff3Person is diffPerson",
    async ([seed, desired]) => {
      const base = await seeded(seed);
      const outcome = (f: () => object) => {
        try {
          return JSON.stringify(f());
        } catch (e) {
          return (e as Error).message;
        }
      };
      const two = outcome(() => diffPerson(base, desired, { now: NOW }));
      const three = outcome(() => {
        const { body, noop, changed, conflicts } = diff3Person(
          { base, current: base, desired },
          { now: NOW },
        );
        expect(conflicts).toEqual([]);
        return { body, noop, changed };
      });
      expect(three).toBe(two);
    },
    TIMEOUT,
  );
});

describe("diff3Person, named cases against the simulator", () => {
  const [group] = GROUPS;
  const ada: FolkPerson = {
    id: "per_00000009-0000-4000-8000-000000000009",
    firstName: "Ada",
    lastName: "Lovelace",
    fullName: "Ada Lovelace",
    description: "",
    birthday: null,
    jobTitle: "Engineer",
    createdAt: null,
    createdBy: USERS[0]!,
    groups: [{ id: group!.id, name: group!.name }],
    companies: [COMPANIES[0]!],
    addresses: [],
    emails: ["ada@example.com"],
    phones: [],
    urls: [],
    interactionMetadata: {
      user: { approximateCount: 0, lastInteractedAt: null },
      workspace: { approximateCount: 0, lastInteractedAt: null, lastInteractedBy: [] },
    },
    strongestConnection: {},
    customFieldValues: {},
  } as FolkPerson;

  /** The base as read, and the person after an edit by hand. */
  async function edited(body: object): Promise<{ base: FolkPerson; current: FolkPerson }> {
    const base = await seeded(ada);
    expect(await patch(ada.id, body)).toBe(true);
    return { base, current: await read(ada.id) };
  }

  it("keeps an email added by hand next to the sync's new primary", async () => {
    const { base, current } = await edited({ emails: ["ada@example.com", "hand@example.com"] });
    const { body, conflicts } = diff3Person({
      base,
      current,
      desired: { emails: ["new@example.com", "ada@example.com"] },
    });
    expect(body).toEqual({ emails: ["new@example.com", "ada@example.com", "hand@example.com"] });
    expect(conflicts).toEqual([]);
  });

  it("leaving a group someone set a value in meanwhile is a conflict: desired drops it, current keeps the group, fail throws", async () => {
    const g = group!.id;
    const { base, current } = await edited({
      groups: [{ id: g }],
      customFieldValues: { [g]: { Stage: "Offer" } },
    });
    const records = { base, current, desired: { groups: [] } };
    const conflict = { field: `customFieldValues.${g}.Stage`, base: null, current: "Offer", desired: null };
    const dropped = diff3Person(records);
    expect(dropped.body).toEqual({ groups: [] });
    expect(dropped.conflicts).toEqual([{ ...conflict, kept: "desired" }]);
    const kept = diff3Person(records, { prefer: "current" });
    expect(kept).toMatchObject({ noop: true, conflicts: [{ ...conflict, kept: "current" }] });
    expect(() => diff3Person(records, { prefer: "fail" })).toThrow(MergeConflictError);
  });
});
