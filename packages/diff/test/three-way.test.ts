import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { PatchValidationError } from "../src/index.ts";
import { type Conflict, MergeConflictError } from "../src/three-way.ts";
import { after, before } from "./fixtures/arbitraries.ts";
import { apply, type ContactRead, diffContact, Rejected } from "./fixtures/contact.ts";
import { contact3, diff3Contact } from "./fixtures/contact-three-way.ts";
import { lostChanges } from "./fixtures/lost-changes.ts";
import { deepFreeze, NOW } from "./helpers.ts";

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 500) };
const ID = { id: "c1", updatedAt: "2025-01-01T00:00:00Z" };
const r = (fields: Partial<ContactRead>): ContactRead => ({ ...ID, ...fields });

type Case = [
  string,
  { base: Partial<ContactRead>; current: Partial<ContactRead>; desired: Partial<ContactRead> },
  { body: object; conflicts?: string[] },
];

/** Each case under the default policy (`prefer: "desired"`). */
const cases: Case[] = [
  // value: scalars, nullable fields, objects replaced whole
  [
    "value: only ours changed",
    { base: { nickname: "A" }, current: { nickname: "A" }, desired: { nickname: "B" } },
    { body: { nickname: "B" } },
  ],
  [
    "value: only theirs changed: kept",
    { base: { nickname: "A" }, current: { nickname: "C" }, desired: { nickname: "A" } },
    { body: {} },
  ],
  [
    "value: both made the same change",
    { base: { nickname: "A" }, current: { nickname: "B" }, desired: { nickname: "B" } },
    { body: {} },
  ],
  [
    "value: both changed, differently",
    { base: { nickname: "A" }, current: { nickname: "C" }, desired: { nickname: "B" } },
    { body: { nickname: "B" }, conflicts: ["nickname"] },
  ],
  [
    "value: not managed by desired",
    { base: { nickname: "A" }, current: { nickname: "C" }, desired: {} },
    { body: {} },
  ],
  [
    "value: equal by day is no change of theirs",
    {
      base: { birthday: "2030-01-02" },
      current: { birthday: "2030-01-02T12:00:00Z" },
      desired: { birthday: "2030-01-03" },
    },
    { body: { birthday: "2030-01-03" } },
  ],
  [
    "value: numeric strings by value",
    { base: { score: 42 }, current: { score: "42.0" }, desired: { score: 7 } },
    { body: { score: 7 } },
  ],
  [
    "value: a clear against their change",
    { base: { nickname: "A" }, current: { nickname: "C" }, desired: { nickname: null } },
    { body: { nickname: null }, conflicts: ["nickname"] },
  ],
  [
    "value: an object replaced whole",
    { base: { meta: { a: 1 } }, current: { meta: { a: 1, b: 2 } }, desired: { meta: { a: 3 } } },
    { body: { meta: { a: 3 } }, conflicts: ["meta"] },
  ],
  // list: replaced whole, merged item by item
  [
    "list: their new item stays",
    {
      base: { emails: ["a@x.io"] },
      current: { emails: ["a@x.io", "b@x.io"] },
      desired: { emails: ["c@x.io", "a@x.io"] },
    },
    { body: { emails: ["c@x.io", "a@x.io", "b@x.io"] } },
  ],
  [
    "list: our removal applies",
    {
      base: { emails: ["a@x.io", "b@x.io"] },
      current: { emails: ["a@x.io", "b@x.io", "c@x.io"] },
      desired: { emails: ["a@x.io"] },
    },
    { body: { emails: ["a@x.io", "c@x.io"] } },
  ],
  [
    "list: their removal stays",
    {
      base: { emails: ["a@x.io", "b@x.io"] },
      current: { emails: ["a@x.io"] },
      desired: { emails: ["a@x.io", "b@x.io", "c@x.io"] },
    },
    { body: { emails: ["a@x.io", "c@x.io"] } },
  ],
  [
    "list: both added the same item once",
    {
      base: { emails: ["c@x.io"] },
      current: { emails: ["c@x.io", "a@x.io"] },
      desired: { emails: ["c@x.io", "b@x.io", "a@x.io"] },
    },
    { body: { emails: ["c@x.io", "b@x.io", "a@x.io"] } },
  ],
  [
    "list: both gave an empty list a first item: the primary conflicts",
    { base: { emails: [] }, current: { emails: ["a@x.io"] }, desired: { emails: ["b@x.io"] } },
    { body: { emails: ["b@x.io", "a@x.io"] }, conflicts: ["emails[0]"] },
  ],
  [
    "list: their new primary stays",
    {
      base: { emails: ["a@x.io", "b@x.io"] },
      current: { emails: ["b@x.io", "a@x.io"] },
      desired: { emails: ["a@x.io", "b@x.io", "c@x.io"] },
    },
    { body: { emails: ["b@x.io", "a@x.io", "c@x.io"] } },
  ],
  [
    "list: both changed the primary",
    {
      base: { emails: ["a@x.io", "b@x.io"] },
      current: { emails: ["b@x.io", "a@x.io"] },
      desired: { emails: ["c@x.io", "a@x.io", "b@x.io"] },
    },
    { body: { emails: ["c@x.io", "a@x.io", "b@x.io"] }, conflicts: ["emails[0]"] },
  ],
  [
    "list: our null removes our items only",
    { base: { emails: ["a@x.io"] }, current: { emails: ["a@x.io", "b@x.io"] }, desired: { emails: null } },
    { body: { emails: ["b@x.io"] } },
  ],
  [
    "list: unordered, items by id",
    {
      base: { tags: [{ id: "a", name: "Alpha" }] },
      current: {
        tags: [
          { id: "a", name: "A" },
          { id: "b", name: "Beta" },
        ],
      },
      desired: { tags: [{ id: "c", name: "Gamma" }] },
    },
    { body: { tags: [{ id: "c" }, { id: "b" }] } },
  ],
  // keyed list: merged per item, multi-selects as sets
  [
    "keyed: both changed one multi-select",
    {
      base: { fields: [{ attribute_id: "m1", kind: "multi", values: ["x"] }] },
      current: { fields: [{ attribute_id: "m1", kind: "multi", values: ["x", "y"] }] },
      desired: { fields: [{ attribute_id: "m1", kind: "multi", values: ["z"] }] },
    },
    // Merged [y, z]: from current [x, y], the shorter op of the two.
    { body: { fields: [{ attribute_id: "m1", clear_all: true, add_values: ["y", "z"] }] } },
  ],
  [
    "keyed: their new item stays",
    {
      base: { fields: [] },
      current: { fields: [{ attribute_id: "t2", kind: "text", value: "b" }] },
      desired: { fields: [{ attribute_id: "t1", kind: "text", value: "a" }] },
    },
    { body: { fields: [{ attribute_id: "t1", value: "a" }] } },
  ],
  [
    "keyed: a text both changed",
    {
      base: { fields: [{ attribute_id: "t1", kind: "text", value: "a" }] },
      current: { fields: [{ attribute_id: "t1", kind: "text", value: "b" }] },
      desired: { fields: [{ attribute_id: "t1", kind: "text", value: null }] },
    },
    { body: { fields: [{ attribute_id: "t1", clear_all: true }] }, conflicts: ["fields[t1].value"] },
  ],
  // entries: merged maps, leaf by leaf
  [
    "entries: their new leaf stays",
    {
      base: { groups: [{ id: "g1", name: "One" }], custom: { g1: { Score: 1 } } },
      current: { groups: [{ id: "g1", name: "One" }], custom: { g1: { Score: 1, Note: "hi" } } },
      desired: { custom: { g1: { Score: 2 } } },
    },
    { body: { groups: [{ id: "g1" }], custom: { g1: { Score: 2 } } } },
  ],
  [
    "entries: a leaf both changed",
    {
      base: { groups: [{ id: "g1", name: "One" }], custom: { g1: { Score: 1 } } },
      current: { groups: [{ id: "g1", name: "One" }], custom: { g1: { Score: 3 } } },
      desired: { custom: { g1: { Score: 2 } } },
    },
    { body: { groups: [{ id: "g1" }], custom: { g1: { Score: 2 } } }, conflicts: ["custom.g1.Score"] },
  ],
  [
    "entries: a null group unsets base's leaves only",
    {
      base: { groups: [{ id: "g1", name: "One" }], custom: { g1: { Score: 1 } } },
      current: { groups: [{ id: "g1", name: "One" }], custom: { g1: { Score: 1, Note: "hi" } } },
      desired: { custom: { g1: null } as unknown as NonNullable<ContactRead["custom"]> },
    },
    { body: { groups: [{ id: "g1" }], custom: { g1: { Score: null } } } },
  ],
  [
    "entries: flat map",
    {
      base: { prefs: { lang: "en" } },
      current: { prefs: { lang: "en", tz: "fr" } },
      desired: { prefs: { lang: "fr" } },
    },
    { body: { prefs: { lang: "fr" } } },
  ],
];

