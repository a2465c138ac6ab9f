import { validate } from "@patchwise/diff";
import { describe, expect, it } from "vitest";
import { createPersonBody } from "../../src/generated/validation.ts";
import { createFolkClient, diffPerson, type FolkPerson, unwrap } from "../../src/index.ts";
import {
  createFolkSimulator,
  FOLK_WORKSPACE,
  sampleFolkChanges,
  sampleFolkRecords,
} from "../../src/testing.ts";

const PERSON_ID = /^per_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const typeOf = (groupId: string, field: string) =>
  FOLK_WORKSPACE.groups.find((g) => g.id === groupId)?.fields.find((f) => f.name === field)?.type;
const setValues = (p: FolkPerson) =>
  Object.entries(p.customFieldValues).flatMap(([g, fields]) =>
    Object.entries(fields).flatMap(([f, v]) => (v === null ? [] : [[g, f, v] as const])),
  );
/** A person with nothing set, as POST creates from an empty body. */
const EMPTY: FolkPerson = {
  ...sampleFolkRecords(1)[0]!,
  firstName: "",
  lastName: "",
  fullName: "",
  description: "",
  birthday: null,
  jobTitle: "",
  groups: [],
  companies: [],
  addresses: [],
  emails: [],
  phones: [],
  urls: [],
  customFieldValues: {},
};

describe("sampleFolkRecords", () => {
  const records = sampleFolkRecords(100, { seed: 3 });

  it("is deterministic: the same seed gives the same records, another seed others", () => {
    expect(sampleFolkRecords(100, { seed: 3 })).toEqual(records);
    expect(sampleFolkRecords(5, { seed: 4 })).not.toEqual(records.slice(0, 5));
    expect(sampleFolkRecords(5)).toEqual(sampleFolkRecords(5, { seed: 1 }));
  });

  it("gives realistic people: 3 groups, 20 custom values, 2 companies, several emails, phones and urls", () => {
    for (const p of records) {
      expect(p.id).toMatch(PERSON_ID);
      expect(p.groups).toHaveLength(3);
      expect(setValues(p)).toHaveLength(20);
      expect(p.companies).toHaveLength(2);
      expect(p.emails.length).toBeGreaterThanOrEqual(2);
      expect(p.phones).toHaveLength(2);
      expect(p.urls.length).toBeGreaterThanOrEqual(2);
      expect(p.addresses.length).toBeGreaterThanOrEqual(1);
    }
    expect(new Set(records.map((p) => p.id)).size).toBe(records.length);
    const types = new Set(records.flatMap((p) => setValues(p).map(([g, f]) => typeOf(g, f))));
    expect([...types].sort()).toEqual([
      "contactField",
      "dateField",
      "magicField",
      "multipleSelect",
      "numericField",
      "objectField",
      "singleSelect",
      "textField",
      "userField",
    ]);
    const bytes = JSON.stringify(records).length / records.length;
    expect(bytes).toBeGreaterThan(2500);
    expect(bytes).toBeLessThan(6000);
  });

  it("numbers read as numeric strings, references in full read form", () => {
    for (const [g, f, v] of records.flatMap(setValues)) {
      const type = typeOf(g, f);
      if (type === "numericField") expect(v).toMatch(/^-?\d+(\.\d+)?$/);
      if (type === "userField") {
        for (const u of v as object[]) expect(Object.keys(u)).toEqual(["id", "fullName", "email"]);
      }
      if (type === "contactField" || type === "objectField") {
        for (const e of v as object[]) expect(Object.keys(e)).toEqual(["id", "fullName", "entityType"]);
      }
    }
  });

  it("is what the simulator reads back, exactly, once seeded", () => {
    const sim = createFolkSimulator({ records });
    expect(sim.all()).toEqual(records);
  });

  it("is valid against the spec: every record's write form is a valid create body that the simulator takes", async () => {
    const sim = createFolkSimulator();
    const folk = createFolkClient({ apiKey: sim.apiKey, fetch: sim.fetch });
    for (const record of records.slice(0, 30)) {
      const { body } = diffPerson(EMPTY, record);
      expect(validate(createPersonBody, body)).toEqual([]);
      const { data } = await unwrap(folk.POST("/v1/people", { body }));
      expect(diffPerson(data, record).noop).toBe(true);
    }
  });
});

describe("sampleFolkChanges", () => {
  const records = sampleFolkRecords(150, { seed: 11 });
  const desired = sampleFolkChanges(records, { seed: 12 });

  it("is deterministic, and leaves its input as it was", () => {
    expect(records).toEqual(sampleFolkRecords(150, { seed: 11 }));
    expect(sampleFolkChanges(records, { seed: 12 })).toEqual(desired);
    expect(sampleFolkChanges(records, { seed: 13 })).not.toEqual(desired);
  });

  it("changes `changedRatio` of the records (default a third); the rest diff to nothing", () => {
    const changed = (list: typeof desired) => list.filter((d, i) => !diffPerson(records[i]!, d).noop).length;
    expect(changed(desired)).toBe(50);
    expect(changed(sampleFolkChanges(records, { seed: 12, changedRatio: 0 }))).toBe(0);
    expect(changed(sampleFolkChanges(records, { seed: 12, changedRatio: 1 }))).toBe(150);
    expect(changed(sampleFolkChanges(records, { seed: 12, changedRatio: 0.1 }))).toBe(15);
  });

  it("the unchanged ones include identical records, read-only changes and re-encodings", () => {
    const same = desired.flatMap((d, i) =>
      diffPerson(records[i]!, d).noop ? [[records[i]!, d] as const] : [],
    );
    const identical = same.filter(([r, d]) => JSON.stringify(r) === JSON.stringify(d));
    expect(identical.length).toBeGreaterThan(25);
    expect(identical.length).toBeLessThan(same.length);
  });

  it("the changes are of every kind", () => {
    const keys = new Set(desired.flatMap((d, i) => diffPerson(records[i]!, d).changed));
    expect([...keys].sort()).toEqual(
      [
        "birthday",
        "companies",
        "customFieldValues",
        "description",
        "emails",
        "groups",
        "jobTitle",
        "phones",
      ].sort(),
    );
  });

  it("every desired record's diff is accepted by a simulator seeded with the records, and reaches the desired state", async () => {
    const sim = createFolkSimulator({ records });
    const folk = createFolkClient({ apiKey: sim.apiKey, fetch: sim.fetch, retry: false });
    for (const [i, d] of desired.entries()) {
      const before = records[i]!;
      const { body, noop } = diffPerson(before, d);
      if (noop) continue;
      const { data, error } = await folk.PATCH("/v1/people/{personId}", {
        params: { path: { personId: before.id } },
        body,
      });
      expect(error, JSON.stringify(body)).toBeUndefined();
      expect(diffPerson(data!.data, d).noop).toBe(true);
    }
    expect(sim.requests).toHaveLength(50);
  });
});
