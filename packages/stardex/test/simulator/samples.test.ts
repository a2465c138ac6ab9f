/** The sample data: deterministic, realistic, valid against the spec, and writable against the simulator. */
import { type ObjectSchema, validate } from "@patchwise/diff";
import { keywords } from "@patchwise/diff/keywords";
import { describe, expect, it } from "vitest";
import { createStardexClient, diffPerson, type StardexPerson, unwrap } from "../../src/index.ts";
import {
  createStardexSimulator,
  STARDEX_CUSTOM_FIELDS,
  STARDEX_TEAM_MEMBERS,
  sampleStardexChanges,
  sampleStardexRecords,
} from "../../src/testing.ts";

const nullable = (schema: ObjectSchema): ObjectSchema => ({
  ...schema,
  type: [schema.type as "string", "null"],
});
const text: ObjectSchema = { type: "string" };
const uuid: ObjectSchema = { type: "string", format: "uuid" };
const date = nullable({ type: "string", format: "date" });
const contact: ObjectSchema = {
  type: "object",
  required: ["contact_data_type", "value"],
  properties: { contact_data_type: text, value: text },
  additionalProperties: false,
};
const company = {
  company_linkedin_url: nullable({ type: "string", format: "uri" }),
  company_linkedin_id: nullable({ type: "integer" }),
  company_id: nullable(uuid),
};

/** specs/stardex.yaml `Person` (and its items), as a validation table: what a GET may return. */
const PERSON: ObjectSchema = {
  keywords,
  type: "object",
  required: ["id", "name", "emails", "phones"],
  additionalProperties: false,
  properties: {
    id: uuid,
    name: text,
    ...Object.fromEntries(
      [
        "first_name",
        "last_name",
        "linkedin_public_id",
        "current_job_title",
        "current_company_name",
        "linkedin_location",
        "linkedin_headline",
        "address",
        "external_source_id",
      ].map((k) => [k, nullable(text)]),
    ),
    current_company_id: nullable(uuid),
    candidate_id: nullable(uuid),
    emails: { type: "array", items: contact },
    phones: { type: "array", items: contact },
    work_experience: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        properties: {
          company_name: nullable(text),
          ...company,
          duration_in_months: nullable({ type: "integer", minimum: 0 }),
          positions: {
            type: "array",
            items: {
              type: "object",
              additionalProperties: false,
              properties: {
                title: nullable(text),
                start_date: date,
                end_date: date,
                duration_in_months: nullable({ type: "integer", minimum: 0 }),
                description: nullable(text),
                location: nullable(text),
                position_type: nullable(text),
              },
            },
          },
        },
      },
    },
    education_experience: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        properties: {
          company_name: nullable(text),
          degree: nullable(text),
          description: nullable(text),
          start_date: date,
          end_date: date,
          ...company,
        },
      },
    },
    certifications: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        properties: {
          name: nullable(text),
          credential_id: nullable(text),
          start_date: date,
          end_date: date,
          company_name: nullable(text),
          ...company,
        },
      },
    },
    candidates: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        properties: {
          candidate_id: uuid,
          job_id: uuid,
          job_name: nullable(text),
          job_client_company_name: nullable(text),
          current_pipeline_stage_id: nullable(uuid),
          current_pipeline_stage_name: nullable(text),
          is_archived: { type: "boolean" },
          created_at: { type: "string", format: "date-time" },
        },
      },
    },
    custom_fields: {
      type: "array",
      items: {
        type: "object",
        required: ["attribute_id", "data_type"],
        additionalProperties: false,
        properties: {
          attribute_id: uuid,
          data_type: {
            type: "string",
            enum: ["text", "number", "date", "url", "single-select", "multi-select", "team-member"],
          },
          value: nullable(text),
          values: { type: "array", items: text },
          team_member_ids: { type: "array", items: uuid },
        },
      },
    },
  },
};

