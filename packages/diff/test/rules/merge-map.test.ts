import { describe, expect, it } from "vitest";
import { mergeMap, sameNumber } from "../../src/index.ts";
import { runRule, UNCHANGED } from "../helpers.ts";

type Leaf = string | number | null;
interface R {
  groups?: string[];
  custom?: Record<string, Record<string, Leaf> | null> | null;
  flat?: Record<string, Leaf> | null;
}
type Case = [string, { before: R; after: R; want: unknown }];

describe("mergeMap depth 2", () => {
  const custom = mergeMap<R, "custom", 2>("custom", { depth: 2, equals: sameNumber });
  const cases: Case[] = [
    ["absent: not managed", { before: { custom: { g1: { a: "1" } } }, after: {}, want: UNCHANGED }],
    [
      "equal",
      { before: { custom: { g1: { a: "1" } } }, after: { custom: { g1: { a: "1" } } }, want: UNCHANGED },
    ],
    [
      "numeric strings equal numbers",
      { before: { custom: { g1: { a: "42" } } }, after: { custom: { g1: { a: 42 } } }, want: UNCHANGED },
    ],
    [
      '"42.0" equals "42"',
      { before: { custom: { g1: { a: "42" } } }, after: { custom: { g1: { a: "42.0" } } }, want: UNCHANGED },
    ],
    [
      "only the changed leaf, under its group",
      {
        before: { custom: { g1: { a: "1", b: "x" }, g2: { c: "y" } } },
        after: { custom: { g1: { a: "2", b: "x" }, g2: { c: "y" } } },
        want: { g1: { a: "2" } },
      },
    ],
    [
      "entries absent from after are left as they are",
      {
        before: { custom: { g1: { a: "1", b: "x" }, g2: { c: "y" } } },
        after: { custom: { g1: { b: "z" } } },
        want: { g1: { b: "z" } },
      },
    ],
    [
      "null unsets a set leaf",
      {
        before: { custom: { g1: { a: "1" } } },
        after: { custom: { g1: { a: null } } },
        want: { g1: { a: null } },
      },
    ],
    [
      "null over an unset leaf: nothing to do",
      {
        before: { custom: { g1: { a: null } } },
        after: { custom: { g1: { a: null, b: null } } },
        want: UNCHANGED,
      },
    ],
    ["a new group and leaf", { before: {}, after: { custom: { g2: { a: "v" } } }, want: { g2: { a: "v" } } }],
    [
      "a null group unsets each of its set leaves",
      {
        before: { custom: { g1: { a: "1", b: null, c: "3" } } },
        after: { custom: { g1: null } },
        want: { g1: { a: null, c: null } },
      },
    ],
    [
      "a null map unsets every set leaf",
      {
        before: { custom: { g1: { a: "1" }, g2: { b: "2", c: null } } },
        after: { custom: null },
        want: { g1: { a: null }, g2: { b: null } },
      },
    ],
    [
      "keys are sorted at every level",
      {
        before: {},
        after: { custom: { zz: { b: "1", a: "2" }, aa: { d: "3", c: "4" } } },
        want: { aa: { c: "4", d: "3" }, zz: { a: "2", b: "1" } },
      },
    ],
  ];
  it.each(cases)("%s", (_, { before, after, want }) => {
    const { got } = runRule(custom, before, after);
    expect(got).toEqual(want);
    if (typeof got === "object") expect(JSON.stringify(got)).toBe(JSON.stringify(want));
  });

  const within = mergeMap<R, "custom", 2>("custom", {
    depth: 2,
    within: (after, before) => new Set(after.groups ?? before.groups),
  });
  const withinCases: Case[] = [
    [
      "a group outside `within` is never sent",
      {
        before: { groups: ["g1", "g2"], custom: { g1: { a: "1" }, g2: { b: "2" } } },
        after: { groups: ["g1"], custom: { g1: { a: "9" }, g2: { b: "9" } } },
        want: { g1: { a: "9" } },
      },
    ],
    [
      "a removed group's values are not unset by hand",
      {
        before: { groups: ["g1", "g2"], custom: { g1: { a: "1" }, g2: { b: "2" } } },
        after: { groups: ["g1"], custom: null },
        want: { g1: { a: null } },
      },
    ],
    [
      "only changes outside `within`: nothing to send",
      {
        before: { groups: ["g1"], custom: { g1: { a: "1" } } },
        after: { groups: ["g1"], custom: { g1: { a: "1" }, g9: { z: "1" } } },
        want: UNCHANGED,
      },
    ],
    [
      "`within` sees before when after leaves the groups unmanaged",
      {
        before: { groups: ["g2"], custom: {} },
        after: { custom: { g1: { a: "1" }, g2: { b: "2" } } },
        want: { g2: { b: "2" } },
      },
    ],
  ];
  it.each(withinCases)("within: %s", (_, { before, after, want }) => {
    expect(runRule(within, before, after).got).toEqual(want);
  });

  it("maps sent leaves with `value`", () => {
    const mapped = mergeMap<R, "custom", 2, string>("custom", {
      depth: 2,
      value: (v) => String(v).toUpperCase(),
    });
    expect(
      runRule(mapped, { custom: { g: { a: "x", b: "y" } } }, { custom: { g: { a: "z", b: null } } }).got,
    ).toEqual({
      g: { a: "Z", b: null },
    });
  });

  it("value() gives every set leaf", () => {
    expect(custom.value?.({ custom: { g2: { b: "1", a: null }, g1: { c: 2 } } })).toEqual({
      g1: { c: 2 },
      g2: { b: "1" },
    });
    expect(custom.value?.({ custom: null })).toEqual({});
    expect(custom.value?.({})).toBe(UNCHANGED);
  });
});

describe("mergeMap depth 1", () => {
  const flat = mergeMap<R, "flat", 1>("flat", { depth: 1 });
  const cases: Case[] = [
    [
      "changed, added and unset entries",
      {
        before: { flat: { a: "1", b: "2", c: "3" } },
        after: { flat: { a: "1", b: "9", c: null, d: "4" } },
        want: { b: "9", c: null, d: "4" },
      },
    ],
    [
      "strict equality without sameNumber",
      { before: { flat: { a: "1" } }, after: { flat: { a: 1 } }, want: { a: 1 } },
    ],
    ["null map", { before: { flat: { a: "1", b: null } }, after: { flat: null }, want: { a: null } }],
    ["null over null", { before: { flat: null }, after: { flat: null }, want: UNCHANGED }],
    ["empty after: nothing managed", { before: { flat: { a: "1" } }, after: { flat: {} }, want: UNCHANGED }],
  ];
  it.each(cases)("%s", (_, { before, after, want }) => {
    expect(runRule(flat, before, after).got).toEqual(want);
  });
});
