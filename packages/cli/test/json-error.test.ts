import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { jsonErrorOffset, lineColumn } from "../src/json-error.ts";

describe("jsonErrorOffset", () => {
  it.each([
    ["a missing value", '{"a": }', 6],
    ["a trailing comma", '{"a": 1,}', 8],
    ["an unquoted key", "{a: 1}", 1],
    ["a bad literal", "[tru]", 4],
    ["a bad escape", '"\\x"', 2],
    ["a bad unicode escape", '"\\u12g4"', 5],
    ["a raw newline in a string", '"a\nb"', 2],
    ["a leading zero", "01", 1],
    ["text after the value", "{} {}", 3],
    ["an end too soon", '{"a": [1, 2', 11],
    ["nothing at all", "", 0],
  ])("finds %s", (_name, text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
    expect(() => JSON.parse(text)).toThrow();
  });

  test.prop([fc.json()])("accepts what JSON.stringify writes", (text) => {
    expect(jsonErrorOffset(text)).toBeUndefined();
    expect(jsonErrorOffset(JSON.stringify(JSON.parse(text), null, 2))).toBeUndefined();
  });

  test.prop([fc.json(), fc.nat(), fc.constantFrom("}", "]", ",", ":", '"', "x", "\n")])(
    "agrees with JSON.parse on what is valid",
    (text, at, char) => {
      const i = at % (text.length + 1);
      const mutated = text.slice(0, i) + char + text.slice(i);
      let valid = true;
      try {
        JSON.parse(mutated);
      } catch {
        valid = false;
      }
      expect(jsonErrorOffset(mutated) === undefined).toBe(valid);
    },
  );
});

describe("lineColumn", () => {
  it("counts from 1", () => {
    expect(lineColumn("ab\ncd\ne", 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn("ab", 0)).toEqual({ line: 1, column: 1 });
  });
});
