import { describe, expect, it } from "vitest";
import {
  type ConflictPolicy,
  type Diff3Outcome,
  type ResourceAdapter,
  type SyncConflict,
  type SyncProgress,
  syncRecords,
} from "../../src/index.ts";
import { memoryAdapter, type Thing, type ThingPatch } from "./memory-adapter.ts";

/** A `MergeConflictError` as `@patchwise/diff/three-way` throws it, read structurally by the runner. */
class FakeConflictError extends Error {
  override readonly name = "MergeConflictError";
  constructor(readonly conflicts: SyncConflict[]) {
    super(`Changed on both sides: ${conflicts.map((c) => c.field).join(", ")}`);
  }
}

/** The three-way diff of a thing: `name` by value (a conflict when both changed it), `tags` as a set. */
function diff3Thing(
  two: ResourceAdapter<Thing, ThingPatch>["diff"],
  { base, current, desired }: { base: Thing; current: Thing; desired: Thing },
  prefer: ConflictPolicy,
): Diff3Outcome<ThingPatch> {
  const merged: Thing = { ...desired };
  const conflicts: SyncConflict[] = [];
  if (desired.name !== undefined && desired.name !== base.name && current.name !== base.name) {
    if (desired.name !== current.name) {
      const kept = prefer === "current" ? "current" : "desired";
      conflicts.push({ field: "name", base: base.name, current: current.name, desired: desired.name, kept });
      if (kept === "current") delete merged.name;
    }
  } else if (desired.name === base.name) delete merged.name;
  if (desired.tags !== undefined) {
    const [b, d] = [base.tags ?? [], desired.tags];
    const theirs = (current.tags ?? []).filter((t) => !b.includes(t) || d.includes(t));
    merged.tags = [...new Set([...theirs, ...d.filter((t) => !b.includes(t))])];
  }
  if (prefer === "fail" && conflicts.length) throw new FakeConflictError(conflicts);
  return { ...two(current, merged), conflicts, merged };
}

/** A memory resource whose adapter diffs three-way. */
function threeWay(initial: Thing[]) {
  const memory = memoryAdapter(initial);
  const adapter: ResourceAdapter<Thing, ThingPatch> = {
    ...memory.adapter,
    diff3: (records, prefer) => diff3Thing(memory.adapter.diff, records, prefer),
  };
  return { ...memory, adapter };
}

