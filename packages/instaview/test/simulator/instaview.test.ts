import { describe, expect, it } from "vitest";
import { diffCandidate, type InstaviewCandidate, PatchwiseApiError, unwrap } from "../../src/index.ts";
import {
  createInstaviewSimulator,
  INSTAVIEW_COMPANY_ID,
  type InstaviewSimulatorOptions,
} from "../../src/testing.ts";
import {
  candidate,
  clock,
  connect,
  JOB_A,
  JOB_B,
  JOB_C,
  KEY,
  OTHER_COMPANY,
  OTHER_JOB,
  START,
  TRANSPORTS,
  thrown,
} from "./fixtures.ts";

const UUID = /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/;
const TODAY = new Date(START).toISOString().slice(0, 10);
const NOW_ISO = new Date(START).toISOString();

/** A simulator at START with the default job catalogue plus a job of another company. */
function simulator(options: InstaviewSimulatorOptions = {}) {
  const { now } = clock();
  const sim = createInstaviewSimulator({ apiKey: KEY, now, ...options });
  sim.seedJobs([{ id: OTHER_JOB, companyId: OTHER_COMPANY }]);
  return sim;
}

/** The `error.code` of an error body (the envelope; a 429 body has none). */
const codeOf = (body: unknown) => (body as { error?: { code?: string } } | undefined)?.error?.code;

/** The `error.details` of an error body. */
const detailsOf = (body: unknown) => (body as { error?: { details?: unknown } } | undefined)?.error?.details;

/** The error envelope, for matching; `details` null unless given. */
const envelope = (code: string, details: unknown = null) => ({
  success: false,
  data: null,
  error: { code, message: expect.any(String), details },
  timestamp: NOW_ISO,
});

