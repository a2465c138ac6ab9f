/** The look-up operations a sync uses beside persons: custom field definitions, jobs, companies. */
import { describe, expect, it } from "vitest";
import { PatchwiseApiError, unwrap } from "../../src/index.ts";
import {
  STARDEX_COMPANIES,
  STARDEX_CUSTOM_FIELDS,
  STARDEX_JOBS,
  sampleStardexRecords,
} from "../../src/testing.ts";
import { connect, JOB_A, person, TRANSPORTS } from "./fixtures.ts";

const JOB_FIELD = {
  id: "6f1e2d3c-4b5a-4968-8776-655443322110",
  name: "Interview score",
  description: null,
  data_type: "number",
  job_id: JOB_A.id,
  list_id: null,
  tags: [],
};

describe.each(TRANSPORTS)("look-ups (%s)", (transport) => {
  it("GET /v1/custom-fields/persons: the person-wide definitions; job_id adds that job's", async () => {
    const { client } = await connect(transport, { customFields: [...STARDEX_CUSTOM_FIELDS, JOB_FIELD] });
    const { data } = await unwrap(client.GET("/v1/custom-fields/persons"));
    expect(data).toEqual(STARDEX_CUSTOM_FIELDS);
    const withJob = await unwrap(
      client.GET("/v1/custom-fields/persons", { params: { query: { job_id: JOB_A.id } } }),
    );
    expect(withJob.data).toEqual([...STARDEX_CUSTOM_FIELDS, JOB_FIELD]);
    const walked = [];
    for await (const d of client.iterate.customFields()) walked.push(d.id);
    expect(walked).toEqual(STARDEX_CUSTOM_FIELDS.map((d) => d.id));
  });

  it("400: a definition query that is not a uuid", async () => {
    const { client } = await connect(transport);
    const { error, response } = await client.GET("/v1/custom-fields/persons", {
      params: { query: { list_id: "list_1" } },
    });
    expect(response.status).toBe(400);
    expect(error).toMatchObject({
      error: { code: "VALIDATION_ERROR", message: expect.stringContaining("list_id") },
    });
  });

  it("POST /v1/jobs/search: keywords and is_archived filter; candidate_count comes from the store", async () => {
    const records = sampleStardexRecords(40, { seed: 3 });
    const { client } = await connect(transport, { records });
    const all = [];
    for await (const job of client.iterate.jobs({}, { pageSize: 3 })) all.push(job);
    expect(all.map((j) => j.id)).toEqual(STARDEX_JOBS.map((j) => j.id));
    const counted = (id: string) => records.filter((r) => r.candidates?.some((c) => c.job_id === id)).length;
    expect(all.map((j) => j.candidate_count)).toEqual(STARDEX_JOBS.map((j) => counted(j.id)));
    expect(all.some((j) => (j.candidate_count ?? 0) > 0)).toBe(true);

    const search = async (body: object) =>
      (await unwrap(client.POST("/v1/jobs/search", { body: body as never }))).data.map((j) => j.name);
    expect(await search({ keywords: ["engineer", "remote"] })).toEqual([
      "Staff Platform Engineer",
      "Machine Learning Engineer",
    ]);
    expect(await search({ keywords: ["engineer", "remote"], is_archived: false })).toEqual([
      "Staff Platform Engineer",
    ]);
    expect(await search({ keywords: ["Blue Harbor"] })).toEqual(["Head of Data", "Risk Analyst"]);
    const page = await unwrap(client.POST("/v1/jobs/search", { body: { offset: 6, limit: 5 } }));
    expect(page.meta).toEqual({ total: 8, offset: 6, limit: 5 });
    expect(page.data).toHaveLength(2);
  });

  it("POST /v1/jobs/search: 400 for a limit over 100 or a keyword that is not a string", async () => {
    const { client } = await connect(transport);
    for (const [body, field] of [
      [{ limit: 200 }, "limit: must be at most 100"],
      [{ keywords: [7] }, "keywords[0]: must be string"],
    ] as const) {
      const { error, response } = await client.POST("/v1/jobs/search", { body: body as never });
      expect(response.status).toBe(400);
      expect(error).toMatchObject({ error: { message: expect.stringContaining(field) } });
    }
  });

  it("GET /v1/companies: offset pages to the last one; job_id of a person's candidacy adds a job", async () => {
    const { client, sim } = await connect(transport, {
      records: [
        person(1, {
          current_company_id: "11111111-2222-4333-8444-555555555555",
          current_company_name: "Seeded Co",
          candidates: [
            {
              candidate_id: "9d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
              job_id: "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee",
              job_name: "Seeded job",
            },
          ],
        }),
      ],
    });
    const names = [];
    for await (const company of client.iterate.companies({ pageSize: 4 })) names.push(company.name);
    expect(names).toEqual([...STARDEX_COMPANIES.map((c) => c.name), "Seeded Co"]);
    const last = await unwrap(client.GET("/v1/companies", { params: { query: { offset: 4, limit: 4 } } }));
    expect(last.meta).toEqual({ total: 7, offset: 4, limit: 4 });
    expect(sim.catalogue().jobs.at(-1)).toMatchObject({
      id: "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee",
      name: "Seeded job",
    });
  });

  it("GET /v1/companies: 400 naming the parameter", async () => {
    const { client } = await connect(transport);
    const e = await unwrap(client.GET("/v1/companies", { params: { query: { limit: 0 } } })).catch((x) => x);
    expect(e).toBeInstanceOf(PatchwiseApiError);
    expect(e).toMatchObject({
      status: 400,
      message: expect.stringContaining("limit: must be at least 1 (got 0)"),
    });
  });
});
