import { describe, expect, it } from "vitest";
import { replaceList } from "../../src/index.ts";
import { runRule, UNCHANGED } from "../helpers.ts";

interface Ref {
  id: string;
  name: string;
}
interface R {
  emails?: string[] | null;
  groups?: Ref[] | null;
}
type Case = [string, { before: R; after: R; want: unknown }];

const g = (id: string, name = id.toUpperCase()): Ref => ({ id, name });

describe("replaceList clear: null", () => {
  const emails = replaceList<R, "emails", null>("emails", { ordered: false, clear: null });
  const cases: Case[] = [
    ["null empties it with null", { before: { emails: ["a"] }, after: { emails: null }, want: null }],
    ["an empty list still sends []", { before: { emails: ["a"] }, after: { emails: [] }, want: [] }],
    ["null over empty: already empty", { before: { emails: [] }, after: { emails: null }, want: UNCHANGED }],
    ["null over null: already empty", { before: { emails: null }, after: { emails: null }, want: UNCHANGED }],
  ];
  it.each(cases)("%s", (_, { before, after, want }) => {
    expect(runRule(emails, before, after).got).toEqual(want);
  });
});

describe("replaceList: values that are not lists", () => {
  const emails = replaceList<R, "emails", null>("emails", { ordered: false, clear: null });
  const bad = (v: unknown) => v as string[];
  const cases: Case[] = [
    [
      "a desired string is sent as it is (the table names it)",
      { before: { emails: ["a"] }, after: { emails: bad("a") }, want: "a" },
    ],
    [
      "a desired object is sent as it is",
      { before: {}, after: { emails: bad({ value: "a" }) }, want: { value: "a" } },
    ],
    [
      "the same non-list as before: no change",
      { before: { emails: bad("a") }, after: { emails: bad("a") }, want: UNCHANGED },
    ],
    [
      "a non-list before reads as empty: a list is sent",
      { before: { emails: bad("a") }, after: { emails: ["a"] }, want: ["a"] },
    ],
    [
      "a non-list before reads as empty: [] is no change",
      { before: { emails: bad(7) }, after: { emails: [] }, want: UNCHANGED },
    ],
    [
      "a non-list before reads as empty: null is no change",
      { before: { emails: bad(7) }, after: { emails: null }, want: UNCHANGED },
    ],
  ];
  it.each(cases)("%s", (_, { before, after, want }) => {
    expect(runRule(emails, before, after).got).toEqual(want);
  });

  it("value: the mapped list, clear for null, a non-list as it is", () => {
    expect(emails.value?.({ emails: ["a"] })).toEqual(["a"]);
    expect(emails.value?.({ emails: null })).toBeNull();
    expect(emails.value?.({ emails: bad("a") })).toBe("a");
    expect(replaceList<R, "emails">("emails", { ordered: true }).value?.({ emails: null })).toEqual([]);
  });
});

