import { describe, expect, it } from "vitest";
import {
  failureLines,
  PatchwiseNetworkError,
  PatchwiseTimeoutError,
  type ResourceAdapter,
  type SyncReport,
  syncRecords,
} from "../../src/index.ts";
import { apiError, memoryAdapter, type Thing, type ThingPatch } from "./memory-adapter.ts";

/** What one create or look-up meets: `lost`, `timeout` and `stored-5xx` store the record, then fail. */
type Fault = "ok" | "lost" | "timeout" | "stored-5xx" | "5xx" | "429" | "400" | "501";

const errorOf = (fault: Exclude<Fault, "ok">): Error =>
  fault === "lost"
    ? new PatchwiseNetworkError("POST /things: fetch failed")
    : fault === "timeout"
      ? new PatchwiseTimeoutError("POST /things timed out after 10000 ms")
      : fault === "429"
        ? apiError(429, "RATE_LIMITED")
        : fault === "400"
          ? apiError(400, "INVALID_REQUEST")
          : fault === "501"
            ? apiError(501, "NOT_IMPLEMENTED")
            : apiError(502, "BAD_GATEWAY");

/**
 * The memory resource with upserts: the natural key is the name, folded to lower case; creates and
 * look-ups meet the faults given, in order.
 */
function keyedAdapter(initial: Thing[], faults: { create?: Fault[]; lookup?: Fault[] } = {}) {
  const mem = memoryAdapter(initial);
  const create = [...(faults.create ?? [])];
  const lookup = [...(faults.lookup ?? [])];
  let next = 0;
  const key = (t: Thing) => t.name?.trim().toLowerCase() || undefined;
  const adapter: ResourceAdapter<Thing, ThingPatch> = {
    ...mem.adapter,
    naturalKey: key,
    async findByKey(record) {
      mem.calls.push(`FIND ${key(record)}`);
      const fault = lookup.shift() ?? "ok";
      if (fault !== "ok") throw errorOf(fault);
      return [...mem.store.values()].filter((t) => key(t) === key(record)).map((t) => structuredClone(t));
    },
    async create(record) {
      mem.calls.push(`CREATE ${key(record)}`);
      const fault = create.shift() ?? "ok";
      if (fault === "5xx" || fault === "429" || fault === "400") throw errorOf(fault);
      const id = `n${next++}`;
      mem.store.set(id, {
        id,
        name: record.name ?? "",
        tags: [...(record.tags ?? [])].slice(0, 1),
        views: 0,
      });
      if (fault !== "ok") throw errorOf(fault);
      return { id };
    },
  };
  return { ...mem, adapter };
}

const instant = { sleep: async () => {}, concurrency: 4 };

function expectBalanced(report: SyncReport<unknown>) {
  const { read, unchanged, patched, created, failed, notAttempted, failures, pending } = report;
  expect(unchanged + patched + created + failed + notAttempted).toBe(read);
  expect(failures).toHaveLength(failed);
  expect(pending).toHaveLength(notAttempted);
}

const names = (store: Map<string, Thing>) => [...store.values()].map((t) => t.name).sort();

