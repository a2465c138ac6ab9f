// The README example, kept true.
import { expect, it } from "vitest";
import { defineResource, diff, mergeMap, nullable, replaceList, sameDay, scalar } from "../src/index.ts";
import { maxLength } from "../src/keywords.ts";
import { defineThreeWay, diff3, mergeEntries, mergeList, mergeValue } from "../src/three-way.ts";

type Person = {
  name: string | null;
  birthday: string | null;
  groups: { id: string; name: string }[];
  custom: Record<string, Record<string, unknown>>;
};
type PersonPatch = {
  name?: string;
  birthday?: string | null;
  groups?: { id: string }[];
  custom?: Record<string, Record<string, unknown>>;
};

const person = defineResource<Person, PersonPatch>({
  fields: {
    name: scalar("name", { clear: "" }),
    birthday: nullable("birthday", { equals: sameDay }),
    groups: replaceList("groups", { ordered: true, item: (g) => ({ id: g.id }) }),
    custom: mergeMap("custom", {
      depth: 2,
      within: (a, b) => new Set((a.groups ?? b.groups).map((g) => g.id)),
    }),
  },
  companions: [{ field: "custom", requires: "groups" }],
  schema: {
    keywords: { maxLength },
    type: "object",
    properties: { name: { type: "string", maxLength: 500 } },
  },
});

it("gives the body the README shows", () => {
  const before: Person = {
    name: "Ada",
    birthday: null,
    groups: [{ id: "g1", name: "VIP" }],
    custom: { g1: { Score: "1" } },
  };
  const { body, noop, changed } = diff(person, before, { ...before, custom: { g1: { Score: 2 } } });
  expect({ body, noop, changed }).toEqual({
    body: { groups: [{ id: "g1" }], custom: { g1: { Score: 2 } } },
    noop: false,
    changed: ["groups", "custom"],
  });
  expect(diff(person, before, { ...before, birthday: null, name: "Ada" }).noop).toBe(true);
});

it("gives the three-way result the README shows", () => {
  const person3 = defineThreeWay(person, {
    name: mergeValue("name"),
    birthday: mergeValue("birthday"),
    groups: mergeList("groups", { ordered: true, item: (g: { id: string }) => g.id }),
    custom: mergeEntries("custom", { depth: 2 }),
  });
  const base: Person = { name: "Ada", birthday: null, groups: [{ id: "g1", name: "VIP" }], custom: {} };
  const current: Person = { ...base, name: "Ada L.", groups: [...base.groups, { id: "g2", name: "Met" }] };
  const desired: Person = {
    ...base,
    name: "Ada King",
    groups: [{ id: "g3", name: "Hired" }, ...base.groups],
  };
  const { body, conflicts, merged } = diff3(person3, { base, current, desired }, { prefer: "current" });
  expect(body).toEqual({ groups: [{ id: "g3" }, { id: "g1" }, { id: "g2" }] });
  expect(conflicts).toEqual([
    { field: "name", base: "Ada", current: "Ada L.", desired: "Ada King", kept: "current" },
  ]);
  expect({ ...current, ...merged }.groups.map((g) => g.id)).toEqual(["g3", "g1", "g2"]);
});