describe("diff3: one merge per rule kind", () => {
  it.each(cases)("%s", (_, { base, current, desired }, want) => {
    const records = deepFreeze({ base: r(base), current: r(current), desired: r(desired) });
    const got = diff3Contact(records, { now: NOW });
    expect(got.body).toEqual(want.body);
    expect(got.noop).toBe(Object.keys(want.body).length === 0);
    expect(got.conflicts.map((c) => c.field)).toEqual(want.conflicts ?? []);
    expect(got.conflicts.every((c) => c.kept === "desired")).toBe(true);
  });
});

describe("diff3: a whole keyed list cleared against the other side's change", () => {
  const records = {
    base: r({ fields: [{ attribute_id: "t1", kind: "text", value: "a" }] }),
    current: r({ fields: [{ attribute_id: "t2", kind: "text", value: "b" }] }),
    desired: r({ fields: null }),
  };
  it("is a conflict at the field; current keeps their items", () => {
    const got = diff3Contact(records, { now: NOW, prefer: "current" });
    expect(got).toMatchObject({ body: {}, noop: true, conflicts: [{ field: "fields", kept: "current" }] });
  });
  it("desired clears, and the two-way rule still refuses a list it cannot clear whole", () => {
    expect(() => diff3Contact(records, { now: NOW })).toThrow(/fields: cannot be cleared whole/);
  });
});