describe.each(TRANSPORTS)("operations (%s)", (transport) => {
  it("creates a candidate: 201 with the read shape, server fields set, deterministic ids", async () => {
    const run = async () => {
      const sim = simulator({ seed: 42 });
      const { client } = await connect(sim, transport);
      const { data, response } = await client.POST("/candidates", {
        body: {
          firstName: "Ada",
          lastName: "Lovelace",
          email: "ada@example.com",
          gdprExpiryDate: "2030-01-01",
          jobIds: [JOB_B, JOB_A, JOB_B],
          metadata: { source: "Referral" },
          cvText: "Ada Lovelace\nada@example.com\nAnalyst",
        },
      });
      return { data: data!, status: response.status, stored: sim.all() };
    };
    const { data, status, stored } = await run();
    expect(status).toBe(201);
    expect(data).toEqual({
      id: expect.stringMatching(UUID),
      firstName: "Ada",
      lastName: "Lovelace",
      status: "UNDEFINED",
      createdAt: NOW_ISO,
      updatedAt: NOW_ISO,
      jobId: JOB_B,
      jobIds: [JOB_B, JOB_A],
      email: "ada@example.com",
      phoneNumber: null,
      gdprExpiryDate: "2030-01-01",
      overallRating: null,
      metadata: { source: "Referral" },
      analysisCount: 0,
      interviewCount: 0,
      links: {
        analyses: `/v1/public/candidates/${data.id}/analyses`,
        interviews: `/v1/public/candidates/${data.id}/interviews`,
      },
      gender: null,
      cvText: "[NAME] [NAME]\n[EMAIL]\nAnalyst",
    });
    expect(stored).toEqual([data]);
    expect((await run()).data.id).toBe(data.id); // the same seed gives the same id
  });

  it("gets a candidate in the read shape; seeded fields kept, missing ones filled as the server would", async () => {
    const full = candidate(1);
    const { id, email: _, metadata: __, gender: ___, ...bare } = candidate(2);
    const sim = simulator({ records: [full, { id, ...bare }] });
    const { client } = await connect(sim, transport);
    expect(await unwrap(client.GET("/candidates/{id}", { params: { path: { id: full.id } } }))).toEqual(full);
    const filled = await unwrap(client.GET("/candidates/{id}", { params: { path: { id } } }));
    expect(filled).toMatchObject({ email: null, metadata: {}, gender: null });
    expect(Object.keys(filled)).toEqual(Object.keys(full));
  });

  it("lists page by page to the last one: page from 1, limit default 20, total and totalPages", async () => {
    const records = Array.from({ length: 45 }, (_, i) => candidate(i + 1));
    const sim = simulator({ records });
    const { client } = await connect(sim, transport);
    const page = async (query: { page?: number; limit?: number }) =>
      unwrap(client.GET("/candidates", { params: { query } }));
    const first = await page({});
    expect(first).toMatchObject({ total: 45, page: 1, limit: 20, totalPages: 3 });
    expect(first.data.map((c) => c.id)).toEqual(records.slice(0, 20).map((c) => c.id));
    const last = await page({ page: 3 });
    expect(last.data.map((c) => c.id)).toEqual(records.slice(40).map((c) => c.id));
    expect(await page({ page: 4 })).toEqual({ data: [], total: 45, page: 4, limit: 20, totalPages: 3 });
    expect(await page({ page: 2, limit: 100 })).toMatchObject({ data: [], totalPages: 1 });
    const all: InstaviewCandidate[] = [];
    for await (const c of client.iterate.candidates({ limit: 7 })) all.push(c);
    expect(all).toEqual(records);
    expect(sim.requests.filter((r) => r.query.limit === "7").map((r) => r.query.page)).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
    ]);
  });

  it("lists an empty company: no pages", async () => {
    const { client } = await connect(simulator(), transport);
    expect(await unwrap(client.GET("/candidates"))).toEqual({
      data: [],
      total: 0,
      page: 1,
      limit: 20,
      totalPages: 0,
    });
  });

  it("filters by jobId, status and email (the natural key: whatever its case)", async () => {
    const records = [
      candidate(1, { jobIds: [JOB_A, JOB_B], status: "APPLIED" }),
      candidate(2, { jobIds: [JOB_B], status: "REJECTED", email: "ada@example.com" }),
      candidate(3, { jobIds: [], status: "REJECTED" }),
      { ...candidate(4, { jobIds: [], email: "ada@example.com" }), companyId: OTHER_COMPANY },
    ];
    const { client } = await connect(simulator({ records }), transport);
    const ids = async (query: Record<string, string>) =>
      (await unwrap(client.GET("/candidates", { params: { query } }))).data.map((c) => c.id.slice(-1));
    expect(await ids({ jobId: JOB_B })).toEqual(["1", "2"]);
    expect(await ids({ jobId: JOB_C })).toEqual([]);
    expect(await ids({ status: "REJECTED" })).toEqual(["2", "3"]);
    expect(await ids({ status: "REJECTED", jobId: JOB_B })).toEqual(["2"]);
    expect(await ids({ email: "ada@example.com" })).toEqual(["2"]); // not another company's
    expect(await ids({ email: "Ada@Example.com" })).toEqual(["2"]);
    expect(await ids({ email: "ada@example.org" })).toEqual([]);
    const found = [];
    for await (const c of client.iterate.candidates({ email: "alex1@example.com" })) found.push(c);
    expect(found).toEqual([records[0]]);
  });

  it("PATCH applies Instaview's semantics and returns the updated candidate, as GET then does", async () => {
    const time = clock();
    const before = candidate(1, { jobIds: [JOB_A, JOB_B], gender: "male", metadata: { a: 1, b: { c: 2 } } });
    const sim = createInstaviewSimulator({ apiKey: KEY, now: time.now, records: [before] });
    const { client } = await connect(sim, transport);
    const params = { path: { id: before.id } };
    time.advance(60_000);
    const cv = "Alex1 Sample\nalex@example.com, +421 900 123 456\nEngineer";
    const updated = await unwrap(
      client.PATCH("/candidates/{id}", {
        params,
        body: {
          firstName: "Ada",
          phoneNumber: "+123456789012345",
          status: "ACCEPTED",
          gdprExpiryDate: "2031-02-03",
          jobIds: [JOB_C, JOB_A, JOB_C],
          metadata: { b: { d: 3 } },
          gender: null,
          cvText: cv,
        },
      }),
    );
    expect(updated).toEqual({
      ...before,
      firstName: "Ada",
      phoneNumber: "+123456789012345",
      status: "ACCEPTED",
      gdprExpiryDate: "2031-02-03",
      jobIds: [JOB_C, JOB_A], // replaced whole, as a set
      jobId: JOB_C, // the deprecated single id follows the first
      metadata: { b: { d: 3 } }, // replaced whole, not merged
      gender: null, // back to auto-detection
      cvText: "[NAME] [NAME]\n[EMAIL], [PHONE]\nEngineer", // anonymized: old and new names, contacts
      updatedAt: new Date(START + 60_000).toISOString(),
    });
    expect(await unwrap(client.GET("/candidates/{id}", { params }))).toEqual(updated);
    // Omitted fields stay; cvText never reads back as sent, even with nothing to anonymize.
    const again = await unwrap(client.PATCH("/candidates/{id}", { params, body: { cvText: "Engineer" } }));
    expect(again.cvText).not.toBe("Engineer");
    expect(again.cvText).toContain("Engineer");
    expect({ ...again, cvText: updated.cvText }).toEqual(updated);
    // An empty body changes nothing but updatedAt.
    time.advance(1000);
    const empty = await unwrap(client.PATCH("/candidates/{id}", { params, body: {} }));
    expect({ ...empty, updatedAt: again.updatedAt }).toEqual(again);
  });

  it("PATCH with a diffCandidate body turns before into after", async () => {
    const before = candidate(1);
    const after = {
      ...before,
      email: "new@example.com",
      jobIds: [JOB_B],
      metadata: {},
      gender: "female" as const,
    };
    const sim = simulator({ records: [before] });
    const { client } = await connect(sim, transport);
    const { body } = diffCandidate(before, after, { now: new Date(START) });
    await unwrap(client.PATCH("/candidates/{id}", { params: { path: { id: before.id } }, body }));
    expect(diffCandidate(sim.get(before.id)!, after, { now: new Date(START) }).noop).toBe(true);
  });

  it("deletes: true, then GET, PATCH and DELETE give 404 and the list leaves it out", async () => {
    const records = [candidate(1), candidate(2)];
    const sim = simulator({ records });
    const { client } = await connect(sim, transport);
    const params = { path: { id: records[0]!.id } };
    const { data, response } = await client.DELETE("/candidates/{id}", { params });
    expect([response.status, data]).toEqual([200, true]);
    for (const call of [
      () => client.GET("/candidates/{id}", { params }),
      () => client.PATCH("/candidates/{id}", { params, body: { status: "REJECTED" } }),
      () => client.DELETE("/candidates/{id}", { params }),
    ]) {
      const { response: r, error } = await call();
      expect([r.status, error]).toEqual([404, envelope("RESOURCE_NOT_FOUND", null)]);
    }
    expect((await unwrap(client.GET("/candidates"))).data).toEqual([records[1]]);
    expect(sim.get(records[0]!.id)).toBeUndefined();
  });

  it("serves the same routes under the /v1/public prefix its links show", async () => {
    const record = candidate(1);
    const { raw } = await connect(simulator({ records: [record] }), transport);
    const response = await raw("GET", `/v1/public/candidates/${record.id}`);
    expect(await response.json()).toEqual(record);
  });

  it("writes the GDPR date as a timestamp when told to (the vendor's planned timestamptz)", async () => {
    const sim = simulator({ records: [candidate(1)], gdprDateFormat: "timestamp" });
    const { client } = await connect(sim, transport);
    const params = { path: { id: candidate(1).id } };
    expect((await unwrap(client.GET("/candidates/{id}", { params }))).gdprExpiryDate).toBe(
      "2027-11-16T00:00:00.000Z",
    );
    const updated = await unwrap(
      client.PATCH("/candidates/{id}", { params, body: { gdprExpiryDate: "2030-05-06" } }),
    );
    expect(updated.gdprExpiryDate).toBe("2030-05-06T00:00:00.000Z");
  });
});

