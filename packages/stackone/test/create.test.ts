import { PatchwiseNetworkError, syncRecords } from "@patchwise/core";
import { describe, expect, it } from "vitest";
import {
  candidateKey,
  createCandidate,
  createCandidateBody,
  createStackOneCandidatesAdapter,
  createStackOneClient,
  findCandidatesByKey,
  PatchValidationError,
  type StackOneCandidate,
} from "../src/index.ts";
import {
  createStackOneSimulator,
  STACKONE_ACCOUNT_ID,
  sampleStackOneNewRecords,
  sampleStackOneRecords,
} from "../src/testing.ts";

function setup(options: Parameters<typeof createStackOneSimulator>[0] = {}) {
  const sim = createStackOneSimulator(options);
  const client = createStackOneClient({
    apiKey: sim.apiKey,
    accountId: STACKONE_ACCOUNT_ID,
    fetch: sim.fetch,
    retry: { minDelayMs: 1 },
  });
  return { sim, client };
}

const ada: StackOneCandidate = {
  first_name: "Ada",
  last_name: "Lovelace",
  title: "Analyst",
  company: null,
  emails: [
    { type: "work", value: "Ada@Example.com" },
    { type: "personal", value: "ada@home.example" },
  ],
  phone_numbers: [{ type: "mobile", phone: "+447700900123" }],
  application_ids: [],
};

describe("createCandidateBody", () => {
  it("is the difference from an empty candidate, with one email instead of the list", () => {
    expect(createCandidateBody(ada)).toEqual({
      first_name: "Ada",
      last_name: "Lovelace",
      title: "Analyst",
      phone_numbers: [{ type: "mobile", phone: "+447700900123" }],
      email: "Ada@Example.com",
    });
  });

  it("refuses what cannot be written, naming each field and rule", () => {
    let error: unknown;
    try {
      createCandidateBody({
        first_name: "Ada",
        hired_at: "yesterday",
        phone_numbers: [{ type: "pager" as "other", phone: "1" }],
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PatchValidationError);
    expect((error as PatchValidationError).message).toMatch(/^Invalid POST \/unified\/ats\/candidates body:/);
    expect((error as PatchValidationError).issues.map((i) => [i.path, i.rule])).toEqual(
      expect.arrayContaining([
        ["hired_at", "format"],
        ["phone_numbers[0].type", "enum"],
      ]),
    );
  });
});

describe("natural key", () => {
  it("is the email, else the first address, case-folded", () => {
    expect(candidateKey(ada)).toBe("ada@example.com");
    expect(
      candidateKey({ email: "Main@Example.com", emails: [{ type: "work", value: "x@y.example" }] }),
    ).toBe("main@example.com");
    expect(candidateKey({ email: null, emails: [] })).toBeUndefined();
    expect(candidateKey({})).toBeUndefined();
  });

  it("finds the candidates with the email, with their custom fields", async () => {
    const records = sampleStackOneRecords(30, { seed: 4 });
    const { client } = setup({ records });
    const target = records.find((c) => candidateKey(c) !== undefined)!;
    const found = await findCandidatesByKey(client, { email: candidateKey(target)!.toUpperCase() });
    expect(found.map((c) => c.id)).toContain(target.id);
    expect(found.every((c) => candidateKey(c) !== undefined)).toBe(true);
    expect(found.every((c) => Array.isArray(c.custom_fields))).toBe(true);
    expect(await findCandidatesByKey(client, { email: "nobody@nowhere.example" })).toEqual([]);
    expect(await findCandidatesByKey(client, {})).toEqual([]);
  });
});

describe("createCandidate", () => {
  it("creates a candidate the look-up then finds", async () => {
    const { sim, client } = setup();
    const id = await createCandidate(client, ada);
    expect(sim.get(id)).toMatchObject({ first_name: "Ada", email: "Ada@Example.com" });
    expect((await findCandidatesByKey(client, ada)).map((c) => c.id)).toEqual([id]);
  });

  it("sends nothing for a body it refuses, and is sent once when the answer is lost", async () => {
    const { sim, client } = setup({ faults: { schedule: ["lost"] } });
    await expect(createCandidate(client, { hired_at: "yesterday" })).rejects.toThrow(PatchValidationError);
    expect(sim.requests).toHaveLength(0);
    await expect(createCandidate(client, ada)).rejects.toThrow(PatchwiseNetworkError);
    expect(sim.requests.map((r) => r.method)).toEqual(["POST"]);
    expect(sim.all()).toHaveLength(1);
  });

  it("through the adapter: the create returns the id, which a sync reads back and completes", async () => {
    const { sim, client } = setup();
    const adapter = createStackOneCandidatesAdapter(client);
    const made = await adapter.create?.(ada);
    expect(made).toEqual({ id: sim.all()[0]?.id });
    // What create cannot carry (the second address) is left for the PATCH after it.
    const current = await adapter.get(made!.id);
    expect(adapter.diff(current!, ada).changed).toEqual(["emails"]);
  });
});

describe("sampleStackOneNewRecords", () => {
  it("are new to a seeded simulator: a sync creates each once, and a second sync changes nothing", async () => {
    const { sim, client } = setup({ records: sampleStackOneRecords(20, { seed: 1 }) });
    const adapter = createStackOneCandidatesAdapter(client);
    const fresh = sampleStackOneNewRecords(6, { seed: 1 });
    const first = await syncRecords(adapter, fresh as never[], { concurrency: 3 });
    expect(first).toMatchObject({ created: 6, patched: 0, failed: 0 });
    expect(sim.all()).toHaveLength(26);
    const second = await syncRecords(adapter, fresh as never[], { concurrency: 3 });
    expect(second).toMatchObject({ created: 0, unchanged: 6, failed: 0 });
  });
});
