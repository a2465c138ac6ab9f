import { validate } from "@patchwise/diff";
import { describe, expect, it } from "vitest";
import { updateCandidateBody } from "../../src/generated/validation.ts";
import { createStackOneClient, diffCandidate, type StackOneCandidate, unwrap } from "../../src/index.ts";
import {
  createStackOneSimulator,
  STACKONE_ACCOUNT_ID,
  STACKONE_CUSTOM_FIELD_DEFINITIONS,
  sampleStackOneChanges,
  sampleStackOneRecords,
} from "../../src/testing.ts";
import { WRITABLE } from "../arbitraries.ts";

const UUID = /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/;
const FIELDS = new Set(STACKONE_CUSTOM_FIELD_DEFINITIONS.map((d) => d.id));
const params = (id: string) => ({ path: { id }, query: { include: "custom_fields" } });

/** The writable fields of a record as a PATCH body, to check them against the spec. */
const writable = (r: StackOneCandidate) =>
  Object.fromEntries(WRITABLE.flatMap((k) => (k in r ? [[k, r[k]]] : [])));

describe("sampleStackOneRecords", () => {
  const records = sampleStackOneRecords(200, { seed: 3 });

  it("is deterministic: the same seed gives the same records, another seed others", () => {
    expect(JSON.stringify(sampleStackOneRecords(200, { seed: 3 }))).toBe(JSON.stringify(records));
    expect(sampleStackOneRecords(5)).toEqual(sampleStackOneRecords(5, { seed: 1 }));
    expect(sampleStackOneRecords(5, { seed: 4 })[0]?.id).not.toBe(records[0]?.id);
  });

  it("gives realistic records, valid against the spec, of realistic size", () => {
    expect(new Set(records.map((r) => r.id)).size).toBe(200);
    for (const r of records) {
      expect(r.id).toMatch(UUID);
      expect(validate(updateCandidateBody, writable(r))).toEqual([]);
      expect(diffCandidate(r, r).noop).toBe(true); // the email rule holds: email is among emails
      expect(r.emails?.length).toBeGreaterThanOrEqual(2);
      expect(r.emails?.length).toBeLessThanOrEqual(3);
      expect(new Set(r.emails?.map((e) => e.value)).size).toBe(r.emails?.length);
      expect(r.emails?.map((e) => e.value)).toContain(r.email);
      expect(r.phone_numbers?.length).toBeGreaterThanOrEqual(1);
      expect(r.social_links?.length).toBeGreaterThanOrEqual(1);
      expect(r.application_ids?.length).toBeGreaterThanOrEqual(1);
      expect(r.remote_application_ids).toHaveLength(r.application_ids?.length ?? -1);
      expect(r.custom_fields).toHaveLength(5);
      expect(r.custom_fields?.every((f) => FIELDS.has(f.id ?? ""))).toBe(true);
      for (const date of [r.created_at, r.updated_at, r.hired_at ?? r.created_at]) {
        expect(date).toBe(new Date(date ?? "").toISOString());
      }
      expect(Date.parse(r.created_at ?? "")).toBeLessThanOrEqual(Date.parse(r.updated_at ?? ""));
      const bytes = JSON.stringify(r).length;
      expect(bytes).toBeGreaterThan(1500);
      expect(bytes).toBeLessThan(3500);
    }
    expect(records.some((r) => r.hired_at !== null)).toBe(true);
  });

  it("seeds a simulator as they are: GET returns each record unchanged", async () => {
    const sim = createStackOneSimulator({ records });
    expect(sim.all()).toEqual(records);
    expect(sim.customFieldDefinitions()).toEqual(STACKONE_CUSTOM_FIELD_DEFINITIONS); // nothing added
    const client = createStackOneClient({
      apiKey: sim.apiKey,
      accountId: STACKONE_ACCOUNT_ID,
      fetch: sim.fetch,
    });
    const listed: StackOneCandidate[] = [];
    for await (const c of client.iterate.candidates({ include: "custom_fields" })) listed.push(c);
    expect(listed).toEqual(records);
  });
});

describe("sampleStackOneChanges", () => {
  const records = sampleStackOneRecords(300, { seed: 5 });

  it("is deterministic and leaves its input alone", () => {
    const copy = structuredClone(records);
    const desired = sampleStackOneChanges(records, { seed: 2 });
    expect(JSON.stringify(sampleStackOneChanges(records, { seed: 2 }))).toBe(JSON.stringify(desired));
    expect(records).toEqual(copy);
    expect(sampleStackOneChanges(records, { seed: 3 })).not.toEqual(desired);
  });

  it.each([
    [undefined, 100],
    [0, 0],
    [0.1, 30],
    [1, 300],
  ])("changes the given ratio (%s) of the records; the rest diff to no-ops", (changedRatio, changed) => {
    const desired = sampleStackOneChanges(records, {
      seed: 2,
      ...(changedRatio !== undefined && { changedRatio }),
    });
    const diffs = records.map((r, i) => diffCandidate(r, desired[i]!));
    expect(diffs.filter((d) => !d.noop)).toHaveLength(changed);
  });

  it("changes most writable fields somewhere; the unchanged ones are often re-encoded", () => {
    const desired = sampleStackOneChanges(records, { seed: 2 });
    const diffs = records.map((r, i) => diffCandidate(r, desired[i]!));
    expect([...new Set(diffs.flatMap((d) => d.changed))].sort()).toEqual(
      WRITABLE.filter((k) => k !== "last_name").sort(),
    );
    const reencoded = records.filter(
      (r, i) => diffs[i]!.noop && JSON.stringify(r) !== JSON.stringify(desired[i]),
    );
    expect(reencoded.length).toBeGreaterThan(100);
  });

  it("every desired record's diff is accepted by a simulator seeded with the records, and GET then holds it", async () => {
    const desired = sampleStackOneChanges(records, { seed: 2, changedRatio: 0.5 });
    const sim = createStackOneSimulator({ records });
    const client = createStackOneClient({
      apiKey: sim.apiKey,
      accountId: STACKONE_ACCOUNT_ID,
      fetch: sim.fetch,
      retry: false,
    });
    for (const [i, before] of records.entries()) {
      const after = desired[i]!;
      const { body, noop } = diffCandidate(before, after);
      if (noop) continue;
      const { response, error } = await client.PATCH("/unified/ats/candidates/{id}", {
        params: { path: { id: before.id } },
        body,
      });
      expect(error, JSON.stringify(body)).toBeUndefined();
      expect(response.status).toBe(200);
      const { data } = await unwrap(
        client.GET("/unified/ats/candidates/{id}", { params: params(before.id) }),
      );
      expect(diffCandidate(data, after).noop).toBe(true);
    }
    expect(sim.requests.filter((r) => r.method === "PATCH")).toHaveLength(150);
  });
});
