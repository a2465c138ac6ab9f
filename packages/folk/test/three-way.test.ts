/**
 * The three-way diff against the simulator, the shared suite of @patchwise/test-utils: with an edit
 * made on the simulator between the sync's read and its write, PATCHing `diff3Person`'s body loses no
 * change of either side but reported conflicts; with no such edit, `diff3Person` is `diffPerson`.
 * PATCHWISE_RUNS sets the cases per property (200).
 */
import { describeThreeWay, type SimResource } from "@patchwise/test-utils";
import { describe, expect, it } from "vitest";
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

const NOW = new Date("2026-01-05T09:30:00.000Z");

const sim = createFolkSimulator({ workspace: WORKSPACE, now: () => NOW });
const folk = createFolkClient({ apiKey: sim.apiKey, fetch: sim.fetch, retry: false, timeoutMs: 0 });

const params = (personId: string) => ({ params: { path: { personId } } });
const read = async (id: string) => (await unwrap(folk.GET("/v1/people/{personId}", params(id)))).data;

const people: SimResource<FolkPerson, FolkPersonDesired> = {
  async seed(record) {
    sim.clear();
    sim.seed([record]);
    return read(record.id);
  },
  read,
  async patch(id, body) {
    return (await folk.PATCH("/v1/people/{personId}", { ...params(id), body })).response.status === 200;
  },
  id: (record) => record.id,
  diff: (before, after) => diffPerson(before, after, { now: NOW }),
  diff3: (records) => diff3Person(records, { now: NOW }),
  spec: personMerge,
  // Folk keeps custom values only for the person's groups (desired values elsewhere are not sent).
  ignore: (final) => {
    const groups = new Set(final.groups.map((g) => g.id));
    return (path) => /^customFieldValues\.[^.]+/.test(path) && !groups.has(path.split(".")[1]!);
  },
  now: NOW,
  invalid: (e) => e instanceof PatchValidationError,
};

describeThreeWay({
  diff3Name: "diff3Person",
  diffName: "diffPerson",
  resource: people,
  pair: contractPair,
  writable: Object.keys(personMerge.merge) as (keyof FolkPersonDesired)[],
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
    const base = await people.seed(ada);
    expect(await people.patch(ada.id, body)).toBe(true);
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
