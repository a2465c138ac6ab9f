import { PatchwiseNetworkError, syncRecords } from "@patchwise/core";
import { describe, expect, it } from "vitest";
import {
  createFolkClient,
  createFolkPeopleAdapter,
  createPerson,
  createPersonBody,
  type FolkPersonDesired,
  findPeopleByKey,
  PatchValidationError,
  personKey,
} from "../src/index.ts";
import { createFolkSimulator, sampleFolkNewRecords, sampleFolkRecords } from "../src/testing.ts";

function setup(options: Parameters<typeof createFolkSimulator>[0] = {}) {
  const sim = createFolkSimulator(options);
  const client = createFolkClient({ apiKey: sim.apiKey, fetch: sim.fetch, retry: { minDelayMs: 1 } });
  return { sim, client };
}

const ada: FolkPersonDesired = {
  firstName: "Ada",
  lastName: "Lovelace",
  jobTitle: "Analyst",
  birthday: null,
  emails: ["Ada@Example.com", "ada@work.example"],
  phones: [],
  companies: [{ name: "Analytical Engines" }],
};

describe("createPersonBody", () => {
  it("is the person's difference from an empty one: nothing empty or null is sent", () => {
    expect(createPersonBody(ada)).toEqual({
      firstName: "Ada",
      lastName: "Lovelace",
      jobTitle: "Analyst",
      companies: [{ name: "Analytical Engines" }],
      emails: ["Ada@Example.com", "ada@work.example"],
    });
  });

  it("refuses what cannot be written, naming each field, rule and limit", () => {
    let error: unknown;
    try {
      createPersonBody({
        jobTitle: "x".repeat(501),
        emails: Array.from({ length: 21 }, (_, i) => `p${i}@x.example`),
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PatchValidationError);
    expect((error as PatchValidationError).message).toMatch(/^Invalid POST \/v1\/people body:/);
    expect((error as PatchValidationError).issues.map((i) => [i.path, i.rule, i.limit])).toEqual([
      ["jobTitle", "maxLength", 500],
      ["emails", "maxItems", 20],
    ]);
  });
});

describe("natural key", () => {
  it("is the primary email, case-folded", () => {
    expect(personKey(ada)).toBe("ada@example.com");
    expect(personKey({ emails: [] })).toBeUndefined();
    expect(personKey({ emails: null })).toBeUndefined();
    expect(personKey({})).toBeUndefined();
  });

  it("finds the people who have the email, whatever its case or place", async () => {
    const records = sampleFolkRecords(30, { seed: 5 });
    const { client } = setup({ records });
    const target = records.find((p) => p.emails.length > 0)!;
    const email = target.emails[0]!;
    const found = await findPeopleByKey(client, { emails: [email.toUpperCase()] });
    expect(found.map((p) => p.id)).toContain(target.id);
    expect(found.every((p) => p.emails.some((e) => e.toLowerCase() === email.toLowerCase()))).toBe(true);
    expect(await findPeopleByKey(client, { emails: ["nobody@nowhere.example"] })).toEqual([]);
    expect(await findPeopleByKey(client, {})).toEqual([]);
  });
});

describe("createPerson", () => {
  it("creates a person the look-up then finds", async () => {
    const { sim, client } = setup();
    const person = await createPerson(client, ada);
    expect(person).toMatchObject({ firstName: "Ada", emails: ["Ada@Example.com", "ada@work.example"] });
    expect(sim.get(person.id)).toEqual(person);
    expect((await findPeopleByKey(client, ada)).map((p) => p.id)).toEqual([person.id]);
  });

  it("sends nothing for a body it refuses, and is sent once when the answer is lost", async () => {
    const { sim, client } = setup({ faults: { schedule: ["lost"] } });
    await expect(createPerson(client, { jobTitle: "x".repeat(501) })).rejects.toThrow(PatchValidationError);
    expect(sim.requests).toHaveLength(0);
    await expect(createPerson(client, ada)).rejects.toThrow(PatchwiseNetworkError);
    expect(sim.requests.map((r) => r.method)).toEqual(["POST"]);
    expect(sim.all()).toHaveLength(1);
  });

  it("through the adapter: the create returns the person whole", async () => {
    const { client } = setup();
    const adapter = createFolkPeopleAdapter(client);
    expect(adapter.naturalKey?.(ada)).toBe("ada@example.com");
    const made = await adapter.create?.(ada);
    expect(made?.record).toMatchObject({ id: made?.id, firstName: "Ada" });
    expect((await adapter.findByKey?.(ada))?.map((p) => p.id)).toEqual([made?.id]);
  });
});

describe("sampleFolkNewRecords", () => {
  it("are new to a seeded simulator: a sync creates each once, and a second sync changes nothing", async () => {
    const { sim, client } = setup({ records: sampleFolkRecords(20, { seed: 1 }) });
    const adapter = createFolkPeopleAdapter(client);
    const fresh = sampleFolkNewRecords(6, { seed: 1 });
    const first = await syncRecords(adapter, fresh as never[], { concurrency: 3 });
    expect(first).toMatchObject({ created: 6, patched: 0, failed: 0 });
    expect(sim.all()).toHaveLength(26);
    const second = await syncRecords(adapter, fresh as never[], { concurrency: 3 });
    expect(second).toMatchObject({ created: 0, unchanged: 6, failed: 0 });
  });
});
