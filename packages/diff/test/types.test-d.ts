// Type tests: checked by `tsc` (pnpm typecheck), never run. Each @ts-expect-error sits on the exact line
// the compiler reports.
import { expectTypeOf } from "vitest";
import {
  type DiffResult,
  defineResource,
  diff,
  type FieldRule,
  keyedList,
  mergeMap,
  nullable,
  replaceList,
  replaceObject,
  sameDay,
  scalar,
  writeOnly,
} from "../src/index.ts";

interface Read {
  id: string;
  name: string | null;
  age: number;
  birthday: string | null;
  linkedin_id: string;
  emails: readonly string[];
  groups: { id: string; name: string }[] | null;
  fields: { attribute_id: string; value: string | null }[];
  custom: Record<string, Record<string, string | number | null>>;
  meta: Record<string, unknown> | null;
}

interface Patch {
  name?: string;
  birthday?: string | null;
  linkedin_url?: string;
  emails?: string[];
  groups?: { id: string }[];
  fields?: { attribute_id: string; value?: string; clear_all?: boolean }[];
  custom?: { [group: string]: { [field: string]: string | number | null } };
  meta?: Record<string, unknown> | null;
  enrich?: boolean;
}

// The factories infer Read from the rule table's contextual type: no type arguments needed.
const person = defineResource<Read, Patch>({
  fields: {
    name: scalar("name", { clear: "" }),
    birthday: nullable("birthday", { equals: sameDay }),
    linkedin_url: scalar("linkedin_id", { map: (id) => `https://www.linkedin.com/in/${id}` }),
    emails: replaceList("emails", { ordered: true }),
    groups: replaceList("groups", { ordered: true, item: (g) => ({ id: g.id }) }),
    fields: keyedList("fields", {
      key: "attribute_id",
      item: (b, a) =>
        b?.value === a.value
          ? undefined
          : a.value === null
            ? { attribute_id: a.attribute_id, clear_all: true }
            : { attribute_id: a.attribute_id, value: a.value },
    }),
    custom: mergeMap("custom", {
      depth: 2,
      within: (a, b) => new Set((a.groups ?? b.groups ?? []).map((g) => g.id)),
    }),
    meta: replaceObject("meta"),
    enrich: writeOnly("side effect"),
  },
  companions: [{ field: "custom", requires: "groups" }],
});

declare const before: Read;
declare const after: Read;
const result = diff(person, before, after);
expectTypeOf(result).toEqualTypeOf<DiffResult<Patch>>();
expectTypeOf(result.body).toEqualTypeOf<Patch>();
expectTypeOf(result.changed).toEqualTypeOf<(keyof Patch & string)[]>();

// Each factory's own type, given explicit type arguments.
expectTypeOf(scalar<Read, "name">("name")).toEqualTypeOf<FieldRule<Read, string>>();
expectTypeOf(nullable<Read, "name">("name")).toEqualTypeOf<FieldRule<Read, string | null>>();
expectTypeOf(replaceList<Read, "emails">("emails", { ordered: false })).toEqualTypeOf<
  FieldRule<Read, string[]>
>();
expectTypeOf(replaceObject<Read, "meta">("meta")).toEqualTypeOf<
  FieldRule<Read, Record<string, unknown> | null>
>();
expectTypeOf(mergeMap<Read, "custom", 1>("custom", { depth: 1 })).toEqualTypeOf<
  FieldRule<Read, { [key: string]: Record<string, string | number | null> | null }>
>();
expectTypeOf(
  mergeMap<Read, "custom", 2, string>("custom", { depth: 2, value: (v) => String(v) }),
).toEqualTypeOf<FieldRule<Read, { [key: string]: { [key: string]: string | null } }>>();

// A table that misses a PATCH field fails to compile.
defineResource<Read, Pick<Patch, "name" | "emails">>({
  // @ts-expect-error `emails` has no rule
  fields: { name: scalar("name") },
});

// A rule for a key the PATCH type lacks fails to compile.
defineResource<Read, Pick<Patch, "name">>({
  fields: {
    name: scalar("name"),
    // @ts-expect-error `nickname` is not a PATCH field
    nickname: scalar("name"),
  },
});

// A factory given a read key the read type lacks fails to compile.
defineResource<Read, Pick<Patch, "name">>({
  // @ts-expect-error `nmae` is not a read key
  fields: { name: scalar("nmae") },
});

// A read value that does not fit the write type fails to compile.
defineResource<Read, Pick<Patch, "name">>({
  // @ts-expect-error `age` is a number, `name` takes a string
  fields: { name: scalar("age") },
});

// A nullable rule for a field that cannot be null fails to compile.
defineResource<Read, Pick<Patch, "name">>({
  // @ts-expect-error `name` cannot be sent as null
  fields: { name: nullable("name") },
});

// A `clear` value of the wrong type fails to compile.
// @ts-expect-error `clear` must be a string
scalar<Read, "name">("name", { clear: 0 });

// List rules only take list keys.
defineResource<Read, Pick<Patch, "emails">>({
  // @ts-expect-error `linkedin_id` is not a list
  fields: { emails: replaceList("linkedin_id", { ordered: true }) },
});

// A list's item map must give the PATCH item type.
defineResource<Read, Pick<Patch, "groups">>({
  // @ts-expect-error `name` alone is not a `{ id }`
  fields: { groups: replaceList("groups", { ordered: false, item: (g) => ({ name: g.name }) }) },
});

// A keyed list's key must be a field of its items.
defineResource<Read, Pick<Patch, "fields">>({
  fields: {
    fields: keyedList("fields", {
      // @ts-expect-error `id` is not a field of the items
      key: "id",
      item: (_, a) => ({ attribute_id: a.attribute_id }),
    }),
  },
});

// A merge map's leaves must fit the PATCH leaves.
defineResource<Read, Pick<Patch, "custom">>({
  // @ts-expect-error the leaves are mapped to booleans, the PATCH takes strings, numbers or null
  fields: { custom: mergeMap("custom", { depth: 2, value: (v) => v === 1 }) },
});

// Companions name PATCH fields.
defineResource<Read, Pick<Patch, "name">>({
  fields: { name: scalar("name") },
  // @ts-expect-error `groups` is not a PATCH field of this resource
  companions: [{ field: "name", requires: "groups" }],
});

// writeOnly fits any field.
expectTypeOf(writeOnly()).toExtend<FieldRule<Read, boolean>>();
