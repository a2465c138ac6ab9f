import { describe, expect, it } from "vitest";
import { toJson } from "../src/json.ts";

describe("toJson", () => {
  it.each([
    ["drops undefined-valued keys", { a: 1, b: undefined }, { a: 1 }],
    ["turns undefined array slots into null", [1, undefined], [1, null]],
    ["copies nested objects", { a: { b: [{ c: 1 }] } }, { a: { b: [{ c: 1 }] } }],
  ])("%s", (_name, given, want) => {
    expect(toJson(given)).toEqual(want);
  });

  it('keeps a "__proto__" key as data, never as the prototype', () => {
    const given = JSON.parse('{"__proto__":{"polluted":true},"a":1}');
    const copy = toJson(given) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(["__proto__", "a"]);
    expect(JSON.stringify(copy)).toBe('{"__proto__":{"polluted":true},"a":1}');
  });
});