describe("syncRecords upserts", () => {
  it("creates a record the provider lacks, reads it back and patches what the create left out", async () => {
    const mem = keyedAdapter([{ id: "t0", name: "Ada", tags: ["a"] }]);
    const report = await syncRecords(mem.adapter, [{ name: "Grace", tags: ["x", "y"] }], instant);
    expectBalanced(report);
    expect(report).toMatchObject({ created: 1, patched: 0, failed: 0, requests: 4 });
    // The fake create keeps one tag: the follow-up PATCH sends the rest.
    expect(mem.calls).toEqual(["FIND grace", "CREATE grace", "GET n0", "PATCH n0"]);
    expect(mem.store.get("n0")).toMatchObject({ name: "Grace", tags: ["x", "y"] });
  });

  it("patches the record found by natural key, whatever its case", async () => {
    const mem = keyedAdapter([{ id: "t0", name: "Ada", tags: ["a"] }]);
    const progress: unknown[] = [];
    const report = await syncRecords(mem.adapter, [{ name: "ada", tags: ["b"] }], {
      ...instant,
      onProgress: (p) => p.type === "record" && progress.push(p.outcome),
    });
    expect(report).toMatchObject({ created: 0, patched: 1 });
    expect(progress).toEqual([{ index: 0, id: "t0", status: "patched", changed: ["name", "tags"] }]);
    expect(mem.store.size).toBe(1);
  });

  it("upserts a record whose id answers 404", async () => {
    const mem = keyedAdapter([]);
    const report = await syncRecords(mem.adapter, [{ id: "gone", name: "Lin", tags: ["a"] }], instant);
    expect(report).toMatchObject({ created: 1, failed: 0 });
    expect(mem.calls.slice(0, 3)).toEqual(["GET gone", "FIND lin", "CREATE lin"]);
  });

  it.each([
    ["a lost connection", "lost"],
    ["a timeout", "timeout"],
    ["a 5xx after the write", "stored-5xx"],
  ] as const)("after %s, looks the record up and never creates it twice", async (_, fault) => {
    const mem = keyedAdapter([], { create: [fault] });
    const report = await syncRecords(mem.adapter, [{ name: "Ada", tags: ["a"] }], instant);
    expectBalanced(report);
    expect(report).toMatchObject({ created: 1, failed: 0 });
    expect(mem.calls.filter((c) => c.startsWith("CREATE"))).toHaveLength(1);
    expect(mem.calls.slice(0, 3)).toEqual(["FIND ada", "CREATE ada", "FIND ada"]);
    expect(names(mem.store)).toEqual(["Ada"]);
  });

  it("creates again only when the look-up after a 5xx finds nothing stored", async () => {
    const mem = keyedAdapter([], { create: ["5xx", "5xx"] });
    const report = await syncRecords(mem.adapter, [{ name: "Ada", tags: ["a"] }], instant);
    expect(report).toMatchObject({ created: 1, failed: 0 });
    expect(mem.calls.slice(0, 6)).toEqual([
      "FIND ada",
      "CREATE ada",
      "FIND ada",
      "CREATE ada",
      "FIND ada",
      "CREATE ada",
    ]);
    expect(names(mem.store)).toEqual(["Ada"]);
  });

  it("sends a POST refused with 429 again after the wait, without a look-up", async () => {
    const waits: number[] = [];
    const mem = keyedAdapter([], { create: ["429"] });
    const report = await syncRecords(mem.adapter, [{ name: "Ada", tags: ["a"] }], {
      ...instant,
      settleDelayMs: 250,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect(report.created).toBe(1);
    expect(mem.calls.slice(0, 3)).toEqual(["FIND ada", "CREATE ada", "CREATE ada"]);
    expect(waits).toEqual([250]);
  });

  it("fails a refused create with the provider's status and code, and stops after the attempts", async () => {
    const refused = keyedAdapter([], { create: ["400"] });
    const report = await syncRecords(refused.adapter, [{ name: "Ada" }], instant);
    expect(report.failures).toMatchObject([
      { index: 0, stage: "create", status: 400, code: "INVALID_REQUEST" },
    ]);

    // 501, which the client never retries either (StackOne: not supported by that ATS): no look-up, no second POST.
    const unsupported = keyedAdapter([], { create: ["501"] });
    const once = await syncRecords(unsupported.adapter, [{ name: "Ada" }], instant);
    expect(once.failures).toMatchObject([
      { index: 0, stage: "create", status: 501, code: "NOT_IMPLEMENTED" },
    ]);
    expect(unsupported.calls).toEqual(["FIND ada", "CREATE ada"]);

    const failing = keyedAdapter([], { create: ["5xx", "5xx", "5xx"] });
    const again = await syncRecords(failing.adapter, [{ name: "Ada" }], { ...instant, createAttempts: 3 });
    expect(again.failures[0]?.message).toMatch(/ada not created in 3 attempts, none stored: 502/);
    expect(failing.store.size).toBe(0);
  });

  it("fails a lost create it cannot settle, and a rerun of the failures file settles it", async () => {
    const mem = keyedAdapter([], { create: ["lost"], lookup: ["ok", "5xx", "5xx", "5xx"] });
    const report = await syncRecords(mem.adapter, [{ name: "Ada", tags: ["a", "b"] }], instant);
    expectBalanced(report);
    expect(report.failures).toMatchObject([{ stage: "create", code: "UNSETTLED", id: undefined }]);
    expect(report.failures[0]?.message).toMatch(/was lost .* may exist; rerun to settle it/);
    const rerun = failureLines(report).map((l) => (JSON.parse(l) as { record: Thing }).record);
    const second = await syncRecords(mem.adapter, rerun, instant);
    expect(second).toMatchObject({ created: 0, patched: 1, failed: 0 });
    expect(names(mem.store)).toEqual(["Ada"]);
    expect(mem.calls.filter((c) => c.startsWith("CREATE"))).toHaveLength(1);
  });

  it("runs records of one natural key one after another: one create, then a patch", async () => {
    const mem = keyedAdapter([]);
    const desired: Thing[] = [
      { name: "Ada", tags: ["a"] },
      { name: "ADA", tags: ["b"] },
      { name: "Grace", tags: ["c"] },
    ];
    const report = await syncRecords(mem.adapter, desired, { ...instant, concurrency: 8 });
    expectBalanced(report);
    expect(report).toMatchObject({ created: 2, patched: 1 });
    expect(names(mem.store)).toEqual(["ADA", "Grace"]);
  });

  it("fails a record with no key, and one whose key the provider holds twice", async () => {
    const mem = keyedAdapter([
      { id: "t0", name: "Ada" },
      { id: "t1", name: "ada" },
    ]);
    const report = await syncRecords(mem.adapter, [{ tags: ["x"] }, { name: "Ada" }], instant);
    expect(report.failures).toMatchObject([
      { index: 0, stage: "key", code: "MISSING_KEY" },
      { index: 1, stage: "lookup", code: "DUPLICATE_KEY" },
    ]);
    expect(report.failures[1]?.message).toContain("(t0, t1)");
    expect(mem.calls.some((c) => c.startsWith("CREATE"))).toBe(false);
  });

  it("in a dry run, counts what would be created and sends no POST", async () => {
    const mem = keyedAdapter([]);
    const report = await syncRecords(mem.adapter, [{ name: "Ada" }], { ...instant, dryRun: true });
    expect(report).toMatchObject({ created: 1, dryRun: true });
    expect(mem.calls).toEqual(["FIND ada"]);
  });

  it("finds a record in a listed snapshot, but asks the provider before any create", async () => {
    const mem = keyedAdapter([{ id: "t0", name: "Ada", tags: ["a"] }]);
    const report = await syncRecords(
      mem.adapter,
      [{ name: "Ada", tags: ["b"] }, { name: "Grace" }, { name: "Grace", tags: ["z"] }],
      { ...instant, current: "list", concurrency: 1 },
    );
    expect(report).toMatchObject({ patched: 2, created: 1 });
    // Ada is in the snapshot; Grace is not, which only a live look-up may say before a POST.
    expect(mem.calls.filter((c) => c.startsWith("FIND"))).toEqual(["FIND grace", "FIND grace"]);
  });
});
