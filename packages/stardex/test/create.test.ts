import { PatchwiseNetworkError, syncRecords } from "@patchwise/core";
import { describe, expect, it } from "vitest";
import {
  createPerson,
  createPersonBody,
  createStardexClient,
  createStardexPersonsAdapter,
  findPersonsByKey,
  PatchValidationError,
  personKey,
  type StardexNewPerson,
} from "../src/index.ts";
import { createStardexSimulator, sampleStardexNewRecords, sampleStardexRecords } from "../src/testing.ts";

function setup(options: Parameters<typeof createStardexSimulator>[0] = {}) {
  const sim = createStardexSimulator(options);
  const client = createStardexClient({ apiKey: sim.apiKey, fetch: sim.fetch, retry: { minDelayMs: 1 } });
  return { sim, client };
}

const sam: StardexNewPerson = {
  name: "Sam Placeholder",
  first_name: "Sam",
  last_name: "Placeholder",
  linkedin_public_id: "Sam-Placeholder",
  current_job_title: "CTO",
  current_company_name: null,
  emails: [
    { contact_data_type: "other", value: "sam@home.example" },
    { contact_data_type: "work", value: "sam@widgets.example" },
    { contact_data_type: "work", value: "sam@old.example" },
  ],
  phones: [{ contact_data_type: "mobile", value: "+44 7700 900123" }],
};

describe("createPersonBody", () => {
  it("writes the read shape as create takes it: a LinkedIn URL, typed values first, plain strings", () => {
    expect(createPersonBody(sam)).toEqual({
      name: "Sam Placeholder",
      linkedin_url: "https://www.linkedin.com/in/Sam-Placeholder",
      first_name: "Sam",
      last_name: "Placeholder",
      current_job_title: "CTO",
      work_email: "sam@widgets.example",
      emails: ["sam@home.example", "sam@old.example"],
      mobile_phone: "+44 7700 900123",
    });
  });

  it.each([
    ["no name", { linkedin_public_id: "sam" }, [["name", "required"]]],
    ["no LinkedIn profile", { name: "Sam" }, [["linkedin_url", "required"]]],
    ["a public id with a slash", { name: "Sam", linkedin_public_id: "a/b" }, [["linkedin_url", "pattern"]]],
    [
      "an email that is not one",
      { name: "Sam", linkedin_public_id: "sam", emails: [{ contact_data_type: "work", value: "nope" }] },
      [["work_email", "format"]],
    ],
  ] as const)("refuses %s, naming the field and rule", (_, record, want) => {
    let error: unknown;
    try {
      createPersonBody(record as StardexNewPerson);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PatchValidationError);
    expect((error as PatchValidationError).message).toMatch(/^Invalid POST \/v1\/persons body:/);
    expect((error as PatchValidationError).issues.map((i) => [i.path, i.rule])).toEqual(want);
  });
});

describe("natural key", () => {
  it("is the LinkedIn public id, case-folded", () => {
    expect(personKey({ linkedin_public_id: " Sam-Placeholder " })).toBe("sam-placeholder");
    expect(personKey({ linkedin_public_id: null })).toBeUndefined();
    expect(personKey({})).toBeUndefined();
  });

  it("finds the person of a LinkedIn profile through the search, whatever its case", async () => {
    const records = sampleStardexRecords(30, { seed: 3 });
    const { client } = setup({ records });
    const target = records[7]!;
    const found = await findPersonsByKey(client, {
      linkedin_public_id: target.linkedin_public_id?.toUpperCase() ?? null,
    });
    expect(found.map((p) => p.id)).toEqual([target.id]);
    expect(await findPersonsByKey(client, { linkedin_public_id: "nobody-here" })).toEqual([]);
    expect(await findPersonsByKey(client, {})).toEqual([]);
  });
});

describe("createPerson", () => {
  it("creates a person the search then finds; Stardex answers a second create with the same person", async () => {
    const { sim, client } = setup();
    const id = await createPerson(client, sam);
    expect(sim.get(id)).toMatchObject({ name: "Sam Placeholder", linkedin_public_id: "Sam-Placeholder" });
    expect((await findPersonsByKey(client, sam)).map((p) => p.id)).toEqual([id]);
    // De-duplication by LinkedIn URL: the same profile gives the same person, nothing new stored.
    expect(await createPerson(client, { ...sam, name: "Another Name" })).toBe(id);
    expect(sim.all()).toHaveLength(1);
  });

  it("sends nothing for a body it refuses", async () => {
    const { sim, client } = setup();
    await expect(createPerson(client, { name: "Sam" })).rejects.toThrow(PatchValidationError);
    expect(sim.requests).toHaveLength(0);
  });

  it("is sent once: a lost answer is an error, and the person is stored", async () => {
    const { sim, client } = setup({ faults: { schedule: ["lost"] } });
    await expect(createPerson(client, sam)).rejects.toThrow(PatchwiseNetworkError);
    expect(sim.requests.map((r) => r.method)).toEqual(["POST"]);
    expect(sim.all()).toHaveLength(1);
  });

  it("through the adapter: a key, a look-up and a create that returns the id", async () => {
    const { sim, client } = setup();
    const adapter = createStardexPersonsAdapter(client);
    expect(adapter.naturalKey?.(sam as never)).toBe("sam-placeholder");
    expect(await adapter.findByKey?.(sam as never)).toEqual([]);
    const made = await adapter.create?.(sam as never);
    expect(made).toEqual({ id: sim.all()[0]?.id });
  });
});

describe("sampleStardexNewRecords", () => {
  it("are new to a seeded simulator: a sync creates each once, and a second sync changes nothing", async () => {
    const { sim, client } = setup({ records: sampleStardexRecords(20, { seed: 1 }) });
    const adapter = createStardexPersonsAdapter(client);
    const fresh = sampleStardexNewRecords(6, { seed: 1 });
    const first = await syncRecords(adapter, fresh as never[], { concurrency: 3 });
    expect(first).toMatchObject({ created: 6, patched: 0, failed: 0 });
    expect(sim.all()).toHaveLength(26);
    const second = await syncRecords(adapter, fresh as never[], { concurrency: 3 });
    expect(second).toMatchObject({ created: 0, unchanged: 6, failed: 0 });
  });
});
