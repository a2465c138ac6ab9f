/**
 * The persons API of the simulator through the real client, in-process and over loopback HTTP: each
 * operation with Stardex's semantics, pagination to the last page, and every error path.
 */
import { describe, expect, it } from "vitest";
import {
  PatchwiseApiError,
  type StardexClient,
  type StardexPerson,
  type StardexPersonPatch,
  unwrap,
} from "../../src/index.ts";
import type { StardexSimulator } from "../../src/testing.ts";
import { ANA, BEN, CAT, clock, connect, FIELDS, JOB_A, JOB_B, KEY, person, TRANSPORTS } from "./fixtures.ts";

/** The error a call ends in (after any retries). */
async function failure(call: Promise<{ error?: unknown; response: Response }>): Promise<PatchwiseApiError> {
  try {
    await unwrap(call as never);
  } catch (e) {
    if (e instanceof PatchwiseApiError) return e;
    throw e;
  }
  throw new Error("expected the call to fail");
}

describe.each(TRANSPORTS)("persons (%s)", (transport) => {
  const setup = (records: StardexPerson[] = [person(1)]) =>
    connect(transport, { records, now: clock().now, seed: 7 });
  const path = (id: string) => ({ params: { path: { id } } });
  const patch = (client: StardexClient, id: string, body: StardexPersonPatch) =>
    client.PATCH("/v1/persons/{id}", { ...path(id), body });
  const get = async (client: StardexClient, id: string) =>
    (await unwrap(client.GET("/v1/persons/{id}", path(id)))).data;

  describe("GET /v1/persons/{id}", () => {
    it("returns a seeded person in the read shape, every field present in the spec's order", async () => {
      const sparse: StardexPerson = { id: person(2).id, name: "Ada Lovelace", emails: [], phones: [] };
      const { client } = await setup([person(1), sparse]);
      const { data, response } = await client.GET("/v1/persons/{id}", path(person(1).id));
      expect(response.status).toBe(200);
      expect(data).toEqual({ success: true, data: person(1) });
      expect(Object.keys(data?.data ?? {})).toEqual(Object.keys(person(1)));
      expect(await get(client, sparse.id)).toMatchObject({
        name: "Ada Lovelace",
        first_name: null,
        linkedin_public_id: null,
        candidates: [],
        custom_fields: [],
      });
    });

    it("404: an unknown id, in the envelope", async () => {
      const { client } = await setup();
      const e = await failure(client.GET("/v1/persons/{id}", path(person(9).id)));
      expect(e).toMatchObject({ status: 404, code: "NOT_FOUND" });
      expect(e.body).toEqual({
        success: false,
        error: { code: "NOT_FOUND", message: `Person ${person(9).id} not found` },
      });
    });

    it("400: an id that is not a uuid names the parameter", async () => {
      const { client } = await setup();
      const e = await failure(client.GET("/v1/persons/{id}", path("per_1")));
      expect(e).toMatchObject({ status: 400, code: "VALIDATION_ERROR" });
      expect(e.message).toContain('id: must be a valid uuid (got "per_1")');
    });
  });

  describe("POST /v1/persons", () => {
    it("creates a person and returns the summary; GET shows the read shape", async () => {
      const { client, sim } = await setup([]);
      const { data, response } = await client.POST("/v1/persons", {
        body: {
          name: "Ada King Lovelace",
          linkedin_url: "https://linkedin.com/in/ada-lovelace-1815/",
          current_job_title: "Analyst",
          company_name: "Analytical Engines Ltd",
          work_email: "ada@engines.example",
          emails: ["ada@home.example", "ADA@engines.example"],
          mobile_phone: "+44 7700 900000",
          phone_numbers: ["+447700900000", "+44 20 7946 0000"],
          job_id: JOB_A.id,
          client_id: sim.catalogue().companies[0]!.id,
          notes: "Met at the meetup",
          external_source_id: "hris-1",
          enrich_record: true,
        },
      });
      expect(response.status).toBe(200);
      const id = data!.data.id;
      const created = await get(client, id);
      expect(data!.data).toEqual({
        id,
        name: "Ada King Lovelace",
        linkedin_public_id: "ada-lovelace-1815",
        current_job_title: "Analyst",
        company_name: "Analytical Engines Ltd",
        linkedin_location: null,
        emails: created.emails,
        phones: created.phones,
        candidate_id: created.candidate_id,
        client_contact_id: expect.stringMatching(/^[\da-f-]{36}$/),
        external_source_id: "hris-1",
      });
      expect(created).toMatchObject({
        first_name: "Ada",
        last_name: "King Lovelace",
        current_company_name: "Analytical Engines Ltd",
        current_company_id: sim.catalogue().companies.find((c) => c.name === "Analytical Engines Ltd")?.id,
        // Typed values first under their label; the plain lists as "other"; repeats (by address, by digits) once.
        emails: [
          { contact_data_type: "work", value: "ada@engines.example" },
          { contact_data_type: "other", value: "ada@home.example" },
        ],
        phones: [
          { contact_data_type: "mobile", value: "+44 7700 900000" },
          { contact_data_type: "other", value: "+44 20 7946 0000" },
        ],
        candidates: [
          {
            job_id: JOB_A.id,
            job_name: JOB_A.name,
            is_archived: false,
            created_at: new Date(Date.UTC(2026, 0, 15, 9)).toISOString(),
          },
        ],
        custom_fields: [],
      });
      expect(created.candidate_id).toBe(created.candidates?.[0]?.candidate_id);
    });

    it("de-duplicates by LinkedIn URL: any form of the same profile returns the existing person, unchanged", async () => {
      const { client, sim } = await setup();
      const before = sim.all();
      const { data } = await client.POST("/v1/persons", {
        body: {
          name: "Someone Else",
          linkedin_url: "http://www.linkedin.com/in/SAM-PLACEHOLDER-1/?trk=public",
          current_job_title: "CTO",
          job_id: JOB_B.id,
        },
      });
      expect(data?.data).toMatchObject({
        id: person(1).id,
        name: person(1).name,
        current_job_title: "Backend Engineer",
      });
      expect(sim.all()).toEqual(before);
    });

    it("ids and timestamps are deterministic given the seed and the clock", async () => {
      const ids = [];
      for (let i = 0; i < 2; i++) {
        const { client } = await setup([]);
        const { data } = await client.POST("/v1/persons", {
          body: { name: "Ada", linkedin_url: "https://www.linkedin.com/in/ada", job_id: JOB_A.id },
        });
        ids.push(await get(client, data!.data.id));
      }
      expect(ids[1]).toEqual(ids[0]);
    });

    it.each([
      ["a missing name", { linkedin_url: "https://www.linkedin.com/in/x" }, "name: is required"],
      [
        "an empty name",
        { name: "", linkedin_url: "https://www.linkedin.com/in/x" },
        "name: must be at least 1",
      ],
      [
        "a linkedin_url that is not a uri",
        { name: "X", linkedin_url: "linkedin/x" },
        "linkedin_url: must be a valid uri",
      ],
      [
        "a linkedin_url that is not a LinkedIn profile",
        { name: "X", linkedin_url: "https://example.com/in/x" },
        "linkedin_url: must be a LinkedIn profile URL",
      ],
      [
        "an email that is not an email",
        { name: "X", linkedin_url: "https://www.linkedin.com/in/x", emails: ["nope"] },
        "emails[0]: must be a valid email",
      ],
      [
        "an unknown job",
        {
          name: "X",
          linkedin_url: "https://www.linkedin.com/in/x",
          job_id: "00000000-0000-4000-8000-000000000000",
        },
        "job_id: must be the id of a job",
      ],
      [
        "an unknown job title",
        { name: "X", linkedin_url: "https://www.linkedin.com/in/x", job_name: "Astronaut" },
        "job_name: must be the title of a job",
      ],
      [
        "an unknown client company",
        { name: "X", linkedin_url: "https://www.linkedin.com/in/x", client_name: "Nobody Inc" },
        "client_name: must be the name of a company",
      ],
      [
        "a key the API does not take",
        { name: "X", linkedin_url: "https://www.linkedin.com/in/x", phones: [] },
        "phones: is not allowed",
      ],
    ])("400: %s", async (_name, body, message) => {
      const { client, sim } = await setup([]);
      const e = await failure(client.POST("/v1/persons", { body: body as never }));
      expect(e).toMatchObject({ status: 400, code: "VALIDATION_ERROR" });
      expect(e.message).toContain(message);
      expect(sim.all()).toEqual([]);
    });

    it("400: a body that is not JSON", async () => {
      const { client } = await setup([]);
      const e = await failure(
        client.POST("/v1/persons", {
          body: {} as never,
          bodySerializer: () => "{name:",
        }),
      );
      expect(e).toMatchObject({
        status: 400,
        code: "BAD_REQUEST",
        message: expect.stringContaining("Malformed JSON"),
      });
    });
  });

  describe("POST /v1/persons/search", () => {
    const seven = Array.from({ length: 7 }, (_, i) => person(i + 1));

    it("pages by offset and limit to the last page, with meta.total", async () => {
      const { client } = await setup(seven);
      const pages = [];
      for (let offset = 0; offset < 7; offset += 3) {
        const { data, meta } = await unwrap(
          client.POST("/v1/persons/search", { body: { offset, limit: 3 } }),
        );
        pages.push({ ids: data.map((p) => p.id), meta });
      }
      expect(pages).toEqual([
        { ids: seven.slice(0, 3).map((p) => p.id), meta: { total: 7, offset: 0, limit: 3 } },
        { ids: seven.slice(3, 6).map((p) => p.id), meta: { total: 7, offset: 3, limit: 3 } },
        { ids: seven.slice(6).map((p) => p.id), meta: { total: 7, offset: 6, limit: 3 } },
      ]);
      // The generated body type requires offset and limit (they have defaults); the API does not.
      const past = await unwrap(client.POST("/v1/persons/search", { body: { offset: 7 } as never }));
      expect(past).toEqual({ success: true, data: [], meta: { total: 7, offset: 7, limit: 100 } });
      const walked = [];
      for await (const p of client.iterate.persons({}, { pageSize: 2 })) walked.push(p);
      expect(walked).toEqual(seven);
    });

    it("finds a person by its natural keys: LinkedIn URL in any form, email, phone, name, job", async () => {
      const candidate = person(5, {
        candidates: [
          { candidate_id: "9d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d", job_id: JOB_B.id, job_name: JOB_B.name },
        ],
      });
      const { client } = await setup([...seven.slice(0, 4), candidate, ...seven.slice(5)]);
      const ids = async (filter: object) =>
        (await unwrap(client.POST("/v1/persons/search", { body: filter as never }))).data.map((p) => p.id);
      const five = [candidate.id];
      expect(await ids({ linkedin_url: "https://www.linkedin.com/in/sam-placeholder-5" })).toEqual(five);
      expect(await ids({ linkedin_url: "http://linkedin.com/in/Sam-Placeholder-5/" })).toEqual(five);
      expect(await ids({ linkedin_url: "https://www.linkedin.com/in/sam-placeholder-55" })).toEqual([]);
      expect(await ids({ linkedin_url: "sam-placeholder-5" })).toEqual([]); // not a URL: matches nothing
      expect(await ids({ email: "SAM5@Widgets.example" })).toEqual(five);
      expect(await ids({ phone: "+351910000005" })).toEqual(five);
      expect(await ids({ name: "placeholder 5" })).toEqual(five);
      expect(await ids({ job_id: JOB_B.id })).toEqual(five);
      expect(await ids({ name: "Sam", email: "sam6@home.example" })).toEqual([seven[5]!.id]);
      expect(await ids({ name: "Sam", email: "sam6@widgets.example", phone: "+351910000005" })).toEqual([]);
      expect((await ids({})).length).toBe(7);
      const found = [];
      for await (const p of client.iterate.persons({ email: "sam5@home.example" })) found.push(p);
      expect(found).toEqual([candidate]);
    });

    it.each([
      ["a limit over 100", { limit: 101 }, "limit: must be at most 100 (got 101)"],
      ["a limit of 0", { limit: 0 }, "limit: must be at least 1 (got 0)"],
      ["a negative offset", { offset: -1 }, "offset: must be at least 0 (got -1)"],
      ["an email filter that is not an email", { email: "sam" }, "email: must be a valid email"],
      ["a job filter that is not a uuid", { job_id: "job_1" }, "job_id: must be a valid uuid"],
      ["an unknown filter", { query: "sam" }, "query: is not allowed"],
    ])("400: %s", async (_name, body, message) => {
      const { client } = await setup();
      const e = await failure(client.POST("/v1/persons/search", { body: body as never }));
      expect(e).toMatchObject({ status: 400, code: "VALIDATION_ERROR" });
      expect(e.message).toContain(message);
    });
  });

  describe("PATCH /v1/persons/{id}", () => {
    const id = person(1).id;
    const setupOne = async () => {
      const context = await setup();
      const send = async (body: StardexPersonPatch) => unwrap(patch(context.client, id, body));
      return { ...context, send, read: () => get(context.client, id) };
    };

    it("answers only a confirmation message, never the record", async () => {
      const { client } = await setup();
      const { data, response } = await patch(client, id, { current_job_title: "Staff Engineer" });
      expect(response.status).toBe(200);
      expect(data).toEqual({ success: true, data: { message: "Person updated successfully" } });
    });

    it("sets the fields sent and leaves the others; three are read under other names", async () => {
      const { send, read, sim } = await setupOne();
      await send({
        name: "Samuel P.",
        first_name: "Samuel",
        current_job_title: "CTO",
        company_name: "Northwind Analytics",
        linkedin_url: "https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa",
        linkedin_location: "London, United Kingdom",
        linkedin_headline: "",
        address: "1 Main St",
      });
      expect(await read()).toEqual({
        ...person(1),
        name: "Samuel P.",
        first_name: "Samuel",
        current_job_title: "CTO",
        current_company_name: "Northwind Analytics",
        current_company_id: sim.catalogue().companies.find((c) => c.name === "Northwind Analytics")?.id,
        linkedin_public_id: "josé-garcía",
        linkedin_location: "London, United Kingdom",
        linkedin_headline: "",
        address: "1 Main St",
      });
      await send({
        company_name: "Stealth startup",
        linkedin_url: "https://www.linkedin.com/in/josé-garcía",
      });
      expect(await read()).toMatchObject({ current_company_id: null, linkedin_public_id: "josé-garcía" });
    });

    it("emails and phone_numbers replace the whole list (read back as emails and phones)", async () => {
      const { send, read } = await setupOne();
      const emails = [{ contact_data_type: "personal", value: "new@home.example" }];
      await send({ emails, phone_numbers: [] });
      expect(await read()).toMatchObject({ emails, phones: [] });
      const twice = [
        { contact_data_type: "work", value: "a@x.example" },
        { contact_data_type: "work", value: "a@x.example" },
      ];
      await send({ emails: twice });
      expect((await read()).emails).toEqual(twice);
    });

    it("typed single values set the entry of their label, or add one (assumed)", async () => {
      const { send, read } = await setupOne();
      await send({ work_email: "sam@new.example", work_phone: "+44 20 7946 0000" });
      expect(await read()).toMatchObject({
        emails: [
          { contact_data_type: "work", value: "sam@new.example" },
          { contact_data_type: "personal", value: "sam1@home.example" },
        ],
        phones: [
          { contact_data_type: "mobile", value: "+351 910 000 001" },
          { contact_data_type: "work", value: "+44 20 7946 0000" },
        ],
      });
    });

    it("custom fields: value sets a scalar kind, stored in its canonical form", async () => {
      const { send, read } = await setupOne();
      await send({
        custom_fields: [
          { attribute_id: FIELDS.number.id, value: "90000.50" },
          { attribute_id: FIELDS.date.id, value: "2030-01-02T23:00:00-05:00" },
          { attribute_id: FIELDS.url.id, value: "https://sam.example/" },
          { attribute_id: FIELDS.select.id, value: "Staff" },
        ],
      });
      const stored = await read();
      await send({ custom_fields: [{ attribute_id: FIELDS.date.id, value: "2031-06-30T23:30:00" }] });
      const zoneless = (await read()).custom_fields?.find((f) => f.attribute_id === FIELDS.date.id);
      expect(zoneless?.value).toBe("2031-06-30"); // a zoneless timestamp keeps its own date
      expect(stored.custom_fields).toEqual([
        { attribute_id: FIELDS.text.id, data_type: "text", value: "Prefers remote" },
        { attribute_id: FIELDS.number.id, data_type: "number", value: "90000.5" },
        { attribute_id: FIELDS.select.id, data_type: "single-select", value: "Staff" },
        { attribute_id: FIELDS.skills.id, data_type: "multi-select", values: ["TypeScript", "Go"] },
        { attribute_id: FIELDS.owners.id, data_type: "team-member", team_member_ids: [ANA] },
        // A zoned timestamp is stored as its UTC day.
        { attribute_id: FIELDS.date.id, data_type: "date", value: "2030-01-03" },
        { attribute_id: FIELDS.url.id, data_type: "url", value: "https://sam.example/" },
      ]);
    });

    it("custom fields: set deltas for multi-select and team-member fields, clear_all empties", async () => {
      const { send, read } = await setupOne();
      await send({
        custom_fields: [
          { attribute_id: FIELDS.skills.id, add_values: ["Rust", "Go"], remove_values: ["TypeScript"] },
          { attribute_id: FIELDS.owners.id, add_team_member_ids: [BEN, CAT], remove_team_member_ids: [ANA] },
          { attribute_id: FIELDS.industries.id, remove_values: ["Fintech"] },
          { attribute_id: FIELDS.text.id, clear_all: true },
        ],
      });
      const fields = (await read()).custom_fields ?? [];
      expect(fields).toEqual([
        { attribute_id: FIELDS.number.id, data_type: "number", value: "85000" },
        { attribute_id: FIELDS.select.id, data_type: "single-select", value: "Senior" },
        { attribute_id: FIELDS.skills.id, data_type: "multi-select", values: ["Go", "Rust"] },
        { attribute_id: FIELDS.owners.id, data_type: "team-member", team_member_ids: [BEN, CAT] },
      ]);
      await send({
        custom_fields: [
          { attribute_id: FIELDS.skills.id, remove_values: ["Go", "Rust"] },
          { attribute_id: FIELDS.owners.id, clear_all: true },
          { attribute_id: FIELDS.number.id, clear_all: false },
        ],
      });
      expect((await read()).custom_fields).toEqual([
        { attribute_id: FIELDS.number.id, data_type: "number", value: "85000" },
        { attribute_id: FIELDS.select.id, data_type: "single-select", value: "Senior" },
      ]);
    });

    it("job_id adds a candidacy once; enrich_record changes no state", async () => {
      const { send, read } = await setupOne();
      await send({ job_id: JOB_A.id, enrich_record: true });
      await send({ job_id: JOB_A.id });
      const after = await read();
      expect(after.candidates).toEqual([
        expect.objectContaining({ job_id: JOB_A.id, job_name: JOB_A.name, is_archived: false }),
      ]);
      expect(after.candidate_id).toBe(after.candidates?.[0]?.candidate_id);
      expect({ ...after, candidates: [], candidate_id: null }).toEqual(person(1));
    });

    it("an empty body changes nothing", async () => {
      const { send, read } = await setupOne();
      await send({});
      expect(await read()).toEqual(person(1));
    });

    const tagId = FIELDS.skills.tags.find((t) => t.name === "Rust")!.id;
    it.each<[string, unknown, string]>([
      ["a field of the wrong type", { name: 42 }, "name: must be string (got integer)"],
      ["null (nothing is nullable)", { address: null }, "address: must be string (got null)"],
      ["a read-shape key", { phones: [] }, "phones: is not allowed"],
      [
        "an email entry without a label",
        { emails: [{ value: "a@b.example" }] },
        "emails[0].contact_data_type: is required",
      ],
      [
        "a linkedin_url that is not a LinkedIn profile",
        { linkedin_url: "sam" },
        "linkedin_url: must be a LinkedIn profile URL",
      ],
      [
        "an unknown job",
        { job_id: "00000000-0000-4000-8000-000000000000" },
        "job_id: must be the id of a job",
      ],
      [
        "an attribute_id that is not a uuid",
        { custom_fields: [{ attribute_id: "attr_1", value: "x" }] },
        "custom_fields[0].attribute_id: must be a valid uuid",
      ],
      [
        "an unknown attribute",
        { custom_fields: [{ attribute_id: "00000000-0000-4000-8000-000000000000", value: "x" }] },
        "custom_fields[0].attribute_id: must be the id of a person custom field",
      ],
      [
        "an attribute twice",
        {
          custom_fields: [
            { attribute_id: FIELDS.text.id, value: "a" },
            { attribute_id: FIELDS.text.id, value: "b" },
          ],
        },
        "custom_fields[1]: must name an attribute_id at most once",
      ],
      [
        "a read-shape key in an item",
        { custom_fields: [{ attribute_id: FIELDS.text.id, data_type: "text", value: "a" }] },
        "custom_fields[0].data_type: is not allowed",
      ],
      [
        "value on a multi-select",
        { custom_fields: [{ attribute_id: FIELDS.skills.id, value: "Go" }] },
        "custom_fields[0].value: does not apply to a multi-select field",
      ],
      [
        "add_values on a single-select",
        { custom_fields: [{ attribute_id: FIELDS.select.id, add_values: ["Lead"] }] },
        "custom_fields[0].add_values: does not apply to a single-select field",
      ],
      [
        "a tag UUID where the tag NAME is due",
        { custom_fields: [{ attribute_id: FIELDS.skills.id, add_values: [tagId] }] },
        'custom_fields[0].add_values[0]: must be a tag NAME, not a tag id (this id is "Rust")',
      ],
      [
        "a single-select value outside its tags",
        { custom_fields: [{ attribute_id: FIELDS.select.id, value: "Wizard" }] },
        'custom_fields[0].value: must be one of "Junior", "Mid"',
      ],
      [
        "a number that is not a number",
        { custom_fields: [{ attribute_id: FIELDS.number.id, value: "85k" }] },
        "custom_fields[0].value: must be a finite number",
      ],
      [
        "a date that is not a date",
        { custom_fields: [{ attribute_id: FIELDS.date.id, value: "2030-02-30" }] },
        "custom_fields[0].value: must be a date or an ISO timestamp",
      ],
      [
        "a url that is not a url",
        { custom_fields: [{ attribute_id: FIELDS.url.id, value: "sam.example" }] },
        "custom_fields[0].value: must be a valid uri",
      ],
      [
        "an unknown team member",
        {
          custom_fields: [
            { attribute_id: FIELDS.owners.id, add_team_member_ids: ["00000000-0000-4000-8000-000000000000"] },
          ],
        },
        "custom_fields[0].add_team_member_ids[0]: must be the id of a team member",
      ],
      [
        "clear_all beside another operation (its order is undocumented)",
        { custom_fields: [{ attribute_id: FIELDS.owners.id, clear_all: true, add_team_member_ids: [ANA] }] },
        "custom_fields[0].clear_all: cannot be combined with add_team_member_ids in one item",
      ],
      [
        "a tag both added and removed",
        { custom_fields: [{ attribute_id: FIELDS.skills.id, add_values: ["Go"], remove_values: ["Go"] }] },
        "custom_fields[0].remove_values[0]: must not also be in add_values",
      ],
    ])("400: %s, and nothing is written", async (_name, body, message) => {
      const { client, sim } = await setup();
      const mixed = { current_job_title: "Never written", ...(body as object) };
      const e = await failure(patch(client, id, mixed as StardexPersonPatch));
      expect(e).toMatchObject({ status: 400, code: "VALIDATION_ERROR" });
      expect(e.message).toContain(message);
      expect(sim.get(id)).toEqual(person(1));
    });

    it("404: an unknown id (after the body is checked)", async () => {
      const { client } = await setup();
      const e = await failure(patch(client, person(9).id, { name: "X" }));
      expect(e).toMatchObject({ status: 404, code: "NOT_FOUND" });
    });
  });

  describe("auth and routes", () => {
    const withKey = async (sim: StardexSimulator, apiKey: string | undefined) => {
      const headers: Record<string, string> =
        apiKey === undefined ? {} : { authorization: `Bearer ${apiKey}` };
      const target = transport === "http" ? (await sim.listen()).url : "https://api.stardex.ai";
      const call = transport === "http" ? fetch : sim.fetch;
      return call(`${target}/v1/persons/${person(1).id}`, { headers });
    };

    it("401 INVALID_API_KEY for a missing or another key; no route runs", async () => {
      const { sim, client } = await setup();
      sim.clearLog();
      for (const key of [undefined, "sk_other"]) {
        const response = await withKey(sim, key);
        expect(response.status).toBe(401);
        expect(await response.json()).toMatchObject({ success: false, error: { code: "INVALID_API_KEY" } });
      }
      expect(sim.requests.map((r) => r.status)).toEqual([401, 401]);
      expect((await withKey(sim, KEY)).status).toBe(200);
      void client;
    });

    it("the client's error for a wrong key has the status and code, and never the key", async () => {
      const { sim } = await setup();
      const { client } = await connect(transport, { records: sim.all() }, { apiKey: "sk_wrong_secret" });
      const e = await failure(client.GET("/v1/persons/{id}", path(person(1).id)));
      expect(e).toMatchObject({ status: 401, code: "INVALID_API_KEY" });
      expect(JSON.stringify({ ...e, message: e.message })).not.toContain("sk_wrong_secret");
    });

    it("404 in the framework's shape for a route Stardex does not have (no DELETE)", async () => {
      const { client } = await setup();
      const e = await failure(client.DELETE("/v1/persons/{id}" as never, path(person(1).id) as never));
      expect(e.status).toBe(404);
      expect(e.body).toEqual({
        message: `Cannot DELETE /v1/persons/${person(1).id}`,
        error: "Not Found",
        statusCode: 404,
      });
    });
  });
});
