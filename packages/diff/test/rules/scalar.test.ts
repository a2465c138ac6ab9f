import { describe, expect, it } from "vitest";
import { nullable, sameDay, sameInstant, sameNumber, scalar } from "../../src/index.ts";
import { runRule, UNCHANGED } from "../helpers.ts";

interface R {
  v?: string | null | undefined;
  n?: string | number | null;
  d?: string | null;
  t?: string | null;
  o?: { a: number; b?: number[] } | null;
}

type Case = [string, { before: R; after: R; want: unknown; issue?: string }];

describe("scalar", () => {
  const plain = scalar<R, "v">("v");
  const cases: Case[] = [
    ["absent in after: not managed", { before: { v: "a" }, after: {}, want: UNCHANGED }],
    ["undefined in after: not managed", { before: { v: "a" }, after: { v: undefined }, want: UNCHANGED }],
    ["equal", { before: { v: "a" }, after: { v: "a" }, want: UNCHANGED }],
    ["changed", { before: { v: "a" }, after: { v: "b" }, want: "b" }],
    ["set from null", { before: { v: null }, after: { v: "b" }, want: "b" }],
    ["set from absent", { before: {}, after: { v: "b" }, want: "b" }],
    ["empty string is a value", { before: { v: "a" }, after: { v: "" }, want: "" }],
    ["null over null: nothing to do", { before: { v: null }, after: { v: null }, want: UNCHANGED }],
    ["null over absent: nothing to do", { before: {}, after: { v: null }, want: UNCHANGED }],
    [
      "null over a value: cannot be cleared",
      { before: { v: "a" }, after: { v: null }, want: UNCHANGED, issue: "f: cannot be cleared (got null)" },
    ],
  ];
  it.each(cases)("%s", (_, { before, after, want, issue }) => {
    const { got, issues } = runRule(plain, before, after);
    expect(got).toEqual(want);
    expect(issues.map((i) => i.message)).toEqual(issue ? [issue] : []);
    if (issue) expect(issues[0]).toMatchObject({ path: "f", rule: "not-nullable" });
  });

  const clearing = scalar<R, "v">("v", { clear: "" });
  const clearCases: Case[] = [
    ["null clears with the clear value", { before: { v: "a" }, after: { v: null }, want: "" }],
    ["empty string clears too", { before: { v: "a" }, after: { v: "" }, want: "" }],
    ["null over the clear value: already empty", { before: { v: "" }, after: { v: null }, want: UNCHANGED }],
    ["clear value over null: already empty", { before: { v: null }, after: { v: "" }, want: UNCHANGED }],
    ["null over absent: already empty", { before: {}, after: { v: null }, want: UNCHANGED }],
    ["a value is set", { before: { v: "" }, after: { v: "b" }, want: "b" }],
  ];
  it.each(clearCases)("with clear: %s", (_, { before, after, want }) => {
    const { got, issues } = runRule(clearing, before, after);
    expect(got).toEqual(want);
    expect(issues).toEqual([]);
  });

  const mapped = scalar<R, "v", string>("v", { map: (id) => `https://www.linkedin.com/in/${id}` });
  const mapCases: Case[] = [
    [
      "sends the mapped after value",
      { before: { v: "ada" }, after: { v: "bob" }, want: "https://www.linkedin.com/in/bob" },
    ],
    ["compares read values", { before: { v: "ada" }, after: { v: "ada" }, want: UNCHANGED }],
    ["set from null", { before: { v: null }, after: { v: "bob" }, want: "https://www.linkedin.com/in/bob" }],
  ];
  it.each(mapCases)("with map: %s", (_, { before, after, want }) => {
    expect(runRule(mapped, before, after).got).toEqual(want);
  });

  const objects = scalar<R, "o">("o");
  it("compares objects by canonical deep equality", () => {
    expect(runRule(objects, { o: { a: 1, b: [1, 2] } }, { o: { b: [1, 2], a: 1 } }).got).toBe(UNCHANGED);
    expect(runRule(objects, { o: { a: 1, b: [1, 2] } }, { o: { a: 1, b: [2, 1] } }).got).toEqual({
      a: 1,
      b: [2, 1],
    });
  });

  it("value() gives the full write value for companions", () => {
    expect(mapped.value?.({ v: "x" })).toBe("https://www.linkedin.com/in/x");
    expect(mapped.value?.({})).toBe(UNCHANGED);
    expect(plain.value?.({ v: null })).toBe(UNCHANGED);
    expect(clearing.value?.({ v: null })).toBe("");
  });
});