describe("replaceList ordered", () => {
  const emails = replaceList<R, "emails">("emails", { ordered: true });
  const cases: Case[] = [
    ["absent: not managed", { before: { emails: ["a"] }, after: {}, want: UNCHANGED }],
    ["equal", { before: { emails: ["a", "b"] }, after: { emails: ["a", "b"] }, want: UNCHANGED }],
    [
      "a reorder changes the primary: sent whole",
      { before: { emails: ["a", "b"] }, after: { emails: ["b", "a"] }, want: ["b", "a"] },
    ],
    [
      "an added item: sent whole",
      { before: { emails: ["a"] }, after: { emails: ["a", "b"] }, want: ["a", "b"] },
    ],
    ["a removed item: sent whole", { before: { emails: ["a", "b"] }, after: { emails: ["b"] }, want: ["b"] }],
    ["null empties it with []", { before: { emails: ["a"] }, after: { emails: null }, want: [] }],
    ["empty list empties it", { before: { emails: ["a"] }, after: { emails: [] }, want: [] }],
    ["null over empty: already empty", { before: { emails: [] }, after: { emails: null }, want: UNCHANGED }],
    ["empty over null: already empty", { before: { emails: null }, after: { emails: [] }, want: UNCHANGED }],
    ["empty over absent: already empty", { before: {}, after: { emails: [] }, want: UNCHANGED }],
    ["set from absent", { before: {}, after: { emails: ["a"] }, want: ["a"] }],
    ["duplicates count", { before: { emails: ["a", "a"] }, after: { emails: ["a"] }, want: ["a"] }],
  ];
  it.each(cases)("%s", (_, { before, after, want }) => {
    expect(runRule(emails, before, after).got).toEqual(want);
  });

  const groups = replaceList<R, "groups", { id: string }>("groups", {
    ordered: true,
    item: (x) => ({ id: x.id }),
  });
  const mapped: Case[] = [
    [
      "compares the write form: a renamed group is no change",
      { before: { groups: [g("1", "x")] }, after: { groups: [g("1", "y")] }, want: UNCHANGED },
    ],
    [
      "sends the write form",
      { before: { groups: [g("1")] }, after: { groups: [g("2"), g("1")] }, want: [{ id: "2" }, { id: "1" }] },
    ],
    [
      "a reorder is a change",
      {
        before: { groups: [g("1"), g("2")] },
        after: { groups: [g("2"), g("1")] },
        want: [{ id: "2" }, { id: "1" }],
      },
    ],
  ];
  it.each(mapped)("with item: %s", (_, { before, after, want }) => {
    expect(runRule(groups, before, after).got).toEqual(want);
  });
});

describe("replaceList unordered (multiset)", () => {
  const emails = replaceList<R, "emails">("emails", { ordered: false });
  const groups = replaceList<R, "groups", { id: string }>("groups", {
    ordered: false,
    item: (x) => ({ id: x.id }),
  });
  const cases: Case[] = [
    [
      "a pure reorder is no change",
      { before: { emails: ["a", "b", "c"] }, after: { emails: ["c", "a", "b"] }, want: UNCHANGED },
    ],
    [
      "same multiset with duplicates",
      { before: { emails: ["a", "b", "a"] }, after: { emails: ["a", "a", "b"] }, want: UNCHANGED },
    ],
    [
      "different multiplicities are a change",
      { before: { emails: ["a", "a", "b"] }, after: { emails: ["a", "b", "b"] }, want: ["a", "b", "b"] },
    ],
    [
      "a dropped duplicate is a change",
      { before: { emails: ["a", "a"] }, after: { emails: ["a"] }, want: ["a"] },
    ],
    [
      "an added item: sent whole in after's order",
      { before: { emails: ["b", "a"] }, after: { emails: ["c", "a", "b"] }, want: ["c", "a", "b"] },
    ],
    ["null empties it", { before: { emails: ["a"] }, after: { emails: null }, want: [] }],
    ["null over empty: already empty", { before: { emails: [] }, after: { emails: null }, want: UNCHANGED }],
    ["empty over absent: already empty", { before: {}, after: { emails: [] }, want: UNCHANGED }],
    ["set from absent", { before: {}, after: { emails: ["b", "a"] }, want: ["b", "a"] }],
  ];
  it.each(cases)("%s", (_, { before, after, want }) => {
    expect(runRule(emails, before, after).got).toEqual(want);
  });

  it("compares the write form", () => {
    const before = { groups: [g("1", "a"), g("2", "b")] };
    expect(runRule(groups, before, { groups: [g("2", "renamed"), g("1", "a")] }).got).toBe(UNCHANGED);
    expect(runRule(groups, before, { groups: [g("2"), g("3")] }).got).toEqual([{ id: "2" }, { id: "3" }]);
  });

  it("uses a custom item equality", () => {
    const ci = replaceList<R, "emails">("emails", {
      ordered: false,
      equals: (a, b) => String(a).toLowerCase() === String(b).toLowerCase(),
    });
    expect(runRule(ci, { emails: ["A@x.io", "b@x.io"] }, { emails: ["B@x.io", "a@x.io"] }).got).toBe(
      UNCHANGED,
    );
  });

  it("value() gives the mapped list, [] for null", () => {
    expect(groups.value?.({ groups: [g("1")] })).toEqual([{ id: "1" }]);
    expect(groups.value?.({ groups: null })).toEqual([]);
    expect(groups.value?.({})).toBe(UNCHANGED);
  });
});
