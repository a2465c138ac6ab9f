import { syncRecords } from "@patchwise/core";
import { describe, expect, it } from "vitest";
import { createFolkClient, createFolkPeopleAdapter, type FolkPerson } from "../src/index.ts";
import { createFolkSimulator, sampleFolkChanges, sampleFolkRecords } from "../src/testing.ts";

const records = sampleFolkRecords(40, { seed: 11 });
const desired = sampleFolkChanges(records, { seed: 12 });

function setup(options: Parameters<typeof createFolkSimulator>[0] = {}) {
  const sim = createFolkSimulator({ records, ...options });
  const client = createFolkClient({ apiKey: sim.apiKey, fetch: sim.fetch, retry: { minDelayMs: 1 } });
  return { sim, client, adapter: createFolkPeopleAdapter(client) };
}

describe("createFolkPeopleAdapter", () => {
  it("gets a person as GET returns it, and undefined for an unknown id", async () => {
    const { sim, adapter } = setup();
    const first = records[0]!;
    expect(adapter.resource).toBe("folk.people");
    expect(adapter.id(first)).toBe(first.id);
    expect(adapter.id({ jobTitle: "CTO" })).toBeUndefined();
    expect(await adapter.get(first.id)).toEqual(sim.get(first.id));
    expect(await adapter.get("per_00000000-0000-4000-8000-000000000000")).toBeUndefined();
  });

  it("lists every person across pages", async () => {
    const { sim, adapter } = setup();
    const listed: FolkPerson[] = [];
    for await (const person of adapter.list()) listed.push(person);
    expect(listed).toEqual(sim.all());
    expect(sim.requests.filter((r) => r.path === "/v1/people")).toHaveLength(1); // 40 records: one page of 100
  });

  it("round-trips: get, diff, patch, and the person is then as desired", async () => {
    const { adapter } = setup();
    let patched = 0;
    for (const [i, record] of records.entries()) {
      const want = desired[i]!;
      const before = (await adapter.get(record.id))!;
      const { body, noop, changed } = adapter.diff(before, want);
      expect(Object.keys(body)).toEqual(changed);
      if (noop) continue;
      await adapter.patch(record.id, body);
      patched++;
      expect(adapter.diff((await adapter.get(record.id))!, want).noop).toBe(true);
    }
    expect(patched).toBe(Math.round(records.length / 3));
  });

  it("fullBody writes every writable field: sent whole, it gives the desired person too", async () => {
    const { adapter } = setup();
    for (const [i, record] of records.slice(0, 12).entries()) {
      const want = desired[i]!;
      const full = adapter.fullBody(want);
      expect(Object.keys(adapter.fullBody(record))).toEqual(
        expect.arrayContaining(["firstName", "emails", "groups", "customFieldValues"]),
      );
      await adapter.patch(record.id, full);
      expect(adapter.diff((await adapter.get(record.id))!, want).noop).toBe(true);
      const { body } = adapter.diff(record, want);
      expect(JSON.stringify(body).length).toBeLessThan(JSON.stringify(full).length);
    }
  });

  it("drives syncRecords: one GET per person, a PATCH per changed one, then nothing left to do", async () => {
    const { sim, adapter } = setup();
    const report = await syncRecords(adapter, desired, { concurrency: 4 });
    expect(report).toMatchObject({ read: 40, patched: 13, unchanged: 27, failed: 0, requests: 53 });
    expect(report.bodyBytes).toBeLessThan(report.fullBodyBytes / 5);
    expect(sim.requests.filter((r) => r.method === "PATCH")).toHaveLength(13);
    const again = await syncRecords(adapter, desired, { current: "list" });
    expect(again).toMatchObject({ patched: 0, unchanged: 40, requests: 0 });
  });

  it("paces by X-RateLimit-* under Folk's limit: no 429 reaches the client", async () => {
    let clock = Date.UTC(2026, 0, 5, 9, 30);
    const now = () => clock;
    const sleep = async (ms: number) => {
      const until = clock + ms;
      await Promise.resolve();
      clock = Math.max(clock, until);
    };
    const sim = createFolkSimulator({
      records,
      rateLimit: { limit: 10, windowMs: 60_000 },
      now: () => new Date(clock),
    });
    const client = createFolkClient({ apiKey: sim.apiKey, fetch: sim.fetch, retry: { sleep } });
    const report = await syncRecords(createFolkPeopleAdapter(client), desired.slice(0, 15), {
      concurrency: 3,
      now,
      sleep,
    });
    expect(report).toMatchObject({ read: 15, failed: 0 });
    expect(sim.requests.filter((r) => r.status === 429)).toEqual([]);
    expect(clock - Date.UTC(2026, 0, 5, 9, 30)).toBeGreaterThanOrEqual(60_000); // at least one window waited
  });
});
