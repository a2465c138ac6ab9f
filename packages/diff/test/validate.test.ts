import { describe, expect, it } from "vitest";
import {
  excerpt,
  issue,
  type ObjectSchema,
  type ValidationIssue,
  validate as validateWith,
} from "../src/index.ts";
import { fail, type Keyword, keywords, maxLength, minLength } from "../src/keywords.ts";
import { NOW } from "./helpers.ts";

type Case = [string, { schema: ObjectSchema; value: unknown; want: Partial<ValidationIssue>[] }];

const long = (n: number, c = "x") => c.repeat(n);

/** `validate` with every keyword check at hand. */
const validate: typeof validateWith = (schema, value, options) =>
  validateWith({ keywords, ...schema }, value, options);

describe("validate: one case per rule", () => {
  const cases: Case[] = [
    [
      "type",
      {
        schema: { type: "string" },
        value: 3,
        want: [
          {
            path: "",
            rule: "type",
            limit: "string",
            message: "(body): must be string (got integer)",
            value: "3",
          },
        ],
      },
    ],
    [
      "type list",
      {
        schema: { type: ["string", "null"] },
        value: [],
        want: [{ rule: "type", limit: "string|null", message: "(body): must be string or null (got array)" }],
      },
    ],
    ["integer is a number", { schema: { type: "number" }, value: 3, want: [] }],
    [
      "a fraction is not an integer",
      {
        schema: { type: "integer" },
        value: 3.5,
        want: [{ rule: "type", message: "(body): must be integer (got number)" }],
      },
    ],
    [
      "enum",
      {
        schema: { enum: ["APPLIED", "REJECTED"] },
        value: "HIRED",
        want: [
          {
            rule: "enum",
            limit: '"APPLIED", "REJECTED"',
            message: '(body): must be one of "APPLIED", "REJECTED" (got "HIRED")',
            value: "HIRED",
          },
        ],
      },
    ],
    ["enum with null", { schema: { enum: ["male", "female", null] }, value: null, want: [] }],
    [
      "minLength",
      {
        schema: { minLength: 1 },
        value: "",
        want: [{ rule: "minLength", limit: 1, message: "(body): must be at least 1 characters (got 0)" }],
      },
    ],
    [
      "maxLength",
      {
        schema: { maxLength: 254 },
        value: long(301),
        want: [
          { rule: "maxLength", limit: 254, message: "(body): must be at most 254 characters (got 301)" },
        ],
      },
    ],
    ["maxLength counts code points", { schema: { maxLength: 2 }, value: "😀😀", want: [] }],
    [
      "maxLength counts code points, over",
      {
        schema: { maxLength: 2 },
        value: "😀😀😀",
        want: [{ rule: "maxLength", message: "(body): must be at most 2 characters (got 3)" }],
      },
    ],
    [
      "minLength counts code points among plain characters",
      {
        schema: { minLength: 4 },
        value: "a😀b",
        want: [{ rule: "minLength", message: "(body): must be at least 4 characters (got 3)" }],
      },
    ],
    ["a lone surrogate is one character", { schema: { maxLength: 2 }, value: "\uDC00\uD800", want: [] }],
    [
      "pattern",
      {
        schema: { pattern: "^\\+[1-9]\\d{1,14}$" },
        value: "0044 20",
        want: [
          {
            rule: "pattern",
            limit: "^\\+[1-9]\\d{1,14}$",
            message: '(body): must match ^\\+[1-9]\\d{1,14}$ (got "0044 20")',
          },
        ],
      },
    ],
    ["pattern is unanchored unless anchored", { schema: { pattern: "\\d" }, value: "a1b", want: [] }],
    [
      "pattern that is only valid without the u flag",
      { schema: { pattern: "^a\\-b$" }, value: "a-b", want: [] },
    ],
    [
      "minimum",
      {
        schema: { minimum: 0 },
        value: -1,
        want: [{ rule: "minimum", limit: 0, message: "(body): must be at least 0 (got -1)" }],
      },
    ],
    [
      "maximum",
      {
        schema: { maximum: 100 },
        value: 101,
        want: [{ rule: "maximum", limit: 100, message: "(body): must be at most 100 (got 101)" }],
      },
    ],
    [
      "minItems",
      {
        schema: { minItems: 1 },
        value: [],
        want: [{ rule: "minItems", limit: 1, message: "(body): must be at least 1 items (got 0)" }],
      },
    ],
    [
      "maxItems",
      {
        schema: { maxItems: 2 },
        value: [1, 2, 3],
        want: [
          {
            rule: "maxItems",
            limit: 2,
            message: "(body): must be at most 2 items (got 3)",
            value: "[1,2,3]",
          },
        ],
      },
    ],
    [
      "maxProperties",
      {
        schema: { maxProperties: 1 },
        value: { a: 1, b: 2 },
        want: [{ rule: "maxProperties", limit: 1, message: "(body): must be at most 1 properties (got 2)" }],
      },
    ],
    [
      "max-bytes counts UTF-8",
      {
        schema: { maxBytes: 10 },
        value: { é: "😀" },
        want: [
          { rule: "max-bytes", limit: 10, message: "(body): must be at most 10 bytes as JSON (got 13)" },
        ],
      },
    ],
    ["max-bytes within", { schema: { maxBytes: 13 }, value: { é: "😀" }, want: [] }],
    [
      "max-depth",
      {
        schema: { maxDepth: 2 },
        value: { a: { b: { c: 1 } } },
        want: [{ rule: "max-depth", limit: 2, message: "(body): must be at most 2 levels deep (got 3)" }],
      },
    ],
    [
      "max-depth within",
      { schema: { maxDepth: 2 }, value: { a: [1, { b: 1 }] }, want: [{ rule: "max-depth" }] },
    ],
    [
      "required",
      {
        schema: { type: "object", required: ["attribute_id"] },
        value: { value: "x" },
        want: [
          {
            path: "attribute_id",
            rule: "required",
            limit: "attribute_id",
            message: "attribute_id: is required",
          },
        ],
      },
    ],
    [
      "additionalProperties false",
      {
        schema: { type: "object", additionalProperties: false, properties: { id: { type: "string" } } },
        value: { id: "g1", name: "One" },
        want: [
          {
            path: "name",
            rule: "additionalProperties",
            message: "name: is not allowed (allowed: id)",
            value: "One",
          },
        ],
      },
    ],
    [
      "additionalProperties schema",
      {
        schema: { type: "object", additionalProperties: { type: "number" } },
        value: { a: 1, b: "2" },
        want: [{ path: "b", rule: "type", message: "b: must be number (got string)" }],
      },
    ],
    [
      "future-date",
      {
        schema: { futureDate: true },
        value: "2025-06-15",
        want: [
          {
            rule: "future-date",
            limit: "2025-06-15",
            message: '(body): must be a date after 2025-06-15 (got "2025-06-15")',
          },
        ],
      },
    ],
    ["future-date tomorrow", { schema: { futureDate: true }, value: "2025-06-16", want: [] }],
    [
      "future-date as a timestamp, past",
      { schema: { futureDate: true }, value: "2025-06-15T11:59:59Z", want: [{ rule: "future-date" }] },
    ],
    [
      "future-date as a timestamp, future",
      { schema: { futureDate: true }, value: "2025-06-15T12:00:01Z", want: [] },
    ],
  ];
  it.each(cases)("%s", (_, { schema, value, want }) => {
    const got = validate(schema, value, { now: NOW });
    expect(got).toHaveLength(want.length);
    for (const [i, w] of want.entries()) expect(got[i]).toMatchObject(w);
  });
});

