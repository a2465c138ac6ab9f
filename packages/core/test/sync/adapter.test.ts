import { describe, expect, expectTypeOf, it } from "vitest";
import {
  type FullBody,
  fullBodyOf,
  type ResourceAdapter,
  type SyncReport,
  syncRecords,
} from "../../src/index.ts";

type Read = { name: string; tags: { id: string; label: string }[]; secret?: string };
type Patch = { name?: string; tags?: { id: string }[]; secret?: string; enrich?: boolean };

const UNCHANGED: unique symbol = Symbol.for("patchwise.unchanged") as never;

/** A rule table as @patchwise/diff types one: a rule per PATCH field, `value` giving its write form. */
type RuleTable = {
  [K in keyof Patch]-?: {
    kind: string;
    value?(record: Read): Exclude<Patch[K], undefined> | typeof UNCHANGED;
  };
};

const rules: RuleTable = {
  name: { kind: "scalar", value: (r) => r.name },
  tags: { kind: "replace-list", value: (r) => r.tags.map((t) => ({ id: t.id })) },
  secret: { kind: "scalar", value: (r) => r.secret ?? UNCHANGED }, // absent: no value
  enrich: { kind: "write-only" }, // never part of a full body
};

describe("fullBodyOf", () => {
  it("takes every rule's defined value, in table order", () => {
    const record: Read = { name: "Ada", tags: [{ id: "t1", label: "VIP" }] };
    const body = fullBodyOf(rules, record);
    expect(body).toEqual({ name: "Ada", tags: [{ id: "t1" }] });
    expect(Object.keys(fullBodyOf(rules, { ...record, secret: "s" }))).toEqual(["name", "tags", "secret"]);
    expectTypeOf(body).toExtend<Patch>();
    expectTypeOf<FullBody<RuleTable>["tags"]>().toEqualTypeOf<{ id: string }[] | undefined>();
  });

  it("takes only a record of the rules' read type", () => {
    // @ts-expect-error -- `name` must be a string
    expect(fullBodyOf(rules, { name: 1, tags: [] })).toEqual({ name: 1, tags: [] });
  });
});

describe("ResourceAdapter", () => {
  it("types the report by the desired shape", async () => {
    type Desired = Partial<Read> & { id?: string };
    const adapter: ResourceAdapter<Read & { id: string }, Patch, Desired> = {
      resource: "typed",
      id: (r) => r.id,
      get: async () => undefined,
      async *list() {},
      patch: async () => {},
      diff: () => ({ body: {}, noop: true, changed: [] }),
      fullBody: () => ({}),
      rateLimit: () => undefined,
    };
    const report = await syncRecords(adapter, [{ id: "x", name: "Ada" }]);
    expectTypeOf(report).toEqualTypeOf<SyncReport<Desired>>();
    expect(report.failures[0]).toMatchObject({ code: "NOT_FOUND", record: { id: "x", name: "Ada" } });
  });
});
