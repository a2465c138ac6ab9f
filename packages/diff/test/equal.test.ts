import { describe, expect, it } from "vitest";
import { deepEqual, sameDay, sameInstant, sameNumber } from "../src/index.ts";

type Case = [string, { a: unknown; b: unknown; want: boolean }];

describe("deepEqual", () => {
  const cases: Case[] = [
    ["same primitives", { a: "x", b: "x", want: true }],
    ["different types", { a: 1, b: "1", want: false }],
    ["null vs object", { a: null, b: {}, want: false }],
    ["null vs null", { a: null, b: null, want: true }],
    ["key order ignored", { a: { a: 1, b: 2 }, b: { b: 2, a: 1 }, want: true }],
    ["undefined-valued keys ignored", { a: { a: 1, c: undefined }, b: { a: 1 }, want: true }],
    ["undefined-valued key vs a value", { a: { a: undefined }, b: { a: null }, want: false }],
    ["extra key", { a: { a: 1 }, b: { a: 1, b: 2 }, want: false }],
    ["arrays element-wise", { a: [1, [2, { x: 3 }]], b: [1, [2, { x: 3 }]], want: true }],
    ["array order matters", { a: [1, 2], b: [2, 1], want: false }],
    ["array lengths", { a: [1], b: [1, 1], want: false }],
    ["array vs object", { a: [], b: {}, want: false }],
    ["object vs array", { a: { length: 0 }, b: [], want: false }],
    ["inherited names are not keys", { a: {}, b: { toString: "x" }, want: false }],
    ["undefined array slots equal", { a: [1, undefined], b: [1, undefined], want: true }],
    ["an undefined array slot vs null", { a: [undefined], b: [null], want: false }],
    ["an undefined array slot vs a shorter array", { a: [1, undefined], b: [1], want: false }],
    ["nested arrays of objects", { a: [{ a: [1] }], b: [{ a: [2] }], want: false }],
    ["an object with a length key vs one without", { a: { length: 1 }, b: {}, want: false }],
    // contract.test.ts (StackOne, deterministic) found this: `length` was compared by identity.
    ["objects with equal non-primitive length keys", { a: { length: [] }, b: { length: [] }, want: true }],
  ];
  it.each(cases)("%s", (_, { a, b, want }) => {
    expect(deepEqual(a, b)).toBe(want);
    expect(deepEqual(b, a)).toBe(want);
  });
});

describe("sameDay", () => {
  const cases: Case[] = [
    ["same date", { a: "2030-01-02", b: "2030-01-02", want: true }],
    ["date vs a UTC timestamp that day", { a: "2030-01-02", b: "2030-01-02T23:59:59Z", want: true }],
    [
      "date vs an offset timestamp on that UTC day",
      { a: "2030-01-02", b: "2030-01-01T20:00:00-05:00", want: true },
    ],
    [
      "date vs an offset timestamp on the next UTC day",
      { a: "2030-01-02", b: "2030-01-02T20:00:00-05:00", want: false },
    ],
    [
      "date vs a zoneless timestamp: its date part",
      { a: "2030-01-02", b: "2030-01-02T23:00:00", want: true },
    ],
    ["two timestamps on one day", { a: "2030-01-02T01:00:00Z", b: "2030-01-02T22:00:00.000Z", want: true }],
    ["another day", { a: "2030-01-02", b: "2030-01-03", want: false }],
    ["not dates: strict", { a: "tomorrow", b: "tomorrow", want: true }],
    ["not dates: strict, different", { a: "hello world!", b: "hello world?", want: false }],
    ["non-strings: deep-equal", { a: 1, b: 1, want: true }],
  ];
  it.each(cases)("%s", (_, { a, b, want }) => {
    expect(sameDay(a, b)).toBe(want);
    expect(sameDay(b, a)).toBe(want);
  });
});

describe("sameInstant", () => {
  const cases: Case[] = [
    ["Z vs .000Z", { a: "2021-01-01T01:01:01Z", b: "2021-01-01T01:01:01.000Z", want: true }],
    ["offsets", { a: "2021-01-01T01:01:01Z", b: "2021-01-01T03:01:01+02:00", want: true }],
    ["a second apart", { a: "2021-01-01T01:01:01Z", b: "2021-01-01T01:01:02Z", want: false }],
    ["milliseconds count", { a: "2021-01-01T01:01:01.001Z", b: "2021-01-01T01:01:01Z", want: false }],
    ["zoneless is read as UTC", { a: "2021-01-01T01:01:01", b: "2021-01-01T01:01:01.000Z", want: true }],
    [
      "zoneless is never local time",
      { a: "2021-01-01T01:01:01", b: "2021-01-01T02:01:01+01:00", want: true },
    ],
    ["unparseable: strict", { a: "soon", b: "soon", want: true }],
    ["unparseable vs a date", { a: "soon", b: "2021-01-01T01:01:01Z", want: false }],
  ];
  it.each(cases)("%s", (_, { a, b, want }) => {
    expect(sameInstant(a, b)).toBe(want);
    expect(sameInstant(b, a)).toBe(want);
  });
});

describe("sameNumber", () => {
  const cases: Case[] = [
    ['42 vs "42"', { a: 42, b: "42", want: true }],
    ['"42" vs "42.0"', { a: "42", b: "42.0", want: true }],
    ["decimals", { a: 2.5, b: "2.50", want: true }],
    ["exponents", { a: 1000, b: "1e3", want: true }],
    ["negative", { a: -3, b: "-3", want: true }],
    ["different numbers", { a: 42, b: "43", want: false }],
    ["empty string is not zero", { a: 0, b: "", want: false }],
    ["hex is not a decimal", { a: 16, b: "0x10", want: false }],
    ["non-numeric strings: strict", { a: "abc", b: "abc", want: true }],
    ["arrays: deep-equal", { a: ["x"], b: ["x"], want: true }],
    ["null vs 0", { a: null, b: 0, want: false }],
  ];
  it.each(cases)("%s", (_, { a, b, want }) => {
    expect(sameNumber(a, b)).toBe(want);
    expect(sameNumber(b, a)).toBe(want);
  });
});