describe("diff3: conflict policies", () => {
  const records = {
    base: r({ nickname: "A", emails: ["a@x.io", "b@x.io"], first_name: "Ada" }),
    current: r({ nickname: "C", emails: ["b@x.io", "a@x.io"], first_name: "Ada" }),
    desired: r({ nickname: "B", emails: ["c@x.io", "a@x.io", "b@x.io"], first_name: "Bob" }),
  };
  const conflict = (field: string, base: unknown, current: unknown, desired: unknown, kept: string) => ({
    field,
    base,
    current,
    desired,
    kept,
  });

  it("desired (the default): desired's side, reported", () => {
    const got = diff3Contact(records, { now: NOW });
    expect(got.body).toEqual({ first_name: "Bob", nickname: "B", emails: ["c@x.io", "a@x.io", "b@x.io"] });
    expect(got.conflicts).toEqual([
      conflict("nickname", "A", "C", "B", "desired"),
      conflict("emails[0]", "a@x.io", "b@x.io", "c@x.io", "desired"),
    ]);
    expect(got.mergedFields).toEqual(["nickname", "emails"]);
  });

  it("current: the other side's, reported; changes without conflict still apply", () => {
    const got = diff3Contact(records, { now: NOW, prefer: "current" });
    expect(got.body).toEqual({ first_name: "Bob", emails: ["b@x.io", "c@x.io", "a@x.io"] });
    expect(got.conflicts.map((c: Conflict) => [c.field, c.kept])).toEqual([
      ["nickname", "current"],
      ["emails[0]", "current"],
    ]);
    expect(got.merged).not.toHaveProperty("nickname");
  });

  it("fail: throws before anything is sent, naming every conflicting field", () => {
    expect(() => diff3Contact(records, { now: NOW, prefer: "fail" })).toThrow(MergeConflictError);
    try {
      diff3Contact(records, { now: NOW, prefer: "fail" });
    } catch (e) {
      expect((e as MergeConflictError).message).toBe(
        'Changed on both sides (prefer: "fail"):\n  nickname: base "A", current "C", desired "B"\n  emails[0]: base "a@x.io", current "b@x.io", desired "c@x.io"',
      );
      expect((e as MergeConflictError).conflicts).toHaveLength(2);
    }
  });

  it("fail: no conflict, no error", () => {
    const got = diff3Contact({ ...records, current: records.base }, { now: NOW, prefer: "fail" });
    expect(got.conflicts).toEqual([]);
  });
});