/** [name, request, status, envelope code, the fields `details` names]. */
type ErrorCase = [
  string,
  { method: string; path: string; body?: unknown; raw?: string; headers?: Record<string, string> },
  number,
  string,
  string[],
];

const ID = candidate(1).id;
const FOREIGN = candidate(9).id; // a candidate of another company
const at = `/candidates/${ID}`;

const ERRORS: ErrorCase[] = [
  // 400: the spec's constraints, each naming the field
  [
    "firstName empty",
    { method: "PATCH", path: at, body: { firstName: "" } },
    400,
    "VALIDATION_ERROR",
    ["firstName"],
  ],
  [
    "lastName of 101 characters",
    { method: "PATCH", path: at, body: { lastName: "x".repeat(101) } },
    400,
    "VALIDATION_ERROR",
    ["lastName"],
  ],
  [
    "email not an email",
    { method: "PATCH", path: at, body: { email: "alex@" } },
    400,
    "VALIDATION_ERROR",
    ["email"],
  ],
  [
    "email null: PATCH cannot clear it",
    { method: "PATCH", path: at, body: { email: null } },
    400,
    "VALIDATION_ERROR",
    ["email"],
  ],
  [
    "phoneNumber not E.164",
    { method: "PATCH", path: at, body: { phoneNumber: "0901 234 567" } },
    400,
    "VALIDATION_ERROR",
    ["phoneNumber"],
  ],
  [
    "status outside the enum (HIRED)",
    { method: "PATCH", path: at, body: { status: "HIRED" } },
    400,
    "VALIDATION_ERROR",
    ["status"],
  ],
  [
    "gdprExpiryDate today",
    { method: "PATCH", path: at, body: { gdprExpiryDate: TODAY } },
    400,
    "VALIDATION_ERROR",
    ["gdprExpiryDate"],
  ],
  [
    "gdprExpiryDate in the past",
    { method: "PATCH", path: at, body: { gdprExpiryDate: "2024-01-31" } },
    400,
    "VALIDATION_ERROR",
    ["gdprExpiryDate"],
  ],
  [
    "gdprExpiryDate a timestamp",
    { method: "PATCH", path: at, body: { gdprExpiryDate: "2030-01-01T00:00:00Z" } },
    400,
    "VALIDATION_ERROR",
    ["gdprExpiryDate"],
  ],
  [
    "gender other",
    { method: "PATCH", path: at, body: { gender: "other" } },
    400,
    "VALIDATION_ERROR",
    ["gender"],
  ],
  [
    "jobIds: 51",
    { method: "PATCH", path: at, body: { jobIds: Array.from({ length: 51 }, () => JOB_A) } },
    400,
    "VALIDATION_ERROR",
    ["jobIds"],
  ],
  [
    "jobIds: not a uuid",
    { method: "PATCH", path: at, body: { jobIds: [JOB_A, "job-1"] } },
    400,
    "VALIDATION_ERROR",
    ["jobIds[1]"],
  ],
  [
    "jobIds: a job that does not exist",
    { method: "PATCH", path: at, body: { jobIds: [JOB_A, "00000000-0000-4000-8000-000000000000"] } },
    400,
    "VALIDATION_ERROR",
    ["jobIds[1]"],
  ],
  [
    "metadata over 10 KB",
    { method: "PATCH", path: at, body: { metadata: { blob: "x".repeat(10_230) } } },
    400,
    "VALIDATION_ERROR",
    ["metadata"],
  ],
  [
    "metadata 6 levels deep",
    { method: "PATCH", path: at, body: { metadata: { a: { b: { c: { d: { e: { f: 1 } } } } } } } },
    400,
    "VALIDATION_ERROR",
    ["metadata"],
  ],
  [
    "metadata 51 keys at the top",
    {
      method: "PATCH",
      path: at,
      body: { metadata: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i])) },
    },
    400,
    "VALIDATION_ERROR",
    ["metadata"],
  ],
  [
    "metadata 51 keys over all levels",
    {
      method: "PATCH",
      path: at,
      body: {
        metadata: {
          ...Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, i])),
          n: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, i])),
        },
      },
    },
    400,
    "VALIDATION_ERROR",
    ["metadata"],
  ],
  [
    "metadata null",
    { method: "PATCH", path: at, body: { metadata: null } },
    400,
    "VALIDATION_ERROR",
    ["metadata"],
  ],
  [
    "cvText over 50 000 characters",
    { method: "PATCH", path: at, body: { cvText: "x".repeat(50_001) } },
    400,
    "VALIDATION_ERROR",
    ["cvText"],
  ],
  [
    "an unknown key",
    { method: "PATCH", path: at, body: { nickname: "Al" } },
    400,
    "VALIDATION_ERROR",
    ["nickname"],
  ],
  [
    "a read-only key",
    { method: "PATCH", path: at, body: { overallRating: 99 } },
    400,
    "VALIDATION_ERROR",
    ["overallRating"],
  ],
  [
    "a body that is not an object",
    { method: "PATCH", path: at, body: ["status"] },
    400,
    "VALIDATION_ERROR",
    [""],
  ],
  [
    "several fields at once",
    { method: "PATCH", path: at, body: { firstName: "", status: "HIRED" } },
    400,
    "VALIDATION_ERROR",
    ["firstName", "status"],
  ],
  ["malformed JSON", { method: "PATCH", path: at, raw: '{"status":' }, 400, "VALIDATION_ERROR", []],
  [
    "an id that is not a uuid",
    { method: "GET", path: "/candidates/cand_1" },
    400,
    "VALIDATION_ERROR",
    ["id"],
  ],
  [
    "create without names, date or contact",
    { method: "POST", path: "/candidates", body: {} },
    400,
    "VALIDATION_ERROR",
    ["firstName", "lastName", "gdprExpiryDate", "email"],
  ],
  [
    "create with a past GDPR date",
    {
      method: "POST",
      path: "/candidates",
      body: { firstName: "A", lastName: "B", phoneNumber: "+12", gdprExpiryDate: "2020-01-01" },
    },
    400,
    "VALIDATION_ERROR",
    ["gdprExpiryDate"],
  ],
  [
    "create with a bad email and no phone",
    {
      method: "POST",
      path: "/candidates",
      body: { firstName: "A", lastName: "B", email: "nope", gdprExpiryDate: "2030-01-01" },
    },
    400,
    "VALIDATION_ERROR",
    ["email"],
  ],
  ["list: page 0", { method: "GET", path: "/candidates?page=0" }, 400, "VALIDATION_ERROR", ["page"]],
  [
    "list: page not a number",
    { method: "GET", path: "/candidates?page=two" },
    400,
    "VALIDATION_ERROR",
    ["page"],
  ],
  ["list: limit 101", { method: "GET", path: "/candidates?limit=101" }, 400, "VALIDATION_ERROR", ["limit"]],
  ["list: limit 1.5", { method: "GET", path: "/candidates?limit=1.5" }, 400, "VALIDATION_ERROR", ["limit"]],
  [
    "list: status outside the enum",
    { method: "GET", path: "/candidates?status=HIRED" },
    400,
    "VALIDATION_ERROR",
    ["status"],
  ],
  [
    "list: jobId not a uuid",
    { method: "GET", path: "/candidates?jobId=job-1" },
    400,
    "VALIDATION_ERROR",
    ["jobId"],
  ],
  [
    "list: email not an email",
    { method: "GET", path: "/candidates?email=ada" },
    400,
    "VALIDATION_ERROR",
    ["email"],
  ],
  // 401
  ["no key", { method: "GET", path: at, headers: { authorization: "" } }, 401, "INVALID_API_KEY", []],
  [
    "a wrong key",
    { method: "GET", path: at, headers: { authorization: "Bearer sk_wrong" } },
    401,
    "INVALID_API_KEY",
    [],
  ],
  [
    "a Basic scheme",
    { method: "GET", path: at, headers: { authorization: `Basic ${KEY}` } },
    401,
    "INVALID_API_KEY",
    [],
  ],
  // 403: another company's candidate or job ids
  [
    "GET another company's candidate",
    { method: "GET", path: `/candidates/${FOREIGN}` },
    403,
    "INSUFFICIENT_PERMISSIONS",
    [],
  ],
  [
    "PATCH another company's candidate",
    { method: "PATCH", path: `/candidates/${FOREIGN}`, body: { status: "REJECTED" } },
    403,
    "INSUFFICIENT_PERMISSIONS",
    [],
  ],
  [
    "DELETE another company's candidate",
    { method: "DELETE", path: `/candidates/${FOREIGN}` },
    403,
    "INSUFFICIENT_PERMISSIONS",
    [],
  ],
  [
    "PATCH with another company's job",
    { method: "PATCH", path: at, body: { jobIds: [JOB_A, OTHER_JOB] } },
    403,
    "INSUFFICIENT_PERMISSIONS",
    ["jobIds[1]"],
  ],
  [
    "create with another company's job",
    {
      method: "POST",
      path: "/candidates",
      body: {
        firstName: "A",
        lastName: "B",
        phoneNumber: "+12",
        gdprExpiryDate: "2030-01-01",
        jobIds: [OTHER_JOB],
      },
    },
    403,
    "INSUFFICIENT_PERMISSIONS",
    ["jobIds[0]"],
  ],
  // 404
  [
    "an unknown candidate",
    { method: "GET", path: "/candidates/00000000-0000-4000-8000-000000000000" },
    404,
    "RESOURCE_NOT_FOUND",
    [],
  ],
  [
    "PATCH an unknown candidate",
    { method: "PATCH", path: "/candidates/00000000-0000-4000-8000-000000000000", body: {} },
    404,
    "RESOURCE_NOT_FOUND",
    [],
  ],
  ["an unknown route", { method: "GET", path: "/jobs" }, 404, "RESOURCE_NOT_FOUND", []],
];