describe("nullable", () => {
  const cases: [
    string,
    { rule: ReturnType<typeof nullable<R, keyof R>>; before: R; after: R; want: unknown },
  ][] = [
    ["null clears", { rule: nullable("v"), before: { v: "a" }, after: { v: null }, want: null }],
    ["null over null", { rule: nullable("v"), before: { v: null }, after: { v: null }, want: UNCHANGED }],
    ["null over absent", { rule: nullable("v"), before: {}, after: { v: null }, want: UNCHANGED }],
    ["absent", { rule: nullable("v"), before: { v: "a" }, after: {}, want: UNCHANGED }],
    ["set", { rule: nullable("v"), before: { v: null }, after: { v: "a" }, want: "a" }],
    ["empty string is a value", { rule: nullable("v"), before: { v: null }, after: { v: "" }, want: "" }],
    [
      "sameDay: date vs timestamp that day",
      {
        rule: nullable("d", { equals: sameDay }),
        before: { d: "2030-01-02" },
        after: { d: "2030-01-02T08:00:00Z" },
        want: UNCHANGED,
      },
    ],
    [
      "sameDay: timestamp on the next UTC day",
      {
        rule: nullable("d", { equals: sameDay }),
        before: { d: "2030-01-02" },
        after: { d: "2030-01-02T23:00:00-05:00" },
        want: "2030-01-02T23:00:00-05:00",
      },
    ],
    [
      "sameDay: another day",
      {
        rule: nullable("d", { equals: sameDay }),
        before: { d: "2030-01-02" },
        after: { d: "2030-01-03" },
        want: "2030-01-03",
      },
    ],
    [
      "sameInstant: Z vs .000Z",
      {
        rule: nullable("t", { equals: sameInstant }),
        before: { t: "2021-01-01T01:01:01Z" },
        after: { t: "2021-01-01T01:01:01.000Z" },
        want: UNCHANGED,
      },
    ],
    [
      "sameInstant: offsets",
      {
        rule: nullable("t", { equals: sameInstant }),
        before: { t: "2021-01-01T01:01:01Z" },
        after: { t: "2021-01-01T02:01:01+01:00" },
        want: UNCHANGED,
      },
    ],
    [
      "sameInstant: another instant",
      {
        rule: nullable("t", { equals: sameInstant }),
        before: { t: "2021-01-01T01:01:01Z" },
        after: { t: "2021-01-01T01:01:02Z" },
        want: "2021-01-01T01:01:02Z",
      },
    ],
    [
      'sameNumber: 42 vs "42"',
      { rule: nullable("n", { equals: sameNumber }), before: { n: "42" }, after: { n: 42 }, want: UNCHANGED },
    ],
    [
      'sameNumber: "42" vs "42.0"',
      {
        rule: nullable("n", { equals: sameNumber }),
        before: { n: "42" },
        after: { n: "42.0" },
        want: UNCHANGED,
      },
    ],
    [
      "sameNumber: 42 vs 43",
      { rule: nullable("n", { equals: sameNumber }), before: { n: "42" }, after: { n: 43 }, want: 43 },
    ],
    [
      "map applies to values, not to null",
      { rule: nullable("n", { map: Number }), before: { n: "1" }, after: { n: null }, want: null },
    ],
    [
      "map applies to the sent value",
      {
        rule: nullable("n", { equals: sameNumber, map: Number }),
        before: { n: "1" },
        after: { n: "2.50" },
        want: 2.5,
      },
    ],
  ];
  it.each(cases)("%s", (_, { rule, before, after, want }) => {
    const { got, issues } = runRule(rule, before, after);
    expect(got).toEqual(want);
    expect(issues).toEqual([]);
  });

  it("value() sends null for a null field", () => {
    expect(nullable<R, "v">("v").value?.({ v: null })).toBeNull();
  });
});
