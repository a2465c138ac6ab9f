import { describe, expect, it } from "vitest";
import type { OpenApiDocument } from "../src/spec.ts";
import { keywordsOf, readOnlyPaths, toValidationSchema } from "../src/validation-schema.ts";

const doc: OpenApiDocument = {
  components: {
    schemas: {
      Name: { type: "string", minLength: 1, maxLength: 100, description: "dropped" },
      Phone: { type: "string", pattern: "^\\+[1-9]\\d{1,14}$", example: "+421901234567" },
      Person: {
        type: "object",
        properties: { id: { type: "string", readOnly: true }, name: { $ref: "#/components/schemas/Name" } },
      },
      Loop: { type: "object", properties: { next: { $ref: "#/components/schemas/Loop" } } },
    },
  },
};

describe("toValidationSchema", () => {
  it.each([
    [
      "a reference is inlined and prose dropped",
      { $ref: "#/components/schemas/Name" },
      { type: "string", minLength: 1, maxLength: 100 },
    ],
    ["const becomes a one-value enum", { const: 429 }, { enum: [429] }],
    [
      "formats the validator checks are kept",
      { type: "string", format: "email" },
      { type: "string", format: "email" },
    ],
    [
      "rules that say nothing are left out",
      { type: "object", additionalProperties: true, properties: { a: { type: "array", items: {} } } },
      { type: "object", properties: { a: { type: "array" } } },
    ],
    [
      "an anyOf of bare types is one list of types",
      {
        anyOf: [
          { type: "string" },
          { type: "object", additionalProperties: true },
          { type: "array", items: {} },
        ],
      },
      { type: ["string", "object", "array"] },
    ],
    [
      "an anyOf with any other rule stays",
      { anyOf: [{ type: "string", maxLength: 3 }, { type: "null" }] },
      { anyOf: [{ type: "string", maxLength: 3 }, { type: "null" }] },
    ],
    [
      "a oneOf of bare types stays (an integer is a number too)",
      { oneOf: [{ type: "integer" }, { type: "number" }] },
      { oneOf: [{ type: "integer" }, { type: "number" }] },
    ],
    [
      "propertyNames",
      { type: "object", propertyNames: { $ref: "#/components/schemas/Name" } },
      { type: "object", propertyNames: { type: "string", minLength: 1, maxLength: 100 } },
    ],
    [
      "extensions become keywords",
      { type: "object", "x-patchwise-max-bytes": 10240, "x-patchwise-max-depth": 5, maxProperties: 50 },
      { type: "object", maxProperties: 50, maxBytes: 10240, maxDepth: 5 },
    ],
    [
      "a future date",
      { type: "string", format: "date", "x-patchwise-future-date": true },
      { type: "string", format: "date", futureDate: true },
    ],
    [
      "allOf parts merge their properties and required lists",
      {
        allOf: [
          { type: "object", properties: { a: { type: "string" } }, required: ["a"] },
          { properties: { b: { $ref: "#/components/schemas/Phone" } }, required: ["b"] },
        ],
        anyOf: [{ required: ["a"] }, { required: ["b"] }],
      },
      {
        type: "object",
        properties: { a: { type: "string" }, b: { type: "string", pattern: "^\\+[1-9]\\d{1,14}$" } },
        required: ["a", "b"],
        anyOf: [{ required: ["a"] }, { required: ["b"] }],
      },
    ],
    [
      "arrays, maps and nullable types",
      {
        type: ["array", "null"],
        maxItems: 20,
        items: { type: "object", additionalProperties: { type: "number" } },
      },
      {
        type: ["array", "null"],
        maxItems: 20,
        items: { type: "object", additionalProperties: { type: "number" } },
      },
    ],
  ])("%s", (_name, given, want) => {
    expect(toValidationSchema(doc, given)).toEqual(want);
  });

  it.each([
    [
      "a keyword",
      { type: "object", properties: { a: { type: "number", multipleOf: 2 } } },
      "body.a: multipleOf",
    ],
    ["a format", { type: "array", items: { type: "string", format: "hostname" } }, "body[]: format hostname"],
    ["uri-reference (only read shapes use it)", { format: "uri-reference" }, "body: format uri-reference"],
    ["OpenAPI 3.0's nullable", { type: "string", nullable: true }, "body: nullable"],
  ])("refuses %s the validator cannot check, naming where", (_name, given, want) => {
    expect(() => toValidationSchema(doc, given)).toThrow(want);
  });

  it("refuses a recursive schema rather than looping", () => {
    expect(() => toValidationSchema(doc, { $ref: "#/components/schemas/Loop" })).toThrow(
      "recursive schema #/components/schemas/Loop",
    );
  });

  it("names a reference that leads nowhere", () => {
    expect(() => toValidationSchema(doc, { $ref: "#/components/schemas/Nope" })).toThrow(
      "unresolved reference #/components/schemas/Nope",
    );
  });
});

describe("keywordsOf", () => {
  it("lists the checks a table needs, a format by its name, in every branch and item", () => {
    const schema = {
      type: "object",
      maxProperties: 5,
      properties: {
        emails: { type: "array", items: { type: "string", format: "email" } },
        value: { anyOf: [{ type: "string", format: "date-time" }, { enum: ["a"] }] },
      },
      additionalProperties: { type: "string", pattern: "^a" },
    };
    expect(keywordsOf(schema)).toEqual(["anyOf", "date-time", "email", "enum", "maxProperties", "pattern"]);
  });

  it("is empty for a table of types only", () => {
    expect(keywordsOf({ type: "object", required: ["a"], properties: { a: { type: "string" } } })).toEqual(
      [],
    );
  });
});

describe("readOnlyPaths", () => {
  it("finds readOnly properties a body reaches through references and items", () => {
    const body = { type: "array", items: { $ref: "#/components/schemas/Person" } };
    expect(readOnlyPaths(doc, body)).toEqual(["body[].id"]);
  });

  it("is empty for a clean write shape", () => {
    expect(readOnlyPaths(doc, { $ref: "#/components/schemas/Name" })).toEqual([]);
  });
});