describe("diff3: the two-way rules still hold", () => {
  it("a desired record that cannot be written throws PatchValidationError", () => {
    const records = {
      base: r({ first_name: "Ada" }),
      current: r({ first_name: "Ann" }),
      desired: r({ first_name: "x".repeat(51) }),
    };
    expect(() => diff3Contact(records, { now: NOW })).toThrow(PatchValidationError);
  });

  it("a value the rule refuses counts as our change, so it is reported", () => {
    const records = {
      base: r({ profile_id: "ada" }),
      current: r({ profile_id: "bob" }),
      desired: r({ profile_id: null }),
    };
    expect(() => diff3Contact(records, { now: NOW })).toThrow(/profile_url: cannot be cleared/);
  });

  it("companions: custom values travel with the merged groups", () => {
    const got = diff3Contact(
      {
        base: r({ groups: [{ id: "g1", name: "One" }] }),
        current: r({
          groups: [
            { id: "g1", name: "One" },
            { id: "g2", name: "Two" },
          ],
        }),
        desired: r({
          groups: [
            { id: "g1", name: "One" },
            { id: "g3", name: "Three" },
          ],
          custom: { g3: { Score: 1 } },
        }),
      },
      { now: NOW },
    );
    expect(got.body).toEqual({
      groups: [{ id: "g1" }, { id: "g3" }, { id: "g2" }],
      custom: { g3: { Score: 1 } },
    });
  });

  it("merged: the record the body writes; { ...current, ...merged } is the next base", () => {
    const records = {
      base: r({ nickname: "A", emails: ["a@x.io"] }),
      current: r({ nickname: "C", emails: ["a@x.io", "b@x.io"] }),
      desired: r({ nickname: "A", emails: ["a@x.io", "c@x.io"] }),
    };
    const got = diff3Contact(records, { now: NOW });
    expect(got.merged).toEqual({ ...ID, emails: ["a@x.io", "c@x.io", "b@x.io"] });
    const next = { ...records.current, ...got.merged };
    expect(apply(records.current, got.body)).toMatchObject({ nickname: next.nickname, emails: next.emails });
  });
});

/** A record as the provider stores it: custom values only for the groups it is in. */
function stored(record: ContactRead): ContactRead {
  const groups = new Set((record.groups ?? []).map((g) => g.id));
  if (!record.custom) return record;
  return {
    ...record,
    custom: Object.fromEntries(Object.entries(record.custom).filter(([g]) => groups.has(g))),
  };
}

describe("diff3 properties, against the reference provider", () => {
  /** base, desired (the sync's edit), theirs (another edit of base, applied first). */
  const three = before.map(stored).chain((base) => fc.tuple(fc.constant(base), after, after));

  test.prop([before, after], RUNS)(
    "with base equal to current, diff3 is the two-way diff",
    (current, desired) => {
      let two: unknown;
      try {
        two = diffContact(current, desired, { now: NOW });
      } catch (e) {
        two = (e as Error).message;
      }
      let got: unknown;
      try {
        const { body, noop, changed, conflicts } = diff3Contact(
          { base: current, current, desired },
          { now: NOW },
        );
        expect(conflicts).toEqual([]);
        got = { body, noop, changed };
      } catch (e) {
        got = (e as Error).message;
      }
      expect(JSON.stringify(got)).toBe(JSON.stringify(two));
    },
  );

  test.prop([three], RUNS)(
    "after a concurrent edit, no change of either side is lost but reported conflicts",
    ([base, desired, theirs]) => {
      let current: ContactRead;
      let result: ReturnType<typeof diff3Contact>;
      let final: ContactRead;
      try {
        current = apply(base, diffContact(base, theirs, { now: NOW }).body);
        result = diff3Contact({ base, current, desired }, { now: NOW });
        final = apply(current, result.body);
      } catch (e) {
        // A desired record the two-way diff refuses, or a body the provider refuses, is not this property's.
        if (e instanceof PatchValidationError || e instanceof Rejected) return;
        throw e;
      }
      const lost = lostChanges(contact3, { base, current, desired, final }, result.conflicts, {
        now: NOW,
        // The provider drops a group's values with the membership.
        ignore: (path) =>
          /^custom\.(g\d)/.test(path) && !final.groups?.some((g) => path.startsWith(`custom.${g.id}`)),
      });
      expect(lost).toEqual([]);
    },
  );
});
