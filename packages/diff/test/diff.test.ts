import { describe, expect, it } from "vitest";
import {
  defineResource,
  diff,
  type FieldRule,
  nullable,
  PatchValidationError,
  replaceList,
  scalar,
  type UNCHANGED,
  writeOnly,
} from "../src/index.ts";
import { date, email, enumValues, futureDate, maxItems, maxLength, minLength } from "../src/keywords.ts";
import { type ContactRead, diffContact } from "./fixtures/contact.ts";
import { deepFreeze, NOW } from "./helpers.ts";

const base: ContactRead = {
  id: "c1",
  updatedAt: "2025-01-01T00:00:00Z",
  first_name: "Ada",
  nickname: null,
  birthday: "1990-12-10",
  score: "42",
  seen_at: "2021-01-01T01:01:01Z",
  profile_id: "ada",
  emails: ["ada@x.io"],
  tags: [{ id: "a", name: "Alpha" }],
  groups: [
    { id: "g1", name: "One" },
    { id: "g2", name: "Two" },
  ],
  fields: [{ attribute_id: "t1", kind: "text", value: "x" }],
  custom: { g1: { Score: "1" }, g2: { Note: "hi" } },
  prefs: { lang: "en" },
  meta: { a: 1 },
};

type Case = [string, { after: Partial<ContactRead>; want: Record<string, unknown> }];

describe("diff: the body", () => {
  const cases: Case[] = [
    ["nothing managed", { after: {}, want: {} }],
    ["read-only fields only", { after: { id: "other", updatedAt: "2030-01-01T00:00:00Z" }, want: {} }],
    [
      "equivalent encodings",
      {
        after: {
          score: 42,
          birthday: "1990-12-10T10:00:00Z",
          seen_at: "2021-01-01T01:01:01.000Z",
          tags: [{ id: "a", name: "renamed" }],
        },
        want: {},
      },
    ],
    ["one scalar", { after: { first_name: "Ada L." }, want: { first_name: "Ada L." } }],
    [
      "a renamed write field",
      { after: { profile_id: "ada2" }, want: { profile_url: "https://example.test/in/ada2" } },
    ],
    [
      "several fields, in rule-table order",
      {
        after: { meta: { a: 2 }, emails: [], nickname: "A" },
        want: { nickname: "A", emails: [], meta: { a: 2 } },
      },
    ],
    [
      "a custom value brings the full groups list (companion)",
      {
        after: { custom: { g1: { Score: 2 } } },
        want: { groups: [{ id: "g1" }, { id: "g2" }], custom: { g1: { Score: 2 } } },
      },
    ],
    [
      "a custom value with new groups: groups from after",
      {
        after: {
          groups: [
            { id: "g1", name: "One" },
            { id: "g3", name: "Three" },
          ],
          custom: { g3: { Score: 5 } },
        },
        want: { groups: [{ id: "g1" }, { id: "g3" }], custom: { g3: { Score: 5 } } },
      },
    ],
    [
      "a removed group: its values are never sent",
      {
        after: {
          groups: [{ id: "g1", name: "One" }],
          custom: { g1: { Score: "1" }, g2: { Note: "changed" } },
        },
        want: { groups: [{ id: "g1" }] },
      },
    ],
    ["an unchanged value is not sent", { after: { first_name: "Ada", emails: ["ada@x.io"] }, want: {} }],
  ];
  it.each(cases)("%s", (_, { after, want }) => {
    const before = deepFreeze(structuredClone(base));
    const got = diffContact(before, deepFreeze({ ...structuredClone(base), ...after }));
    expect(got.body).toEqual(want);
    expect(JSON.stringify(got.body)).toBe(JSON.stringify(want));
    expect(got.changed).toEqual(Object.keys(want));
    expect(got.noop).toBe(Object.keys(want).length === 0);
  });

  it("has no undefined-valued keys anywhere and shares no objects with the inputs", () => {
    interface R {
      meta?: Record<string, unknown> | null;
      list?: { id: string; note?: string | undefined }[];
    }
    interface P {
      meta?: Record<string, unknown> | null;
      list?: { id: string; note?: string | undefined }[];
    }
    const spec = defineResource<R, P>({
      fields: { meta: nullable("meta"), list: replaceList("list", { ordered: true }) },
    });
    const after = {
      meta: { a: 1, b: undefined, c: { d: undefined, e: [1, undefined] } },
      list: [{ id: "x", note: undefined }],
    };
    const { body } = diff(spec, {}, after);
    expect(body).toStrictEqual({ meta: { a: 1, c: { e: [1, null] } }, list: [{ id: "x" }] });
    expect(body.meta).not.toBe(after.meta);
    expect(body.list?.[0]).not.toBe(after.list[0]);
  });

  it("skips a custom rule that returns undefined", () => {
    interface R {
      a?: string;
    }
    const lazy: FieldRule<R, string> = {
      kind: "custom",
      diff: () => undefined as unknown as typeof UNCHANGED,
    };
    expect(diff(defineResource<R, { a?: string }>({ fields: { a: lazy } }), {}, { a: "x" }).noop).toBe(true);
  });
});

