import { syncRecords } from "@patchwise/core";
import { describe, expect, it } from "vitest";
import {
  createStackOneCandidatesAdapter,
  createStackOneClient,
  type StackOneCandidate,
} from "../src/index.ts";
import {
  createStackOneSimulator,
  STACKONE_ACCOUNT_ID,
  sampleStackOneChanges,
  sampleStackOneRecords,
} from "../src/testing.ts";

const records = sampleStackOneRecords(40, { seed: 11 });
const desired = sampleStackOneChanges(records, { seed: 12 });

function setup(options: Parameters<typeof createStackOneSimulator>[0] = {}) {
  const sim = createStackOneSimulator({ records, ...options });
  const client = createStackOneClient({
    apiKey: sim.apiKey,
    accountId: STACKONE_ACCOUNT_ID,
    fetch: sim.fetch,
    retry: { minDelayMs: 1 },
  });
  return { sim, client, adapter: createStackOneCandidatesAdapter(client) };
}

describe("createStackOneCandidatesAdapter", () => {
  it("gets a candidate with its custom fields, and undefined for an unknown id", async () => {
    const { sim, adapter } = setup();
    const first = records[0]!;
    expect(adapter.resource).toBe("stackone.candidates");
    expect(adapter.id(first)).toBe(first.id);
    expect(adapter.id({ title: "CTO" })).toBeUndefined();
    expect(await adapter.get(first.id!)).toEqual(sim.get(first.id!));
    expect(sim.requests.at(-1)?.query).toMatchObject({ include: "custom_fields" });
    expect(await adapter.get("no-such-candidate")).toBeUndefined();
  });

  it("lists every candidate across pages, with custom fields", async () => {
    const { sim, adapter } = setup();
    const listed: StackOneCandidate[] = [];
    for await (const candidate of adapter.list()) listed.push(candidate);
    expect(listed).toEqual(sim.all());
    expect(sim.requests.filter((r) => r.path === "/unified/ats/candidates")).toHaveLength(1);
  });

  it("round-trips: get, diff, patch, and the candidate is then as desired", async () => {
    const { adapter } = setup();
    let patched = 0;
    for (const [i, record] of records.entries()) {
      const want = desired[i]!;
      const before = (await adapter.get(record.id!))!;
      const { body, noop, changed } = adapter.diff(before, want);
      expect(Object.keys(body)).toEqual(changed);
      if (noop) continue;
      await adapter.patch(record.id!, body);
      patched++;
      expect(adapter.diff((await adapter.get(record.id!))!, want).noop).toBe(true);
    }
    expect(patched).toBe(Math.round(records.length / 3));
  });

  it("fullBody writes every writable field: sent whole, it gives the desired candidate too", async () => {
    const { adapter } = setup();
    for (const [i, record] of records.slice(0, 12).entries()) {
      const want = desired[i]!;
      const full = adapter.fullBody(want);
      expect(Object.keys(adapter.fullBody(record))).toEqual(
        expect.arrayContaining(["first_name", "emails", "phone_numbers", "custom_fields"]),
      );
      await adapter.patch(record.id!, full);
      expect(adapter.diff((await adapter.get(record.id!))!, want).noop).toBe(true);
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

  it("has no rate-limit state to pace by: a 429 is retried by the client after Retry-After", async () => {
    const { sim, adapter } = setup({ faults: { schedule: ["429", "ok", "429"], retryAfterSeconds: 0 } });
    const report = await syncRecords(adapter, desired.slice(0, 5), { concurrency: 1 });
    expect(report).toMatchObject({ read: 5, failed: 0 });
    expect(adapter.rateLimit()).toBeUndefined();
    expect(sim.requests.filter((r) => r.status === 429)).toHaveLength(2);
  });
});