describe.each(TRANSPORTS)("errors (%s)", (transport) => {
  it.each(ERRORS)("%s", async (_, request, status, code, fields) => {
    const sim = simulator({
      records: [candidate(1), { ...candidate(9, { jobIds: [OTHER_JOB] }), companyId: OTHER_COMPANY }],
    });
    const before = sim.all();
    const { raw } = await connect(sim, transport);
    const response = await raw(request.method, request.path, {
      ...((request.body !== undefined || request.raw !== undefined) && {
        body: request.raw ?? JSON.stringify(request.body),
      }),
      ...(request.headers && { headers: request.headers }),
    });
    const body = (await response.json()) as { error: { details: { field: string }[] | null } };
    expect(response.status).toBe(status);
    expect(body).toEqual(envelope(code, body.error.details));
    expect((body.error.details ?? []).map((d) => d.field)).toEqual(fields);
    if (!fields.length) expect(body.error.details).toBeNull();
    expect(sim.all()).toEqual(before); // nothing was written
  });

  it("typed errors through the client: status, the provider's code and message", async () => {
    const { client } = await connect(simulator({ records: [candidate(1)] }), transport);
    const error = await thrown(() =>
      unwrap(client.PATCH("/candidates/{id}", { params: { path: { id: ID } }, body: { firstName: "" } })),
    );
    expect(error).toBeInstanceOf(PatchwiseApiError);
    expect(error).toMatchObject({ status: 400, code: "VALIDATION_ERROR" });
    expect((error as PatchwiseApiError).message).toMatch(/firstName: must be at least 1 characters/);
    const wrongKey = await connect(simulator(), transport, { apiKey: "sk_wrong_key" });
    const unauthorized = await thrown(() => unwrap(wrongKey.client.GET("/candidates")));
    expect(unauthorized).toMatchObject({ status: 401, code: "INVALID_API_KEY" });
    expect(String((unauthorized as Error).message)).not.toContain("sk_wrong_key");
  });
});