describe("diff: companions", () => {
  interface R {
    groups?: { id: string }[] | null;
    values?: string | null;
    extra?: string | null;
  }
  interface P {
    groups?: { id: string }[];
    values?: string | null;
    extra?: string | null;
  }
  const fields = {
    groups: replaceList<R, "groups">("groups", { ordered: true }),
    values: nullable<R, "values">("values"),
    extra: nullable<R, "extra">("extra"),
  };

  it("adds the required field from before when after leaves it unmanaged", () => {
    const spec = defineResource<R, P>({ fields, companions: [{ field: "values", requires: "groups" }] });
    expect(diff(spec, { groups: [{ id: "g" }], values: "a" }, { values: "b" }).body).toEqual({
      groups: [{ id: "g" }],
      values: "b",
    });
  });

  it("chains in declared order", () => {
    const spec = defineResource<R, P>({
      fields,
      companions: [
        { field: "extra", requires: "values" },
        { field: "values", requires: "groups" },
      ],
    });
    const got = diff(spec, { groups: [], values: "v", extra: "a" }, { extra: "b" });
    expect(got.body).toEqual({ groups: [], values: "v", extra: "b" });
    expect(got.changed).toEqual(["groups", "values", "extra"]);
  });

  it("does nothing when the field is not sent", () => {
    const spec = defineResource<R, P>({ fields, companions: [{ field: "values", requires: "groups" }] });
    expect(diff(spec, { groups: [{ id: "g" }], values: "a" }, { values: "a" }).noop).toBe(true);
  });

  it("is an issue when neither record has the required field", () => {
    const spec = defineResource<R, P>({ fields, companions: [{ field: "values", requires: "groups" }] });
    expect(() => diff(spec, { values: "a" }, { values: "b" })).toThrow(
      "groups: must be sent with values (got no value in either record)",
    );
  });

  it("is an issue when the required rule is write-only", () => {
    const spec = defineResource<R, P>({
      fields: { ...fields, groups: writeOnly() },
      companions: [{ field: "values", requires: "groups" }],
    });
    expect(() => diff(spec, { groups: [], values: "a" }, { values: "b" })).toThrow(PatchValidationError);
  });
});

describe("diff: validation", () => {
  interface R {
    name?: string | null;
    status?: string;
    expires?: string;
    emails?: string[];
  }
  interface P {
    name?: string;
    status?: string;
    expires?: string;
    emails?: string[];
  }
  const spec = defineResource<R, P>({
    fields: {
      name: scalar("name"),
      status: scalar("status"),
      expires: scalar("expires"),
      emails: replaceList("emails", { ordered: true }),
    },
    schema: {
      keywords: { date, email, enum: enumValues, futureDate, maxItems, maxLength, minLength },
      type: "object",
      additionalProperties: false,
      properties: {
        name: { type: "string", minLength: 1, maxLength: 5 },
        status: { enum: ["APPLIED", "REJECTED"] },
        expires: { type: "string", format: "date", futureDate: true },
        emails: { type: "array", maxItems: 2, items: { type: "string", format: "email" } },
      },
    },
    check: (body) =>
      body.status === "REJECTED" && body.emails
        ? [
            {
              path: "emails",
              rule: "rejected-read-only",
              message: "emails: cannot change on a rejected candidate",
            },
          ]
        : [],
  });

  it("throws every issue at once, each on its own line", () => {
    const before = { name: "Ada", status: "APPLIED", expires: "2030-01-01", emails: [] };
    const after = {
      name: null,
      status: "HIRED",
      expires: "2020-01-01",
      emails: ["a@x.io", "nope", "c@x.io"],
    };
    let error: unknown;
    try {
      diff(spec, before, after, { now: NOW });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PatchValidationError);
    const e = error as PatchValidationError;
    expect(e.name).toBe("PatchValidationError");
    expect(e.issues.map((i) => [i.path, i.rule, i.limit])).toEqual([
      ["name", "not-nullable", undefined],
      ["status", "enum", '"APPLIED", "REJECTED"'],
      ["expires", "future-date", "2025-06-15"],
      ["emails", "maxItems", 2],
      ["emails[1]", "format", "email"],
    ]);
    expect(e.message).toBe(
      [
        "Invalid PATCH body:",
        "  name: cannot be cleared (got null)",
        '  status: must be one of "APPLIED", "REJECTED" (got "HIRED")',
        '  expires: must be a date after 2025-06-15 (got "2020-01-01")',
        "  emails: must be at most 2 items (got 3)",
        '  emails[1]: must be a valid email (got "nope")',
      ].join("\n"),
    );
  });

  it("runs the provider's cross-field check", () => {
    expect(() => diff(spec, { status: "APPLIED" }, { status: "REJECTED", emails: ["a@x.io"] })).toThrow(
      /emails: cannot change on a rejected candidate/,
    );
  });

  it("an unchanged past date is not re-sent, so it is not an issue", () => {
    const before = { expires: "2020-01-01" };
    expect(diff(spec, before, { expires: "2020-01-01", name: "Bob" }, { now: NOW }).body).toEqual({
      name: "Bob",
    });
  });

  it("uses `now` for today", () => {
    expect(diff(spec, {}, { expires: "2026-01-01" }, { now: NOW }).body).toEqual({ expires: "2026-01-01" });
    expect(() =>
      diff(spec, {}, { expires: "2026-01-01" }, { now: new Date("2026-01-01T00:00:00Z") }),
    ).toThrow(/future|after/);
  });

  it("validates only a body it sends: nothing sent breaks no constraint", () => {
    type S = Pick<P, "name" | "status">;
    const strict = defineResource<S, S>({
      fields: { name: scalar("name"), status: scalar("status") },
      schema: { type: "object", required: ["status"], properties: { status: { type: "string" } } },
    });
    expect(diff(strict, { name: "Ada" }, { name: "Ada" })).toEqual({ body: {}, noop: true, changed: [] });
    expect(() => diff(strict, { name: "Ada" }, { name: "Bob" })).toThrow(/status: is required/);
  });

  it("the error chains a cause", () => {
    const cause = new Error("root");
    expect(new PatchValidationError([], { cause }).cause).toBe(cause);
  });
});
