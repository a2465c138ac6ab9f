import { PatchwiseNetworkError, syncRecords } from "@patchwise/core";
import { describe, expect, it } from "vitest";
import {
  candidateKey,
  createCandidate,
  createCandidateBody,
  createInstaviewCandidatesAdapter,
  createInstaviewClient,
  findCandidatesByKey,
  type InstaviewNewCandidate,
  PatchValidationError,
} from "../src/index.ts";
import {
  createInstaviewSimulator,
  sampleInstaviewNewRecords,
  sampleInstaviewRecords,
} from "../src/testing.ts";

function setup(options: Parameters<typeof createInstaviewSimulator>[0] = {}) {
  const sim = createInstaviewSimulator(options);
  const client = createInstaviewClient({ apiKey: sim.apiKey, fetch: sim.fetch, retry: { minDelayMs: 1 } });
  return { sim, client };
}

const NOW = new Date("2026-01-15T09:00:00Z");

const ada: InstaviewNewCandidate = {
  firstName: "Ada",
  lastName: "Lovelace",
  email: "Ada@Example.com",
  phoneNumber: null,
  gdprExpiryDate: "2031-01-01T00:00:00.000Z",
  status: "APPLIED",
  jobIds: [],
  metadata: { source: "referral" },
  gender: null,
};

describe("createCandidateBody", () => {
  it("is the difference from an empty candidate: the date as a day, nothing empty or null", () => {
    expect(createCandidateBody(ada, NOW)).toEqual({
      firstName: "Ada",
      lastName: "Lovelace",
      email: "Ada@Example.com",
      gdprExpiryDate: "2031-01-01",
      status: "APPLIED",
      metadata: { source: "referral" },
    });
  });

  it.each([
    [
      "no names, no date",
      { email: "a@b.example" },
      [
        ["firstName", "required"],
        ["lastName", "required"],
        ["gdprExpiryDate", "required"],
      ],
    ],
    [
      "a past date and no contact",
      { firstName: "A", lastName: "B", gdprExpiryDate: "2020-01-01" },
      [
        ["gdprExpiryDate", "future-date"],
        ["email", "required"],
      ],
    ],
    [
      "a phone that is not E.164",
      { firstName: "A", lastName: "B", gdprExpiryDate: "2031-01-01", phoneNumber: "0044 20" },
      [["phoneNumber", "pattern"]],
    ],
  ] as const)("refuses %s, naming each field and rule", (_, record, want) => {
    let error: unknown;
    try {
      createCandidateBody(record, NOW);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PatchValidationError);
    expect((error as PatchValidationError).message).toMatch(/^Invalid POST \/candidates body:/);
    const got = (error as PatchValidationError).issues.map((i) => [i.path, i.rule]);
    expect(got).toEqual(expect.arrayContaining(want.map((w) => [...w])));
    expect(got).toHaveLength(want.length);
  });
});

describe("natural key", () => {
  it("is the email, case-folded", () => {
    expect(candidateKey(ada)).toBe("ada@example.com");
    expect(candidateKey({ email: null })).toBeUndefined();
    expect(candidateKey({})).toBeUndefined();
  });

  it("finds the candidate with the email, whatever its case", async () => {
    const records = sampleInstaviewRecords(30, { seed: 6 });
    const { client } = setup({ records });
    const target = records.find((c) => c.email)!;
    const found = await findCandidatesByKey(client, { email: target.email!.toUpperCase() });
    expect(found.map((c) => c.id)).toEqual([target.id]);
    expect(await findCandidatesByKey(client, { email: "nobody@nowhere.example" })).toEqual([]);
    expect(await findCandidatesByKey(client, { email: null })).toEqual([]);
  });
});

describe("createCandidate", () => {
  it("creates a candidate the look-up then finds", async () => {
    const { sim, client } = setup();
    const candidate = await createCandidate(client, ada);
    expect(candidate).toMatchObject({ firstName: "Ada", email: "Ada@Example.com", status: "APPLIED" });
    expect(sim.get(candidate.id)).toEqual(candidate);
    expect((await findCandidatesByKey(client, ada)).map((c) => c.id)).toEqual([candidate.id]);
  });

  it("sends nothing for a body it refuses, and is sent once when the answer is lost", async () => {
    const { sim, client } = setup({ faults: { schedule: ["lost"] } });
    await expect(createCandidate(client, { firstName: "A" })).rejects.toThrow(PatchValidationError);
    expect(sim.requests).toHaveLength(0);
    await expect(createCandidate(client, ada)).rejects.toThrow(PatchwiseNetworkError);
    expect(sim.requests.map((r) => r.method)).toEqual(["POST"]);
    expect(sim.all()).toHaveLength(1);
  });

  it("through the adapter: the create returns the candidate whole", async () => {
    const { client } = setup();
    const adapter = createInstaviewCandidatesAdapter(client);
    const made = await adapter.create?.(ada as never);
    expect(made?.record).toMatchObject({ id: made?.id, lastName: "Lovelace" });
    expect(adapter.diff(made!.record!, ada as never).noop).toBe(true);
  });
});

describe("sampleInstaviewNewRecords", () => {
  it("are new to a seeded simulator: a sync creates each once, and a second sync changes nothing", async () => {
    const { sim, client } = setup({ records: sampleInstaviewRecords(20, { seed: 1 }) });
    const adapter = createInstaviewCandidatesAdapter(client);
    const fresh = sampleInstaviewNewRecords(6, { seed: 1 });
    const first = await syncRecords(adapter, fresh as never[], { concurrency: 3 });
    expect(first).toMatchObject({ created: 6, patched: 0, failed: 0 });
    expect(sim.all()).toHaveLength(26);
    const second = await syncRecords(adapter, fresh as never[], { concurrency: 3 });
    expect(second).toMatchObject({ created: 0, unchanged: 6, failed: 0 });
  });
});