describe("validate: formats", () => {
  const cases: [string, string, string, boolean][] = [
    ["date", "date", "2024-02-29", true],
    ["date not in a leap year", "date", "2023-02-29", false],
    ["date month 13", "date", "2024-13-01", false],
    ["date day 0", "date", "2024-01-00", false],
    ["date June 31", "date", "2025-06-31", false],
    ["date month 0", "date", "2025-00-10", false],
    ["date of year 0, a leap year", "date", "0000-02-29", true],
    ["date with a short month", "date", "2025-1-01", false],
    ["date with time", "date", "2024-01-01T00:00:00Z", false],
    ["date-time Z", "date-time", "2024-01-01T10:20:30Z", true],
    ["date-time fraction and offset", "date-time", "2024-01-01T10:20:30.123+05:30", true],
    ["date-time lower case", "date-time", "2024-01-01t10:20:30z", true],
    ["date-time without zone", "date-time", "2024-01-01T10:20:30", false],
    ["date-time hour 24", "date-time", "2024-01-01T24:00:00Z", false],
    ["date-time Feb 30", "date-time", "2024-02-30T10:00:00Z", false],
    ["date-time minute 60", "date-time", "2024-02-01T10:60:00Z", false],
    ["date-time offset hour 24", "date-time", "2024-02-01T10:00:00+24:00", false],
    ["email", "email", "ada@example.co.uk", true],
    ["email without a dot", "email", "ada@localhost", false],
    ["email with spaces", "email", "ada lovelace@example.com", false],
    ["email without a local part", "email", "@example.com", false],
    ["uri", "uri", "https://www.linkedin.com/in/ada", true],
    ["uri urn", "uri", "urn:isbn:0451450523", true],
    ["uri relative", "uri", "/in/ada", false],
    ["uri without a scheme", "uri", "www.linkedin.com", false],
    ["uuid", "uuid", "123e4567-e89b-12d3-a456-426614174000", true],
    ["uuid short", "uuid", "123e4567-e89b-12d3-a456-42661417400", false],
  ];
  it.each(cases)("%s", (_, format, value, valid) => {
    const got = validate({ format }, value);
    expect(got).toEqual(
      valid
        ? []
        : [
            {
              path: "",
              rule: "format",
              limit: format,
              message: `(body): must be a valid ${format} (got ${JSON.stringify(value)})`,
              value,
            },
          ],
    );
  });
});