describe("syncRecords with base snapshots", () => {
  it("applies only the changes since the base: a tag added by hand meanwhile stays", async () => {
    const { adapter, store } = threeWay([{ id: "t0", name: "Ada", tags: ["a", "by-hand"] }]);
    const bases = new Map<string, Thing>([["t0", { id: "t0", name: "Ada", tags: ["a"] }]]);
    const report = await syncRecords(adapter, [{ id: "t0", tags: ["a", "b"] }], { bases });
    expect(store.get("t0")?.tags).toEqual(["a", "by-hand", "b"]);
    expect(report).toMatchObject({ patched: 1, conflicts: 0, conflicted: [] });
    expect(bases.get("t0")).toEqual({ id: "t0", name: "Ada", tags: ["a", "by-hand", "b"] });
  });

  it("without a base, diffs two-way (the desired list wins whole) and records the base for next time", async () => {
    const { adapter, store } = threeWay([{ id: "t0", name: "Ada", tags: ["a", "by-hand"] }]);
    const bases = new Map<string, Thing>();
    await syncRecords(adapter, [{ id: "t0", tags: ["a", "b"] }], { bases });
    expect(store.get("t0")?.tags).toEqual(["a", "b"]);
    expect(bases.get("t0")).toEqual({ id: "t0", name: "Ada", tags: ["a", "b"] });
  });

  it("an unchanged record gets the current record as its base", async () => {
    const { adapter } = threeWay([{ id: "t0", name: "Ada", tags: ["a"], views: 3 }]);
    const bases = new Map<string, Thing>();
    const report = await syncRecords(adapter, [{ id: "t0", name: "Ada" }], { bases });
    expect(report.unchanged).toBe(1);
    expect(bases.get("t0")).toEqual({ id: "t0", name: "Ada", tags: ["a"], views: 3 });
  });

  it("counts and reports conflicts, in the report and in progress outcomes", async () => {
    const { adapter, store } = threeWay([{ id: "t0", name: "Grace", tags: [] }]);
    const bases = new Map<string, Thing>([["t0", { id: "t0", name: "Ada", tags: [] }]]);
    const progress: SyncProgress[] = [];
    const report = await syncRecords(adapter, [{ id: "t0", name: "Augusta" }], {
      bases,
      onProgress: (p) => progress.push(p),
    });
    const conflict = { field: "name", base: "Ada", current: "Grace", desired: "Augusta", kept: "desired" };
    expect(store.get("t0")?.name).toBe("Augusta");
    expect(report).toMatchObject({
      patched: 1,
      conflicts: 1,
      conflicted: [{ index: 0, id: "t0", conflicts: [conflict] }],
    });
    expect(progress).toMatchObject([
      { type: "record", outcome: { status: "patched", conflicts: [conflict] } },
    ]);
  });

  it('prefer "current": the other side keeps the field; nothing to send is an unchanged record', async () => {
    const { adapter, store, calls } = threeWay([{ id: "t0", name: "Grace", tags: [] }]);
    const bases = new Map<string, Thing>([["t0", { id: "t0", name: "Ada", tags: [] }]]);
    const report = await syncRecords(adapter, [{ id: "t0", name: "Augusta" }], { bases, prefer: "current" });
    expect(store.get("t0")?.name).toBe("Grace");
    expect(calls).toEqual(["GET t0"]);
    expect(report).toMatchObject({
      unchanged: 1,
      conflicts: 1,
      conflicted: [{ conflicts: [{ kept: "current" }] }],
    });
  });

  it('prefer "fail": the record fails with each conflicting field, nothing is sent and its base stays', async () => {
    const { adapter, calls } = threeWay([{ id: "t0", name: "Grace", tags: [] }]);
    const base = { id: "t0", name: "Ada", tags: [] };
    const bases = new Map<string, Thing>([["t0", base]]);
    const report = await syncRecords(adapter, [{ id: "t0", name: "Augusta" }], { bases, prefer: "fail" });
    expect(calls).toEqual(["GET t0"]);
    expect(report).toMatchObject({ failed: 1, conflicts: 1 });
    expect(report.failures[0]).toMatchObject({
      stage: "diff",
      code: "MergeConflictError",
      issues: [{ path: "name", rule: "conflict", message: "name: changed on both sides since the base" }],
    });
    expect(bases.get("t0")).toBe(base);
  });

  it("a dry run sets no base", async () => {
    const { adapter } = threeWay([{ id: "t0", name: "Ada", tags: [] }]);
    const bases = new Map<string, Thing>();
    const report = await syncRecords(adapter, [{ id: "t0", name: "Augusta" }], { bases, dryRun: true });
    expect(report.patched).toBe(1);
    expect(bases.size).toBe(0);
  });

  it("an async store works; a base it cannot save fails the record, saying it was patched", async () => {
    const { adapter, store } = threeWay([
      { id: "t0", name: "Ada", tags: [] },
      { id: "t1", name: "Bob", tags: [] },
    ]);
    const saved = new Map<string, Thing>([["t1", { id: "t1", name: "Bob", tags: [] }]]);
    const bases = {
      get: async (id: string) => saved.get(id),
      set: async (id: string, record: Thing) => {
        if (id === "t0") throw new Error("disk full");
        saved.set(id, record);
      },
    };
    const report = await syncRecords(
      adapter,
      [
        { id: "t0", name: "Augusta" },
        { id: "t1", tags: ["x"] },
      ],
      { bases, concurrency: 1 },
    );
    expect(store.get("t0")?.name).toBe("Augusta");
    expect(report).toMatchObject({ patched: 1, failed: 1 });
    expect(report.failures[0]).toMatchObject({
      id: "t0",
      stage: "state",
      message: "patched, but its base was not saved: disk full",
    });
    expect(saved.get("t1")).toEqual({ id: "t1", name: "Bob", tags: ["x"] });
  });

  it("an adapter without diff3 diffs two-way even with a base", async () => {
    const memory = memoryAdapter([{ id: "t0", name: "Ada", tags: ["a", "by-hand"] }]);
    const bases = new Map<string, Thing>([["t0", { id: "t0", name: "Ada", tags: ["a"] }]]);
    await syncRecords(memory.adapter, [{ id: "t0", tags: ["a", "b"] }], { bases });
    expect(memory.store.get("t0")?.tags).toEqual(["a", "b"]);
  });
});