describe.each(TRANSPORTS)("keys, companies and scopes (%s)", (transport) => {
  const mine = candidate(1);
  const theirs = { ...candidate(2, { jobIds: [OTHER_JOB] }), companyId: OTHER_COMPANY };

  it("a company key sees only its company's candidates; a companyId it passes is ignored", async () => {
    const sim = simulator({ records: [mine, theirs] });
    const { client } = await connect(sim, transport, { companyId: OTHER_COMPANY });
    expect((await unwrap(client.GET("/candidates"))).data.map((c) => c.id)).toEqual([mine.id]);
    expect(sim.companyId).toBe(INSTAVIEW_COMPANY_ID);
  });

  it("a multi-company (ATS) key acts on the company companyId selects", async () => {
    const sim = simulator({ records: [mine, theirs], companies: [INSTAVIEW_COMPANY_ID, OTHER_COMPANY] });
    const asOther = await connect(sim, transport, { companyId: OTHER_COMPANY });
    const { id: _, companyId: __, ...rest } = theirs;
    expect((await unwrap(asOther.client.GET("/candidates"))).data).toEqual([{ id: theirs.id, ...rest }]);
    const params = { path: { id: theirs.id } };
    await unwrap(asOther.client.PATCH("/candidates/{id}", { params, body: { jobIds: [] } }));
    const asMine = await connect(sim, transport, { companyId: INSTAVIEW_COMPANY_ID });
    const { response, error } = await asMine.client.GET("/candidates/{id}", { params });
    expect([response.status, codeOf(error)]).toEqual([403, "INSUFFICIENT_PERMISSIONS"]);
    const other = await asMine.client.PATCH("/candidates/{id}", {
      params: { path: { id: mine.id } },
      body: { jobIds: [OTHER_JOB] },
    });
    expect([other.response.status, codeOf(other.error)]).toEqual([403, "INSUFFICIENT_PERMISSIONS"]);
  });

  it("a multi-company key without companyId gets 400 naming it; with a company it lacks, 403", async () => {
    const sim = simulator({ companies: [INSTAVIEW_COMPANY_ID] });
    const none = await connect(sim, transport);
    const missing = await none.client.GET("/candidates");
    expect(missing.response.status).toBe(400);
    expect(detailsOf(missing.error)).toEqual([
      expect.objectContaining({ field: "companyId", rule: "required" }),
    ]);
    const elsewhere = await connect(sim, transport, { companyId: "co_3" });
    const refused = await elsewhere.client.GET("/candidates");
    expect([refused.response.status, codeOf(refused.error)]).toEqual([403, "INSUFFICIENT_PERMISSIONS"]);
  });

  it("a key without a scope gets 403 for the operations that need it", async () => {
    const sim = simulator({ records: [mine], scopes: ["read:candidates"] });
    const { client } = await connect(sim, transport);
    const params = { path: { id: mine.id } };
    expect((await client.GET("/candidates/{id}", { params })).response.status).toBe(200);
    for (const call of [
      () => client.PATCH("/candidates/{id}", { params, body: { status: "REJECTED" } }),
      () => client.DELETE("/candidates/{id}", { params }),
      () =>
        client.POST("/candidates", {
          body: { firstName: "A", lastName: "B", phoneNumber: "+12", gdprExpiryDate: "2030-01-01" },
        }),
    ]) {
      const { response, error } = await call();
      expect([response.status, codeOf(error)]).toEqual([403, "INSUFFICIENT_PERMISSIONS"]);
    }
    expect(sim.get(mine.id)).toEqual(mine);
  });

  it("a suspended key gets 401 API_KEY_SUSPENDED", async () => {
    const { client } = await connect(simulator({ suspended: true }), transport);
    const { response, error } = await client.GET("/candidates");
    expect([response.status, codeOf(error)]).toEqual([401, "API_KEY_SUSPENDED"]);
  });
});

