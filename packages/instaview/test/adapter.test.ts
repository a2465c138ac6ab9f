import { syncRecords } from "@patchwise/core";
import { describe, expect, it } from "vitest";
import {
  createInstaviewCandidatesAdapter,
  createInstaviewClient,
  type InstaviewCandidate,
} from "../src/index.ts";
import { createInstaviewSimulator, sampleInstaviewChanges, sampleInstaviewRecords } from "../src/testing.ts";

const records = sampleInstaviewRecords(40, { seed: 11 });
const desired = sampleInstaviewChanges(records, { seed: 12 });

function setup(options: Parameters<typeof createInstaviewSimulator>[0] = {}) {
  const sim = createInstaviewSimulator({ records, ...options });
  const client = createInstaviewClient({ apiKey: sim.apiKey, fetch: sim.fetch, retry: { minDelayMs: 1 } });
  return { sim, client, adapter: createInstaviewCandidatesAdapter(client) };
}

describe("createInstaviewCandidatesAdapter", () => {
  it("gets a candidate as GET returns it, and undefined for an unknown id", async () => {
    const { sim, adapter } = setup();
    const first = records[0]!;
    expect(adapter.resource).toBe("instaview.candidates");
    expect(adapter.id(first)).toBe(first.id);
    expect(adapter.id({ ...first, id: undefined } as unknown as InstaviewCandidate)).toBeUndefined();
    expect(await adapter.get(first.id)).toEqual(sim.get(first.id));
    expect(await adapter.get("00000000-0000-4000-8000-000000000000")).toBeUndefined();
  });

  it("lists every candidate across pages", async () => {
    const { sim, adapter } = setup();
    const listed: InstaviewCandidate[] = [];
    for await (const candidate of adapter.list()) listed.push(candidate);
    expect(listed).toEqual(sim.all());
    expect(sim.requests.filter((r) => r.path === "/candidates")).toHaveLength(1); // 40 records: one page of 100
  });

  it("round-trips: get, diff, patch, and the candidate is then as desired", async () => {
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

  it("fullBody writes every writable field: sent whole, it gives the desired candidate too", async () => {
    const { adapter } = setup();
    for (const [i, record] of records.slice(0, 12).entries()) {
      const want = desired[i]!;
      const full = adapter.fullBody(want);
      expect(Object.keys(adapter.fullBody(record))).toEqual(
        expect.arrayContaining(["firstName", "email", "jobIds", "metadata"]),
      );
      await adapter.patch(record.id, full);
      expect(adapter.diff((await adapter.get(record.id))!, want).noop).toBe(true);
      const { body } = adapter.diff(record, want);
      expect(JSON.stringify(body).length).toBeLessThan(JSON.stringify(full).length);
    }
  });

  it("drives syncRecords: one GET per candidate, a PATCH per changed one, then nothing left to do", async () => {
    const { sim, adapter } = setup();
    const report = await syncRecords(adapter, desired, { concurrency: 4 });
    expect(report).toMatchObject({ read: 40, patched: 13, unchanged: 27, failed: 0, requests: 53 });
    expect(report.bodyBytes).toBeLessThan(report.fullBodyBytes / 5);
    expect(sim.requests.filter((r) => r.method === "PATCH")).toHaveLength(13);
    const again = await syncRecords(adapter, desired, { current: "list" });
    expect(again).toMatchObject({ patched: 0, unchanged: 40, requests: 0 });
  });

  it("paces by X-RateLimit-* under Instaview's limit: no 429 reaches the client", async () => {
    let clock = Date.UTC(2026, 0, 5, 9, 30);
    const now = () => clock;
    const sleep = async (ms: number) => {
      const until = clock + ms;
      await Promise.resolve();
      clock = Math.max(clock, until);
    };
    const sim = createInstaviewSimulator({
      records,
      rateLimit: { limit: 10, windowMs: 60_000 },
      now: () => new Date(clock),
    });
    const client = createInstaviewClient({ apiKey: sim.apiKey, fetch: sim.fetch, retry: { sleep } });
    const report = await syncRecords(createInstaviewCandidatesAdapter(client), desired.slice(0, 15), {
      concurrency: 3,
      now,
      sleep,
    });
    expect(report).toMatchObject({ read: 15, failed: 0 });
    expect(sim.requests.filter((r) => r.status === 429)).toEqual([]);
    expect(clock - Date.UTC(2026, 0, 5, 9, 30)).toBeGreaterThanOrEqual(60_000); // at least one window waited
  });
});
