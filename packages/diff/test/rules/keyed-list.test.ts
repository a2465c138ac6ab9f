import { describe, expect, it } from "vitest";
import { deltaOps, keyedList, setDelta, shortest } from "../../src/index.ts";
import { type FieldOp, type FieldRead, fieldOp } from "../fixtures/contact.ts";
import { runRule, UNCHANGED } from "../helpers.ts";

interface R {
  fields?: FieldRead[] | null;
}
type Case = [string, { before: R; after: R; want: unknown }];

const text = (attribute_id: string, value: string | null): FieldRead => ({
  attribute_id,
  kind: "text",
  value,
});
const multi = (attribute_id: string, ...values: string[]): FieldRead => ({
  attribute_id,
  kind: "multi",
  values,
});

describe("keyedList", () => {
  const fields = keyedList<R, "fields", FieldOp>("fields", { key: "attribute_id", item: fieldOp });
  const cases: Case[] = [
    ["absent: not managed", { before: { fields: [text("t1", "a")] }, after: {}, want: UNCHANGED }],
    [
      "equal",
      { before: { fields: [text("t1", "a")] }, after: { fields: [text("t1", "a")] }, want: UNCHANGED },
    ],
    [
      "items absent from after are left as they are",
      {
        before: { fields: [text("t1", "a"), text("t2", "b")] },
        after: { fields: [text("t2", "b")] },
        want: UNCHANGED,
      },
    ],
    [
      "a reorder of items is no change",
      {
        before: { fields: [text("t1", "a"), text("t2", "b")] },
        after: { fields: [text("t2", "b"), text("t1", "a")] },
        want: UNCHANGED,
      },
    ],
    [
      "one op per changed item, in after's order",
      {
        before: { fields: [text("t1", "a"), text("t2", "b"), multi("m1", "u", "v", "w", "x")] },
        after: { fields: [multi("m1", "u", "v", "w", "y"), text("t2", "b"), text("t1", "c")] },
        want: [
          { attribute_id: "m1", add_values: ["y"], remove_values: ["x"] },
          { attribute_id: "t1", value: "c" },
        ],
      },
    ],
    [
      "a new item",
      { before: {}, after: { fields: [text("t1", "a")] }, want: [{ attribute_id: "t1", value: "a" }] },
    ],
    [
      "a text emptied: clear_all",
      {
        before: { fields: [text("t1", "a")] },
        after: { fields: [text("t1", null)] },
        want: [{ attribute_id: "t1", clear_all: true }],
      },
    ],
    [
      "a multi delta: only the difference",
      {
        before: { fields: [multi("m1", "a", "b", "c", "e")] },
        after: { fields: [multi("m1", "d", "b", "c", "e")] },
        want: [{ attribute_id: "m1", add_values: ["d"], remove_values: ["a"] }],
      },
    ],
    [
      "a multi where clear_all and the new values is shorter than the delta",
      {
        before: { fields: [multi("m1", "x", "z")] },
        after: { fields: [multi("m1", "z", "y")] },
        want: [{ attribute_id: "m1", clear_all: true, add_values: ["y", "z"] }],
      },
    ],
    [
      "a multi reorder or duplicate is no change",
      {
        before: { fields: [multi("m1", "a", "b")] },
        after: { fields: [multi("m1", "b", "a", "b")] },
        want: UNCHANGED,
      },
    ],
    [
      "a multi emptied: clear_all is shorter than even one remove_values",
      {
        before: { fields: [multi("m1", "abcdefgh")] },
        after: { fields: [multi("m1")] },
        want: [{ attribute_id: "m1", clear_all: true }],
      },
    ],
    [
      "a multi emptied with many values: clear_all is shorter",
      {
        before: { fields: [multi("m1", "a", "b", "c", "d")] },
        after: { fields: [multi("m1")] },
        want: [{ attribute_id: "m1", clear_all: true }],
      },
    ],
    [
      "a long remove list: clear_all and the new values is shorter",
      {
        before: { fields: [multi("m1", "alpha", "bravo", "charlie", "delta", "echo")] },
        after: { fields: [multi("m1", "x")] },
        want: [{ attribute_id: "m1", clear_all: true, add_values: ["x"] }],
      },
    ],
    [
      "a short delta beats clear_all",
      {
        before: { fields: [multi("m1", "a", "b", "c", "d", "e")] },
        after: { fields: [multi("m1", "a", "b", "c", "d")] },
        want: [{ attribute_id: "m1", remove_values: ["e"] }],
      },
    ],
    [
      "null over an empty list: nothing to do",
      { before: { fields: [] }, after: { fields: null }, want: UNCHANGED },
    ],
  ];
  it.each(cases)("%s", (_, { before, after, want }) => {
    const { got, issues } = runRule(fields, before, after);
    expect(got).toEqual(want);
    expect(issues).toEqual([]);
  });

  it("a whole null list cannot be cleared without a clear op", () => {
    const { got, issues } = runRule(fields, { fields: [text("t1", "a")] }, { fields: null });
    expect(got).toBe(UNCHANGED);
    expect(issues).toEqual([
      { path: "f", rule: "not-nullable", message: "f: cannot be cleared whole (got null)" },
    ]);
  });

  it("a whole null list clears every item with `clear`", () => {
    const clearing = keyedList<R, "fields", FieldOp>("fields", {
      key: "attribute_id",
      item: fieldOp,
      clear: (b) =>
        b.value == null && !b.values?.length ? undefined : { attribute_id: b.attribute_id, clear_all: true },
    });
    const before = { fields: [text("t1", "a"), text("t2", null), multi("m1", "x")] };
    expect(runRule(clearing, before, { fields: null }).got).toEqual([
      { attribute_id: "t1", clear_all: true },
      { attribute_id: "m1", clear_all: true },
    ]);
  });

  it("a key repeated in after is an issue", () => {
    const { issues } = runRule(fields, {}, { fields: [text("t1", "a"), text("t2", "b"), text("t1", "c")] });
    expect(issues).toEqual([
      {
        path: "f[2]",
        rule: "duplicate-key",
        limit: "attribute_id",
        message: 'f[2]: must have a unique attribute_id (got "t1")',
      },
    ]);
  });

  it("value() gives the op of every item from scratch", () => {
    expect(fields.value?.({ fields: [text("t1", "a"), multi("m1", "y", "x")] })).toEqual([
      { attribute_id: "t1", value: "a" },
      { attribute_id: "m1", add_values: ["x", "y"] },
    ]);
  });
});