describe("validate: keywords", () => {
  it("checks a schema with only the keyword checks it names", () => {
    const schema: ObjectSchema = {
      keywords: { maxLength },
      type: "array",
      items: { type: "string", maxLength: 3 },
    };
    expect(validateWith(schema, ["abc", "abcd"])).toEqual([
      {
        path: "[1]",
        rule: "maxLength",
        limit: 3,
        message: "[1]: must be at most 3 characters (got 4)",
        value: "abcd",
      },
    ]);
  });
  it("needs no check for type, properties, required, additionalProperties and items", () => {
    const schema: ObjectSchema = {
      type: "object",
      required: ["id"],
      additionalProperties: false,
      properties: { id: { type: "string" }, tags: { type: "array", items: { type: "string" } } },
    };
    expect(validateWith(schema, { id: "a", tags: ["x"] })).toEqual([]);
    expect(validateWith(schema, { tags: [1] }).map((i) => i.message)).toEqual([
      "id: is required",
      "tags[0]: must be string (got integer)",
    ]);
  });
  it.each([
    ["a keyword", { type: "string", maxLength: 3 }, "validate: no check for maxLength at name"],
    ["a format", { type: "string", format: "int64" }, "validate: no check for int64 at name"],
    [
      "a key objects inherit",
      { type: "string", format: "toString" },
      "validate: no check for toString at name",
    ],
  ] satisfies [string, ObjectSchema, string][])("throws naming %s it has no check for", (_, name, want) => {
    const schema: ObjectSchema = { keywords: { minLength }, type: "object", properties: { name } };
    expect(() => validateWith(schema, { name: "x" })).toThrow(want);
  });
  it("takes checks of your own", () => {
    const even: Keyword = (_: true, v: number, t, p, c) => {
      if (t === "integer" && v % 2) fail(c, p, "even", "must be even", undefined, v);
    };
    const schema = { keywords: { even }, type: "integer", even: true } as ObjectSchema;
    expect(validateWith(schema, 4)).toEqual([]);
    expect(validateWith(schema, 3)).toEqual([
      { path: "", rule: "even", message: "(body): must be even (got 3)", value: "3" },
    ]);
  });
  it("propertyNames: each key, at its path", () => {
    const schema: ObjectSchema = { propertyNames: { type: "string", minLength: 3 } };
    expect(validate(schema, { abc: 1, ab: 2 })).toEqual([
      {
        path: "ab",
        rule: "minLength",
        limit: 3,
        message: "ab: key must be at least 3 characters (got 2)",
        value: "ab",
      },
    ]);
    expect(validate({ properties: { m: schema } }, { m: { x: 1 } })[0]?.message).toBe(
      "m.x: key must be at least 3 characters (got 1)",
    );
  });
});

