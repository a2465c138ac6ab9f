import { validate } from "@patchwise/diff";
import { describe, expect, it } from "vitest";
import { createCandidateBody } from "../../src/generated/validation.ts";
import { createInstaviewClient, diffCandidate, type InstaviewCandidate, unwrap } from "../../src/index.ts";
import {
  createInstaviewSimulator,
  INSTAVIEW_JOBS,
  sampleInstaviewChanges,
  sampleInstaviewRecords,
} from "../../src/testing.ts";
import { keyCount } from "../arbitraries.ts";

const UUID = /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/;
const JOBS = new Set(INSTAVIEW_JOBS.map((j) => j.id));
const WRITABLE = [
  "firstName",
  "lastName",
  "email",
  "phoneNumber",
  "gdprExpiryDate",
  "status",
  "jobIds",
  "metadata",
  "gender",
] as const;

/** The writable fields of a record as a create body (nulls left out), to check them against the spec. */
const writable = (r: InstaviewCandidate) =>
  Object.fromEntries(WRITABLE.flatMap((k) => (r[k] == null ? [] : [[k, r[k]]])));

describe("sampleInstaviewRecords", () => {
  const records = sampleInstaviewRecords(200, { seed: 3 });

  it("is deterministic: the same seed gives the same records, another seed others", () => {
    expect(JSON.stringify(sampleInstaviewRecords(200, { seed: 3 }))).toBe(JSON.stringify(records));
    expect(sampleInstaviewRecords(5)).toEqual(sampleInstaviewRecords(5, { seed: 1 }));
    expect(sampleInstaviewRecords(5, { seed: 4 })[0]?.id).not.toBe(records[0]?.id);
  });

  it("gives realistic records, valid against the spec, of realistic size", () => {
    expect(new Set(records.map((r) => r.id)).size).toBe(200);
    for (const r of records) {
      expect(r.id).toMatch(UUID);
      expect(validate(createCandidateBody, writable(r), { now: new Date("2026-11-23") })).toEqual([]);
      expect(r.jobIds.length).toBeGreaterThanOrEqual(1);
      expect(r.jobIds.length).toBeLessThanOrEqual(3);
      expect(r.jobIds.every((id) => JOBS.has(id))).toBe(true);
      expect(r.jobId).toBe(r.jobIds[0]);
      expect(Object.keys(r.metadata ?? {}).length).toBeGreaterThanOrEqual(9);
      expect(keyCount(r.metadata)).toBeLessThanOrEqual(50);
      expect(Object.values(r.metadata ?? {}).some((v) => typeof v === "object" && !Array.isArray(v))).toBe(
        true,
      );
      expect(Date.parse(r.createdAt)).toBeLessThanOrEqual(Date.parse(r.updatedAt));
      expect(r.links?.analyses).toBe(`/v1/public/candidates/${r.id}/analyses`);
      const bytes = JSON.stringify(r).length;
      expect(bytes).toBeGreaterThan(1000);
      expect(bytes).toBeLessThan(3000);
    }
  });

  it("seeds a simulator as they are: GET returns each record unchanged", async () => {
    const sim = createInstaviewSimulator({ records });
    expect(sim.all()).toEqual(records);
    const client = createInstaviewClient({ apiKey: sim.apiKey, fetch: sim.fetch });
    const listed: InstaviewCandidate[] = [];
    for await (const c of client.iterate.candidates()) listed.push(c);
    expect(listed).toEqual(records);
  });
});

describe("sampleInstaviewChanges", () => {
  const records = sampleInstaviewRecords(300, { seed: 5 });

  it("is deterministic and leaves its input alone", () => {
    const copy = structuredClone(records);
    const desired = sampleInstaviewChanges(records, { seed: 2 });
    expect(JSON.stringify(sampleInstaviewChanges(records, { seed: 2 }))).toBe(JSON.stringify(desired));
    expect(records).toEqual(copy);
    expect(sampleInstaviewChanges(records, { seed: 3 })).not.toEqual(desired);
  });

  it.each([
    [undefined, 100],
    [0, 0],
    [0.1, 30],
    [1, 300],
  ])("changes the given ratio (%s) of the records; the rest diff to no-ops", (changedRatio, changed) => {
    const desired = sampleInstaviewChanges(records, {
      seed: 2,
      ...(changedRatio !== undefined && { changedRatio }),
    });
    const diffs = records.map((r, i) => diffCandidate(r, desired[i]!));
    expect(diffs.filter((d) => !d.noop)).toHaveLength(changed);
  });

  it("changes every writable field somewhere; the unchanged ones are often re-encoded", () => {
    const desired = sampleInstaviewChanges(records, { seed: 2 });
    const diffs = records.map((r, i) => diffCandidate(r, desired[i]!));
    expect([...new Set(diffs.flatMap((d) => d.changed))].sort()).toEqual([...WRITABLE].sort());
    const reencoded = records.filter(
      (r, i) => diffs[i]!.noop && JSON.stringify(r) !== JSON.stringify(desired[i]),
    );
    expect(reencoded.length).toBeGreaterThan(100);
  });

  it("every desired record's diff is accepted by a simulator seeded with the records, and GET then holds it", async () => {
    const desired = sampleInstaviewChanges(records, { seed: 2, changedRatio: 0.5 });
    const sim = createInstaviewSimulator({ records });
    const client = createInstaviewClient({ apiKey: sim.apiKey, fetch: sim.fetch, retry: false });
    for (const [i, before] of records.entries()) {
      const after = desired[i]!;
      const { body, noop } = diffCandidate(before, after);
      if (noop) continue;
      const params = { path: { id: before.id } };
      const { response, error } = await client.PATCH("/candidates/{id}", { params, body });
      expect(error, JSON.stringify(body)).toBeUndefined();
      expect(response.status).toBe(200);
      expect(diffCandidate(await unwrap(client.GET("/candidates/{id}", { params })), after).noop).toBe(true);
    }
    expect(sim.requests.filter((r) => r.method === "PATCH")).toHaveLength(150);
  });
});