describe("setDelta", () => {
  const cases: [
    string,
    { before: string[] | null | undefined; after: string[] | null | undefined; want: unknown },
  ][] = [
    ["same sets", { before: ["a", "b"], after: ["b", "a"], want: { add: [], remove: [] } }],
    ["duplicates ignored", { before: ["a", "a"], after: ["a"], want: { add: [], remove: [] } }],
    [
      "add and remove, sorted",
      { before: ["z", "b", "a"], after: ["c", "b", "y", "c"], want: { add: ["c", "y"], remove: ["a", "z"] } },
    ],
    ["from nothing", { before: null, after: ["b", "a"], want: { add: ["a", "b"], remove: [] } }],
    ["to nothing", { before: ["b", "a"], after: undefined, want: { add: [], remove: ["a", "b"] } }],
  ];
  it.each(cases)("%s", (_, { before, after, want }) => {
    expect(setDelta(before, after)).toEqual(want);
  });

  it("numbers sort numerically", () => {
    expect(setDelta([], [10, 9, 100])).toEqual({ add: [9, 10, 100], remove: [] });
  });
});

describe("deltaOps", () => {
  it("omits empty sides and gives undefined for equal sets", () => {
    expect(deltaOps(["a"], ["a", "b"], "add_ids", "remove_ids")).toEqual({ add_ids: ["b"] });
    expect(deltaOps(["a", "b"], ["a"], "add_ids", "remove_ids")).toEqual({ remove_ids: ["b"] });
    expect(deltaOps(["a"], ["a"], "add_ids", "remove_ids")).toBeUndefined();
  });
});

describe("shortest", () => {
  it("picks the shortest JSON, the first on a tie", () => {
    expect(shortest({ id: "a", remove_values: ["x", "y", "z"] }, { id: "a", clear_all: true })).toEqual({
      id: "a",
      clear_all: true,
    });
    expect(shortest({ id: "a", value: "x" }, { id: "a", clear_all: true })).toEqual({ id: "a", value: "x" });
    expect(shortest<unknown>(["ab"], "abcd")).toEqual(["ab"]);
    expect(shortest<unknown>("ab", "cd")).toBe("ab");
  });
});