describe("the store", () => {
  it("seed adds or replaces by id, in list order, and adds the jobs its candidates name to their company", () => {
    const sim = simulator({ records: [candidate(1), candidate(2)] });
    const job = "11111111-2222-4333-8444-555555555555";
    sim.seed([candidate(1, { firstName: "Ada", jobIds: [job] }), candidate(3)]);
    expect(sim.all().map((c) => [c.id.slice(-1), c.firstName])).toEqual([
      ["1", "Ada"],
      ["2", "Alex2"],
      ["3", "Alex3"],
    ]);
    expect(sim.jobs()).toContainEqual({ id: job, companyId: INSTAVIEW_COMPANY_ID });
    expect(sim.get("nope")).toBeUndefined();
  });

  it("refuses a seed whose candidate names another company's job", () => {
    const sim = simulator();
    expect(() => sim.seed([candidate(1, { jobIds: [OTHER_JOB] })])).toThrow(
      `seed: candidate ${candidate(1).id} of company co_1 names job ${OTHER_JOB} of company co_2`,
    );
  });

  it("returns copies: changing what get or all returned changes nothing stored", () => {
    const sim = simulator({ records: [candidate(1)] });
    const got = sim.get(ID)!;
    (got.jobIds as string[]).push(JOB_C);
    (got.metadata as Record<string, unknown>).x = 1;
    expect(sim.get(ID)).toEqual(candidate(1));
  });
});