describe("validate: paths", () => {
  const schema: ObjectSchema = {
    type: "object",
    properties: {
      emails: { type: "array", items: { type: "string", maxLength: 254 } },
      customFieldValues: {
        type: "object",
        additionalProperties: {
          type: "object",
          additionalProperties: { type: ["string", "number", "null"] },
        },
      },
    },
  };
  it("names array items and nested keys", () => {
    const got = validate(schema, {
      emails: ["a", "b", "c", long(301)],
      customFieldValues: { grp_1: { Score: true } },
    });
    expect(got.map((i) => i.message)).toEqual([
      "emails[3]: must be at most 254 characters (got 301)",
      "customFieldValues.grp_1.Score: must be string or number or null (got boolean)",
    ]);
    expect(got[0]?.path).toBe("emails[3]");
    expect(got[1]?.path).toBe("customFieldValues.grp_1.Score");
  });
  it("prefixes a given path", () => {
    expect(validate({ type: "string" }, 1, { path: "body.name" })[0]?.message).toBe(
      "body.name: must be string (got integer)",
    );
  });
  it("reports every issue, not the first", () => {
    const got = validate({ type: "array", maxItems: 1, items: { type: "string", minLength: 2 } }, ["a", "b"]);
    expect(got.map((i) => i.rule)).toEqual(["maxItems", "minLength", "minLength"]);
  });
  it("stops at a type mismatch", () => {
    expect(validate({ type: "string", minLength: 5, pattern: "^a" }, 12)).toHaveLength(1);
  });
});

describe("validate: anyOf and oneOf", () => {
  const company: ObjectSchema = {
    oneOf: [
      {
        type: "object",
        required: ["id"],
        additionalProperties: false,
        properties: { id: { type: "string", maxLength: 40 } },
      },
      {
        type: "object",
        required: ["name"],
        additionalProperties: false,
        properties: { name: { type: "string", maxLength: 500 } },
      },
    ],
  };
  it("passes when exactly one branch matches", () => {
    expect(validate(company, { id: "com_1" })).toEqual([]);
    expect(validate(company, { name: "Acme" })).toEqual([]);
  });
  it("fails when no branch matches", () => {
    expect(validate(company, { id: "com_1", name: "Acme" })).toEqual([
      {
        path: "",
        rule: "oneOf",
        limit: 2,
        message: '(body): must match exactly one of 2 shapes (got {"id":"com_1","name":"Acme"})',
        value: '{"id":"com_1","name":"Acme"}',
      },
    ]);
  });
  it("fails when two branches match", () => {
    const loose: ObjectSchema = { oneOf: [{ type: "string" }, { maxLength: 3 }] };
    expect(validate(loose, "ab")[0]).toMatchObject({
      rule: "oneOf",
      message: "(body): must match exactly one of 2 shapes (got 2 matches)",
    });
  });
  it("anyOf passes with several matches", () => {
    expect(validate({ anyOf: [{ type: "string" }, { maxLength: 3 }] }, "ab")).toEqual([]);
  });
  it("reports the issues of the one branch whose type fits", () => {
    const nullableName: ObjectSchema = { anyOf: [{ type: "string", maxLength: 3 }, { type: "null" }] };
    expect(validate(nullableName, "abcd")).toEqual([
      {
        path: "",
        rule: "maxLength",
        limit: 3,
        message: "(body): must be at most 3 characters (got 4)",
        value: "abcd",
      },
    ]);
    expect(validate(nullableName, null)).toEqual([]);
    expect(validate(nullableName, 1)[0]).toMatchObject({
      rule: "anyOf",
      message: "(body): must match one of 2 shapes (got 1)",
    });
  });
});

describe("excerpt and issue", () => {
  it("cuts values to 40 characters", () => {
    expect(excerpt(long(40))).toBe(long(40));
    expect(excerpt(long(41))).toBe(`${long(39)}…`);
    expect(excerpt({ a: 1 })).toBe('{"a":1}');
    expect(excerpt(undefined)).toBe("undefined");
  });
  it("builds an issue line", () => {
    expect(issue("emails[3]", "maxLength", "must be at most 254 characters", 254, 301, long(301))).toEqual({
      path: "emails[3]",
      rule: "maxLength",
      limit: 254,
      message: "emails[3]: must be at most 254 characters (got 301)",
      value: `${long(39)}…`,
    });
    expect(issue("a", "required", "is required", undefined, null)).toEqual({
      path: "a",
      rule: "required",
      message: "a: is required",
    });
  });
});
