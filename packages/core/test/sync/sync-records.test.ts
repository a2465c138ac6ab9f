import { describe, expect, it, vi } from "vitest";
import { type SyncProgress, type SyncReport, syncRecords } from "../../src/index.ts";
import { apiError, gate, memoryAdapter, type Thing, things } from "./memory-adapter.ts";

const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v));

/** Every input record is counted exactly once. */
function expectBalanced(report: SyncReport<unknown>) {
  const { read, unchanged, patched, failed, notAttempted, failures, pending } = report;
  expect(unchanged + patched + failed + notAttempted).toBe(read);
  expect(failures).toHaveLength(failed);
  expect(pending).toHaveLength(notAttempted);
}

describe("syncRecords", () => {
  it("patches what changed, skips no-ops, and reports exact numbers", async () => {
    const mem = memoryAdapter(things(4));
    const desired: Thing[] = [
      { id: "t0", name: "name 0", tags: ["a"], views: 99 }, // only a read-only field differs
      { id: "t1", name: "renamed", tags: ["a"] },
      { id: "t2", tags: ["b", "a"] },
      { id: "t3" }, // nothing managed: leave as is
    ];
    const report = await syncRecords(mem.adapter, desired, { concurrency: 2 });
    expect(report).toMatchObject({
      resource: "memory.things",
      dryRun: false,
      read: 4,
      unchanged: 2,
      patched: 2,
      failed: 0,
      notAttempted: 0,
      requests: 6, // 4 GETs + 2 PATCHes
      bodyBytes: bytes({ name: "renamed" }) + bytes({ tags: ["b", "a"] }),
      fullBodyBytes:
        bytes({ name: "name 0", tags: ["a"] }) +
        bytes({ name: "renamed", tags: ["a"] }) +
        bytes({ tags: ["b", "a"] }) +
        bytes({}),
      failures: [],
      pending: [],
    });
    expect(report.stopped).toBeUndefined();
    expect(mem.store.get("t1")?.name).toBe("renamed");
    expect(mem.store.get("t2")?.tags).toEqual(["b", "a"]);
    expect(mem.calls.filter((c) => c.startsWith("PATCH")).sort()).toEqual(["PATCH t1", "PATCH t2"]);
    expect(report.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it("sends nothing in a dry run, and counts what it would patch", async () => {
    const mem = memoryAdapter(things(3));
    const report = await syncRecords(mem.adapter, [{ id: "t0", name: "x" }, { id: "t1" }, { id: "t2" }], {
      dryRun: true,
    });
    expect(report).toMatchObject({ dryRun: true, patched: 1, unchanged: 2, requests: 3 });
    expect(report.bodyBytes).toBe(bytes({ name: "x" }));
    expect(mem.calls.some((c) => c.startsWith("PATCH"))).toBe(false);
    expect(mem.store.get("t0")?.name).toBe("name 0");
  });

  it.each([1, 3, 8])("keeps at most %i records in flight", async (concurrency) => {
    const mem = memoryAdapter(things(20), { beforeGet: () => new Promise((r) => setTimeout(r, 1)) });
    const desired = things(20).map((t) => ({ ...t, name: `${t.name}!` }));
    const report = await syncRecords(mem.adapter, desired, { concurrency });
    expect(report.patched).toBe(20);
    expect(mem.maxInFlight).toBe(concurrency);
  });

  it("reports every bad record with its id, stage, status, code and message, and goes on", async () => {
    const mem = memoryAdapter(things(6), {
      getErrors: { t1: apiError(500, "INTERNAL_ERROR", "GET failed after 4 attempts") },
      patchErrors: { t2: apiError(422, "UNPROCESSABLE_ENTITY", "emails[0]: not an email") },
    });
    const desired: Thing[] = [
      { id: "t0", name: "ok" },
      { id: "t1", name: "x" },
      { id: "t2", name: "y" },
      { id: "t3", name: "" }, // the diff refuses it
      { name: "no id" },
      { id: "gone", name: "z" }, // 404
      { id: "t5", name: "also ok" },
    ];
    const report = await syncRecords(mem.adapter, desired, { concurrency: 3 });
    expectBalanced(report);
    expect(report).toMatchObject({ read: 7, patched: 2, failed: 5, unchanged: 0 });
    expect(report.failures.map(({ record: _r, ...f }) => f)).toEqual([
      {
        index: 1,
        id: "t1",
        stage: "read",
        status: 500,
        code: "INTERNAL_ERROR",
        requestId: "req_500",
        message: "GET failed after 4 attempts",
      },
      {
        index: 2,
        id: "t2",
        stage: "patch",
        status: 422,
        code: "UNPROCESSABLE_ENTITY",
        requestId: "req_422",
        message: "emails[0]: not an email",
      },
      {
        index: 3,
        id: "t3",
        stage: "diff",
        code: "PatchValidationError",
        message: "Invalid PATCH body:\n  name: must not be empty",
        issues: [{ path: "name", rule: "minLength", message: "name: must not be empty" }],
      },
      {
        index: 4,
        id: undefined,
        stage: "id",
        code: "MISSING_ID",
        message: "memory.things: the record has no id",
      },
      {
        index: 5,
        id: "gone",
        stage: "read",
        status: 404,
        code: "NOT_FOUND",
        message: "memory.things: no record gone (404)",
      },
    ]);
    expect(report.failures[0]?.record).toBe(desired[1]);
    expect(mem.store.get("t0")?.name).toBe("ok");
    expect(mem.store.get("t5")?.name).toBe("also ok");
    // The PATCH that failed was sent: its bytes count.
    expect(report.bodyBytes).toBe(bytes({ name: "ok" }) + bytes({ name: "y" }) + bytes({ name: "also ok" }));
  });

  it("reports a record whose id cannot be read, and a progress callback that throws changes nothing", async () => {
    const mem = memoryAdapter(things(2));
    const adapter = {
      ...mem.adapter,
      id: (t: Thing) => {
        if (t.name === "boom") throw new TypeError("no id here");
        return t.id;
      },
    };
    const report = await syncRecords(adapter, [{ name: "boom" }, { id: "t1", name: "b" }], {
      onProgress: () => {
        throw new Error("display broke");
      },
    });
    expect(report).toMatchObject({ patched: 1, failed: 1 });
    expect(report.failures[0]).toMatchObject({ stage: "id", code: "TypeError", message: "no id here" });
  });

  it("lets requests in flight finish on abort and reports the records not attempted", async () => {
    const patching = gate();
    const started: string[] = [];
    const mem = memoryAdapter(things(8), {
      beforePatch: async (id) => {
        started.push(id);
        await patching.wait;
      },
    });
    const controller = new AbortController();
    const desired = things(8).map((t) => ({ ...t, name: `${t.name}!` }));
    const run = syncRecords(mem.adapter, desired, { concurrency: 2, signal: controller.signal });
    await vi.waitFor(() => expect(started).toHaveLength(2));
    controller.abort();
    patching.open();
    const report = await run;
    expectBalanced(report);
    expect(report).toMatchObject({ read: 8, patched: 2, notAttempted: 6, failed: 0 });
    expect(report.stopped).toEqual({ reason: "signal", message: expect.any(String) });
    expect(report.pending.map((p) => p.id)).toEqual(["t2", "t3", "t4", "t5", "t6", "t7"]);
    expect(report.pending[0]?.record).toBe(desired[2]);
    expect(mem.store.get("t0")?.name).toBe("name 0!");
    expect(mem.store.get("t2")?.name).toBe("name 2");
    expect(mem.calls.filter((c) => c.startsWith("PATCH"))).toHaveLength(2);
  });

  it("does not send the PATCH of a record whose GET was in flight when the run stopped", async () => {
    const reading = gate();
    const mem = memoryAdapter(things(3), { beforeGet: () => reading.wait });
    const controller = new AbortController();
    const run = syncRecords(mem.adapter, [{ id: "t0", name: "new" }, { id: "t1" }, { id: "t2" }], {
      concurrency: 1,
      signal: controller.signal,
    });
    await vi.waitFor(() => expect(mem.calls).toHaveLength(1));
    controller.abort();
    reading.open();
    const report = await run;
    expect(report).toMatchObject({ read: 3, notAttempted: 3, patched: 0, requests: 1 });
    expect(mem.calls).toEqual(["GET t0"]);
  });

  it("takes nothing when the signal is already aborted", async () => {
    const mem = memoryAdapter(things(2));
    const report = await syncRecords(mem.adapter, things(2), { signal: AbortSignal.abort() });
    expect(report).toMatchObject({ read: 2, notAttempted: 2, requests: 0, stopped: { reason: "signal" } });
  });

  it("stops on a 401: every later record is reported as not attempted", async () => {
    const mem = memoryAdapter(things(10), { getErrors: { t0: apiError(401, "UNAUTHORIZED") } });
    const report = await syncRecords(mem.adapter, things(10), { concurrency: 1 });
    expectBalanced(report);
    expect(report).toMatchObject({ failed: 1, notAttempted: 9, requests: 1 });
    expect(report.stopped).toEqual({ reason: "unauthorized", message: "401 UNAUTHORIZED" });
  });

  it("stops when the input throws, and keeps what it had", async () => {
    const mem = memoryAdapter(things(3));
    async function* input(): AsyncGenerator<Thing> {
      yield { id: "t0", name: "a" };
      yield { id: "t1", name: "b" };
      throw new Error("disk on fire");
    }
    const report = await syncRecords(mem.adapter, input(), { concurrency: 1 });
    expect(report).toMatchObject({
      read: 2,
      patched: 2,
      stopped: { reason: "input", message: "disk on fire" },
    });
  });

  it("diffs against a listed snapshot: no GET per record", async () => {
    const mem = memoryAdapter(things(5));
    const desired = [...things(5).map((t) => ({ ...t, tags: ["z"] })), { id: "extra", name: "x" }];
    const report = await syncRecords(mem.adapter, desired, { current: "list" });
    expect(report).toMatchObject({ patched: 5, failed: 1, requests: 6 }); // 5 PATCHes, 1 GET for "extra"
    expect(mem.calls.filter((c) => c.startsWith("GET"))).toEqual(["GET extra"]);
    expect(mem.calls[0]).toBe("LIST");
  });

  it("takes a snapshot the caller holds, as a Map or as records", async () => {
    const mem = memoryAdapter(things(2));
    const held = new Map(things(2).map((t) => [t.id!, t]));
    const a = await syncRecords(mem.adapter, things(2), { current: held });
    expect(a).toMatchObject({ unchanged: 2, requests: 0 });
    const b = await syncRecords(mem.adapter, things(2), { current: things(1) });
    expect(b).toMatchObject({ unchanged: 2, requests: 1 });
  });

  it("runs records of one id in input order, the later against a fresh read", async () => {
    const mem = memoryAdapter(things(1), { beforeGet: () => new Promise((r) => setTimeout(r, 2)) });
    const desired: Thing[] = [
      { id: "t0", name: "first" },
      { id: "t0", name: "second" },
      { id: "t0", name: "second" },
    ];
    const report = await syncRecords(mem.adapter, desired, { concurrency: 3, current: things(1) });
    expect(report).toMatchObject({ patched: 2, unchanged: 1 });
    expect(mem.store.get("t0")?.name).toBe("second");
    expect(mem.calls).toEqual(["PATCH t0", "GET t0", "PATCH t0", "GET t0"]);
  });

  it("reads async iterables and reports progress per record", async () => {
    const mem = memoryAdapter(things(3));
    async function* input() {
      yield* things(3).map((t, i) => (i === 1 ? { ...t, name: "new" } : t));
    }
    const events: SyncProgress[] = [];
    const report = await syncRecords(mem.adapter, input(), { onProgress: (e) => events.push(e) });
    expect(report.read).toBe(3);
    expect(events).toHaveLength(3);
    expect(events.every((e) => e.type === "record" && e.total === undefined)).toBe(true);
    expect(events.at(-1)).toMatchObject({ done: 3, patched: 1, unchanged: 2, requests: 4 });
    const withTotal = await syncRecords(mem.adapter, input(), {
      total: 3,
      onProgress: (e) => events.push(e),
    });
    expect(withTotal.read).toBe(3);
    expect(events.at(-1)?.total).toBe(3);
  });
});

describe("pacing by the rate-limit state", () => {
  /** A virtual clock: `sleep` moves it forward (to the latest deadline asked for) instead of waiting. */
  function virtualTime() {
    let t = 1_000_000;
    const waits: number[] = [];
    return {
      now: () => t,
      waits,
      sleep: async (ms: number) => {
        waits.push(ms);
        const deadline = t + ms;
        await Promise.resolve();
        t = Math.max(t, deadline);
      },
    };
  }

  it.each([1, 4])("stays inside the window at concurrency %i: no 429", async (concurrency) => {
    const clock = virtualTime();
    const mem = memoryAdapter(things(12), { window: { limit: 5, windowMs: 1000, now: clock.now } });
    const desired = things(12).map((t) => ({ ...t, name: `${t.name}!` }));
    const events: SyncProgress[] = [];
    const report = await syncRecords(mem.adapter, desired, {
      concurrency,
      now: clock.now,
      sleep: clock.sleep,
      onProgress: (e) => events.push(e),
    });
    expect(mem.overLimit).toBe(0);
    expect(report).toMatchObject({ patched: 12, failed: 0, requests: 24 });
    // 24 requests at 5 a window: at least 4 waits for the next window.
    expect(clock.waits.length).toBeGreaterThanOrEqual(4);
    expect(clock.waits.every((ms) => ms > 0 && ms <= 1000)).toBe(true);
    expect(events.filter((e) => e.type === "pace").length).toBe(clock.waits.length);
  });

  it("without pacing the same run would hit the limit", async () => {
    const clock = virtualTime();
    const mem = memoryAdapter(things(12), { window: { limit: 5, windowMs: 1000, now: clock.now } });
    const adapter = { ...mem.adapter, rateLimit: () => undefined };
    const report = await syncRecords(
      adapter,
      things(12).map((t) => ({ ...t, name: "x" })),
      {
        now: clock.now,
        sleep: clock.sleep,
      },
    );
    expect(mem.overLimit).toBeGreaterThan(0);
    expect(report.failures.every((f) => f.status === 429)).toBe(true);
  });

  it("does not wait on a state whose reset has passed, or that has requests left", async () => {
    const clock = virtualTime();
    const mem = memoryAdapter(things(3));
    const states = [
      { remaining: 0, reset: new Date(clock.now() - 1) }, // stale: the window has turned
      { remaining: 10, reset: new Date(clock.now() + 60_000) },
      { limit: 10 }, // nothing to go by
    ];
    for (const state of states) {
      const adapter = { ...mem.adapter, rateLimit: () => state };
      await syncRecords(adapter, things(3), { now: clock.now, sleep: clock.sleep });
    }
    expect(clock.waits).toEqual([]);
  });

  it("cuts a wait short when the run is aborted, and reports the record as not attempted", async () => {
    const mem = memoryAdapter(things(2));
    const controller = new AbortController();
    const adapter = {
      ...mem.adapter,
      rateLimit: () => ({ remaining: 0, reset: new Date(Date.now() + 60_000) }),
    };
    const run = syncRecords(adapter, things(2), {
      signal: controller.signal,
      onProgress: (e) => {
        if (e.type === "pace") controller.abort();
      },
    });
    const report = await run;
    expect(report).toMatchObject({ notAttempted: 2, requests: 0, stopped: { reason: "signal" } });
  });
});