describe("sampleStardexRecords", () => {
  const records = sampleStardexRecords(200, { seed: 11 });

  it("is deterministic: the same seed gives the same records, byte for byte; another seed others", () => {
    expect(JSON.stringify(sampleStardexRecords(200, { seed: 11 }))).toBe(JSON.stringify(records));
    expect(sampleStardexRecords(5, { seed: 12 })).not.toEqual(records.slice(0, 5));
    expect(sampleStardexRecords(3)).toEqual(sampleStardexRecords(3, { seed: 1 }));
  });

  it("gives realistic persons: 3 emails, 2 phones, 10 custom fields of every data type", () => {
    for (const r of records) {
      expect(r.emails).toHaveLength(3);
      expect(r.phones).toHaveLength(2);
      expect(r.custom_fields).toHaveLength(10);
      expect(new Set(r.custom_fields?.map((f) => f.data_type))).toEqual(
        new Set(["text", "number", "date", "url", "single-select", "multi-select", "team-member"]),
      );
    }
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    expect(new Set(records.map((r) => r.linkedin_public_id)).size).toBe(records.length);
    const bytes = JSON.stringify(records).length / records.length;
    expect(bytes).toBeGreaterThan(2500); // a realistic person, work history included
  });

  it("is valid against the spec's Person read shape, with the catalogue's tags and team members", () => {
    expect(records.flatMap((r) => validate(PERSON, r))).toEqual([]);
    const tags = new Set(STARDEX_CUSTOM_FIELDS.flatMap((f) => f.tags.map((t) => `${f.id}/${t.name}`)));
    const members = new Set(STARDEX_TEAM_MEMBERS.map((m) => m.id));
    for (const f of records.flatMap((r) => r.custom_fields ?? [])) {
      const named = f.data_type === "single-select" ? [f.value] : (f.values ?? []);
      for (const name of named)
        expect(tags.has(`${f.attribute_id}/${name}`), `${f.attribute_id}/${name}`).toBe(true);
      for (const id of f.team_member_ids ?? []) expect(members.has(id)).toBe(true);
    }
  });

  it("seeds a simulator as they are, which reads them back unchanged", () => {
    const sim = createStardexSimulator({ records });
    expect(JSON.stringify(sim.all())).toBe(JSON.stringify(records));
    expect(sim.catalogue().customFields).toEqual(STARDEX_CUSTOM_FIELDS); // nothing had to be learned
  });
});

describe("sampleStardexChanges", () => {
  const records = sampleStardexRecords(150, { seed: 5 });
  const desired = sampleStardexChanges(records, { seed: 5 });

  it("is deterministic, and changes the writable state of changedRatio of the records", () => {
    expect(JSON.stringify(sampleStardexChanges(records, { seed: 5 }))).toBe(JSON.stringify(desired));
    const changed = (list: StardexPerson[]) => list.filter((d, i) => !diffPerson(records[i]!, d).noop).length;
    expect(changed(desired)).toBe(50);
    expect(changed(sampleStardexChanges(records, { seed: 5, changedRatio: 0 }))).toBe(0);
    expect(changed(sampleStardexChanges(records, { seed: 5, changedRatio: 1 }))).toBe(150);
    // The others are not all the same record: read-only changes, reorders and re-encodings among them.
    const unchanged = desired.filter((d, i) => diffPerson(records[i]!, d).noop);
    expect(
      unchanged.filter((d, i) => JSON.stringify(d) !== JSON.stringify(records[i])).length,
    ).toBeGreaterThan(20);
  });

  it("every desired record's diff is accepted by a simulator seeded with the records, which then holds it", async () => {
    const sim = createStardexSimulator({ records, apiKey: "k" });
    const client = createStardexClient({ apiKey: "k", fetch: sim.fetch, retry: false });
    const kinds = new Set<string>();
    for (const [i, record] of records.entries()) {
      const want = desired[i]!;
      const { body, noop, changed } = diffPerson(record, want);
      for (const key of changed) kinds.add(key);
      if (noop) continue;
      const params = { params: { path: { id: record.id } } };
      const { response, error } = await client.PATCH("/v1/persons/{id}", { ...params, body });
      expect({ status: response.status, error }, JSON.stringify(body)).toEqual({
        status: 200,
        error: undefined,
      });
      const { data: read } = await unwrap(client.GET("/v1/persons/{id}", params));
      expect(diffPerson(read, want).noop, JSON.stringify(body)).toBe(true);
    }
    // The edits reach every kind of field.
    expect([...kinds].sort()).toEqual([
      "company_name",
      "current_job_title",
      "custom_fields",
      "emails",
      "last_name",
      "linkedin_headline",
      "linkedin_location",
      "linkedin_url",
      "name",
      "phone_numbers",
    ]);
  });
});
