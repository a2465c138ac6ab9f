import { describe, expect, it } from "vitest";
import { replaceObject } from "../../src/index.ts";
import { runRule, UNCHANGED } from "../helpers.ts";

interface R {
  meta?: Record<string, unknown> | null;
}
type Case = [string, { before: R; after: R; want: unknown }];

describe("replaceObject", () => {
  const meta = replaceObject<R, "meta">("meta");
  const cases: Case[] = [
    ["absent: not managed", { before: { meta: { a: 1 } }, after: {}, want: UNCHANGED }],
    [
      "key order is ignored",
      {
        before: { meta: { a: 1, b: { c: [1, 2], d: null } } },
        after: { meta: { b: { d: null, c: [1, 2] }, a: 1 } },
        want: UNCHANGED,
      },
    ],
    [
      "undefined-valued keys are ignored",
      { before: { meta: { a: 1 } }, after: { meta: { a: 1, b: undefined } }, want: UNCHANGED },
    ],
    [
      "a nested change sends the whole object",
      {
        before: { meta: { a: 1, b: { c: 1 } } },
        after: { meta: { a: 1, b: { c: 2 } } },
        want: { a: 1, b: { c: 2 } },
      },
    ],
    [
      "a removed key sends the whole object",
      { before: { meta: { a: 1, b: 2 } }, after: { meta: { a: 1 } }, want: { a: 1 } },
    ],
    [
      "array order matters inside",
      { before: { meta: { a: [1, 2] } }, after: { meta: { a: [2, 1] } }, want: { a: [2, 1] } },
    ],
    ["null clears with null", { before: { meta: { a: 1 } }, after: { meta: null }, want: null }],
    ["null over null", { before: { meta: null }, after: { meta: null }, want: UNCHANGED }],
    ["{} over null is a change", { before: { meta: null }, after: { meta: {} }, want: {} }],
  ];
  it.each(cases)("%s", (_, { before, after, want }) => {
    expect(runRule(meta, before, after).got).toEqual(want);
  });

  const notNullable = replaceObject<R, "meta">("meta", { clear: {} });
  const clearCases: Case[] = [
    ["null clears with `clear`", { before: { meta: { a: 1 } }, after: { meta: null }, want: {} }],
    ["null over the clear value", { before: { meta: {} }, after: { meta: null }, want: UNCHANGED }],
    ["the clear value over null", { before: { meta: null }, after: { meta: {} }, want: UNCHANGED }],
  ];
  it.each(clearCases)("with clear: %s", (_, { before, after, want }) => {
    expect(runRule(notNullable, before, after).got).toEqual(want);
  });
});
